// After the hand-over, each real client signs through its own default chain in a later step. For every
// overrider scenario, each client must sign as the handed-over role, or fail or sign as someone else
// exactly where the action's table predicted it and the action warned about that overrider.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readSharedProfiles } from '../../src/later-steps/read-shared-profiles.ts';
import { SDK_FAMILIES } from '../../src/later-steps/sdk-families.ts';
import { describeUse, whoWillSign } from '../../src/later-steps/who-will-sign.ts';
import type { AwsTestServer } from '../../testing/aws-test-server/index.ts';
import {
  assertSucceeded,
  commandMessages,
  containerEnv,
  jobEnv,
  roleArn,
  runStep,
  startAwsTestServer,
  withJob,
} from '../../testing/e2e/index.ts';
import type { Job } from '../../testing/runner-harness/index.ts';
import { exportedKeys } from '../action-e2e/support/credentials.ts';
import {
  CLIENT_FAMILY,
  type ClientName,
  type Clients,
  type Outcome,
  prepareClients,
} from './support/clients.ts';

const OTHER_USER = 'arn:aws:iam::111111111111:user/someone-else';
const CONTAINER_ROLE = 'arn:aws:sts::111111111111:assumed-role/test-container-role/';
const IRSA_ROLE = roleArn('irsa');

interface Scenario {
  readonly name: string;
  /** How the warning about it starts; none when nothing should be warned about. */
  readonly overrider?: string;
  env?(server: AwsTestServer, job: Job): Promise<Record<string, string>> | Record<string, string>;
  /** A profile of someone else: file (under HOME) and section header. */
  readonly profile?: { readonly file: string; readonly header: string };
}

const SCENARIOS: Scenario[] = [
  { name: 'nothing else set' },
  {
    name: 'a job-wide AWS_PROFILE naming a profile',
    overrider: 'AWS_PROFILE="team"',
    env: () => ({ AWS_PROFILE: 'team' }),
    profile: { file: '.aws/credentials', header: 'team' },
  },
  {
    name: 'a job-wide AWS_PROFILE naming no profile',
    overrider: 'AWS_PROFILE="gone"',
    env: () => ({ AWS_PROFILE: 'gone' }),
  },
  { name: 'an empty AWS_PROFILE', overrider: 'AWS_PROFILE=""', env: () => ({ AWS_PROFILE: '' }) },
  {
    name: 'a [default] profile',
    overrider: 'A [default] profile',
    profile: { file: '.aws/credentials', header: 'default' },
  },
  {
    name: 'AWS_SHARED_CREDENTIALS_FILE naming a file with a [default] profile',
    overrider: 'A [default] profile',
    env: (_, job) => ({ AWS_SHARED_CREDENTIALS_FILE: join(job.home, 'elsewhere', 'credentials') }),
    profile: { file: 'elsewhere/credentials', header: 'default' },
  },
  {
    name: 'AWS_CONTAINER_CREDENTIALS_FULL_URI (EKS Pod Identity)',
    overrider: 'AWS_CONTAINER_CREDENTIALS_FULL_URI=',
    env: (server) => containerEnv(server),
  },
  {
    name: 'AWS_CONTAINER_CREDENTIALS_FULL_URI cleared with an empty value',
    env: (server) => ({ ...containerEnv(server), AWS_CONTAINER_CREDENTIALS_FULL_URI: '' }),
  },
  {
    name: 'IRSA variables (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN)',
    env: async (server, job) => {
      const tokenFile = join(job.home, 'irsa-token');
      await writeFile(tokenFile, server.mintIdToken());
      return {
        AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
        AWS_ROLE_ARN: IRSA_ROLE,
        AWS_ROLE_SESSION_NAME: 'irsa',
      };
    },
  },
];

let server: AwsTestServer;
let clients: Clients;
before(async () => {
  [server, clients] = await Promise.all([startAwsTestServer(), prepareClients()]);
});
after(() => Promise.all([server?.close(), clients?.cleanup()]));

