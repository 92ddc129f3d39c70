import { InputError } from '../../errors.ts';
import { RolesAnywhereInputs as Names } from './names.ts';

export interface RolesAnywhereArn {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly id: string;
}

type Kind = 'trust-anchor' | 'profile';

const ARN =
  /^arn:(aws[a-z-]*):rolesanywhere:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):(\d{12}):(trust-anchor|profile)\/([\w-]{1,64})$/;
const EXAMPLE: Record<Kind, string> = {
  'trust-anchor': 'arn:aws:rolesanywhere:eu-west-1:123456789012:trust-anchor/0a1b2c3d-…',
  profile: 'arn:aws:rolesanywhere:eu-west-1:123456789012:profile/4e5f6a7b-…',
};

/** A trust anchor or profile ARN, refused with the input's name when it is not one. */
export function parseRolesAnywhereArn(value: string | undefined, kind: Kind): RolesAnywhereArn {
  const input = kind === 'trust-anchor' ? Names.trustAnchorArn : Names.profileArn;
  const fix = `Copy the ARN from the IAM Roles Anywhere console or 'aws rolesanywhere list-${kind}s', e.g. ${EXAMPLE[kind]}`;
  if (!value) throw new InputError(input, 'it is required with source roles-anywhere', fix);
  const match = ARN.exec(value);
  if (!match) {
    // The value is not a secret, but may be long or hold line breaks: show only its start, on one line.
    const shown = JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
    throw new InputError(input, `${shown} is not an IAM Roles Anywhere ${kind} ARN`, fix);
  }
  const [, partition = '', region = '', accountId = '', found = '', id = ''] = match;
  if (found !== kind) {
    throw new InputError(input, `it is a ${found} ARN, not a ${kind} ARN`, fix);
  }
  return { partition, region, accountId, id };
}
