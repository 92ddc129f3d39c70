// The README's table of which credentials later steps use, computed from src/later-steps' own table.
import { SDK_FAMILIES } from '../../../src/later-steps/sdk-families.ts';
import {
  type CredentialUse,
  type SharedProfile,
  whoWillSign,
} from '../../../src/later-steps/who-will-sign.ts';

const EXPORTED = {
  AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_SESSION_TOKEN: 'token',
  AWS_EC2_METADATA_DISABLED: 'true', // a GitHub-hosted runner has no instance role
};
const withCredentials = (name: string): SharedProfile => ({ name, hasCredentials: true });

/** The columns: what else the job has besides the exported keys. */
const COLUMNS: { heading: string; env?: Record<string, string>; profiles?: SharedProfile[] }[] = [
  { heading: 'nothing else' },
  {
    heading: '`AWS_PROFILE=team` (profile exists)',
    env: { AWS_PROFILE: 'team' },
    profiles: [withCredentials('team')],
  },
  { heading: '`[default]` profile', profiles: [withCredentials('default')] },
  {
    heading: '`AWS_CONTAINER_CREDENTIALS_FULL_URI`',
    env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1/x' },
  },
  {
    heading: '`AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`',
    env: { AWS_WEB_IDENTITY_TOKEN_FILE: '/t', AWS_ROLE_ARN: 'arn:aws:iam::1:role/r' },
  },
];

function cell(use: CredentialUse): string {
  switch (use.kind) {
    case 'exported-keys':
      return 'keys';
    case 'profile':
      return `**${use.name}**`;
    case 'container':
      return '**container**';
    case 'web-identity':
      return '**web identity**';
    default:
      return '**none**';
  }
}

/** The markdown table, row per SDK family. */
export function laterStepsTable(): string {
  const verdicts = COLUMNS.map((column) =>
    whoWillSign({ ...EXPORTED, ...column.env }, column.profiles ?? []),
  );
  const header = `| SDK family | ${COLUMNS.map((column) => column.heading).join(' | ')} | how we know |`;
  const rule = `|${' --- |'.repeat(COLUMNS.length + 2)}`;
  const rows = SDK_FAMILIES.map((family, index) => {
    const cells = verdicts.map((columnVerdicts) => cell(columnVerdicts[index]?.use ?? { kind: 'nothing' }));
    const how = family.runHere ? 'run here' : 'from documented order, not run here';
    return `| ${family.name} | ${cells.join(' | ')} | ${how} |`;
  });
  return [header, rule, ...rows].join('\n');
}