test('every client of this machine is found, or skipped with its reason', (t) => {
  for (const [name, reason] of clients.skipped) t.diagnostic(`skipped ${name}: ${reason}`);
  assert.ok(clients.available.includes('js'));
});

describe('who signs in a later step', { concurrency: 2, timeout: 600_000 }, () => {
  for (const scenario of SCENARIOS) {
    test(scenario.name, async () => {
      const otherKeys = server.issueKeys(OTHER_USER);
      await withJob(jobEnv(server), async (job) => {
        const scenarioEnv = (await scenario.env?.(server, job)) ?? {};
        if (scenario.profile) {
          const path = join(job.home, scenario.profile.file);
          await mkdir(dirname(path), { recursive: true, mode: 0o700 });
          const section = `[${scenario.profile.header}]\naws_access_key_id = ${otherKeys.accessKeyId}\naws_secret_access_key = ${otherKeys.secretAccessKey}\n`;
          await writeFile(path, section, { mode: 0o600 });
        }
        const user = server.identities.user;
        const step = await runStep(
          server,
          job,
          {
            source: 'keys',
            'aws-access-key-id': user.accessKeyId,
            'aws-secret-access-key': user.secretAccessKey,
            'role-arn': roleArn('handed-over'),
          },
          scenarioEnv,
        );
        assertSucceeded(step);
        const handedOver = step.main.outputs.arn ?? '';
        const keys = exportedKeys(step.main);
        const laterEnv = {
          PATH: '/usr/bin:/bin',
          HOME: job.home,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_PAGER: '',
          ...scenarioEnv,
          AWS_ACCESS_KEY_ID: keys.accessKeyId,
          AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
          AWS_SESSION_TOKEN: keys.sessionToken ?? '',
        };
        const predicted = whoWillSign(laterEnv, await readSharedProfiles(laterEnv));
        const outcomes = await clients.callerArns(laterEnv, server.stsEndpoint);
        const warnings = commandMessages(step.main, 'warning');
        const report = `${JSON.stringify(outcomes, null, 1)}\nwarnings:\n${warnings.join('\n')}`;

        if (!scenario.overrider) assert.deepEqual(warnings, [], report);
        for (const verdict of predicted) {
          const family = verdict.family.name + (verdict.family.runHere ? '' : ' (from its documented order)');
          const row = `<td>${html(family)}</td><td>${html(describeUse(verdict.use))}</td>`;
          assert.ok(step.main.summary.includes(row), `the job summary has ${row}\n${step.main.summary}`);
        }
        for (const [client, outcome] of Object.entries(outcomes) as [ClientName, Outcome][]) {
          const family = SDK_FAMILIES.find((candidate) => candidate.id === CLIENT_FAMILY[client]);
          const verdict = predicted.find((candidate) => candidate.family.id === family?.id);
          assert.ok(family && verdict);
          const actual = category(outcome, handedOver);
          const expected =
            verdict.use.kind === 'error' || verdict.use.kind === 'nothing' ? 'fails' : verdict.use.kind;
          assert.equal(actual, expected, `${client}: the table predicted ${expected}\n${report}`);
          if (actual === 'exported-keys') continue;
          const warned = warnings.some(
            (warning) => warning.startsWith(scenario.overrider ?? '\0') && warning.includes(family.name),
          );
          assert.ok(
            warned,
            `${client} does not sign as ${handedOver}, and no warning about ${scenario.overrider} names ${family.name}\n${report}`,
          );
        }
      });
    });
  }
});

function category(outcome: Outcome, handedOver: string): string {
  if ('error' in outcome) return outcome.error.startsWith('exit timed out') ? 'hung' : 'fails';
  if (outcome.arn === handedOver) return 'exported-keys';
  if (outcome.arn === OTHER_USER) return 'profile';
  if (outcome.arn.startsWith(CONTAINER_ROLE)) return 'container';
  if (outcome.arn.includes(':assumed-role/irsa/')) return 'web-identity';
  return `someone unexpected (${outcome.arn})`;
}

const html = (text: string): string => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
