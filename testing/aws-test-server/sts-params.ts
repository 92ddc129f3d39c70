// Reads STS query parameters into typed requests, enforcing the service model's constraints
// with STS's own "N validation errors detected" wording.
import { StsError } from './sts-error.ts';

export interface Tag {
  key: string;
  value: string;
}

export interface SessionParams {
  roleArn: string;
  roleSessionName: string;
  durationSeconds?: number;
  policy?: string;
  policyArns: string[];
}

export interface AssumeRoleParams extends SessionParams {
  externalId?: string;
  sourceIdentity?: string;
  tags: Tag[];
  transitiveTagKeys: string[];
}

export interface WebIdentityParams extends SessionParams {
  webIdentityToken: string;
}

const SESSION_NAME = { min: 2, max: 64, pattern: '[\\w+=,.@-]*' };
const EXTERNAL_ID = { min: 2, max: 1224, pattern: '[\\w+=,.@:\\/-]*' };
const SOURCE_IDENTITY = { min: 2, max: 64, pattern: '[\\w+=,.@-]*' };
const POLICY = { min: 1, max: 2048, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' };
const ARN = { min: 20, max: 2048 };
const TAG_KEY = { min: 1, max: 128, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' };
const TAG_VALUE = { min: 0, max: 256, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*' };
const TOKEN = { min: 4, max: 20000, hideValue: true };
const MAX_TAGS = 50;
const MAX_POLICY_ARNS = 10;
const WEB_IDENTITY_REFUSED = [
  'ExternalId',
  'SourceIdentity',
  'SerialNumber',
  'TokenCode',
  'Tags',
  'TransitiveTagKeys',
];

interface StringRule {
  min: number;
  max: number;
  pattern?: string;
  hideValue?: boolean;
}

class Violations {
  readonly list: string[] = [];

  add(value: string | null, path: string, constraint: string): void {
    const shown = value === null ? 'null' : `'${value}'`;
    this.list.push(`Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`);
  }

  string(value: string | undefined, path: string, rule: StringRule, required = false): void {
    if (value === undefined) {
      if (required) this.add(null, path, 'Member must not be null');
      return;
    }
    const length = [...value].length;
    const add = (constraint: string) => {
      if (rule.hideValue) this.list.push(`Value at '${path}' failed to satisfy constraint: ${constraint}`);
      else this.add(value, path, constraint);
    };
    if (length < rule.min) add(`Member must have length greater than or equal to ${rule.min}`);
    if (length > rule.max) add(`Member must have length less than or equal to ${rule.max}`);
    if (rule.pattern && !new RegExp(`^${rule.pattern}$`, 'u').test(value)) {
      add(`Member must satisfy regular expression pattern: ${rule.pattern}`);
    }
  }

  listLength(items: unknown[], path: string, max: number, shown: string): void {
    if (items.length > max) this.add(shown, path, `Member must have length less than or equal to ${max}`);
  }

  throwIfAny(): void {
    if (this.list.length === 0) return;
    const count = this.list.length;
    const noun = count === 1 ? 'error' : 'errors';
    throw new StsError('ValidationError', `${count} validation ${noun} detected: ${this.list.join('; ')}`);
  }
}

/** Member numbers of a query-protocol list such as `Tags.member.N...`, in order. */
function memberNumbers(params: Record<string, string>, list: string): number[] {
  const numbers = new Set<number>();
  const prefix = `${list}.member.`;
  for (const name of Object.keys(params)) {
    if (name.startsWith(prefix)) numbers.add(Number.parseInt(name.slice(prefix.length), 10));
  }
  return [...numbers].filter(Number.isFinite).sort((a, b) => a - b);
}

function readDuration(params: Record<string, string>, violations: Violations): number | undefined {
  const raw = params.DurationSeconds;
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw)) {
    violations.add(raw, 'durationSeconds', 'Member must be a number');
    return undefined;
  }
  const value = Number(raw);
  if (value < 900)
    violations.add(raw, 'durationSeconds', 'Member must have value greater than or equal to 900');
  if (value > 43200)
    violations.add(raw, 'durationSeconds', 'Member must have value less than or equal to 43200');
  return value;
}

function readSession(params: Record<string, string>, violations: Violations): SessionParams {
  const roleArn = params.RoleArn;
  const roleSessionName = params.RoleSessionName;
  violations.string(roleArn, 'roleArn', ARN, true);
  violations.string(roleSessionName, 'roleSessionName', SESSION_NAME, true);
  const durationSeconds = readDuration(params, violations);
  violations.string(params.Policy, 'policy', POLICY);
  const policyArns = memberNumbers(params, 'PolicyArns').map((n) => {
    const arn = params[`PolicyArns.member.${n}.arn`] ?? '';
    violations.string(arn, `policyArns.${n}.member.arn`, ARN);
    return arn;
  });
  violations.listLength(policyArns, 'policyArns', MAX_POLICY_ARNS, `[${policyArns.join(', ')}]`);
  return {
    roleArn: roleArn ?? '',
    roleSessionName: roleSessionName ?? '',
    durationSeconds,
    policy: params.Policy,
    policyArns,
  };
}

export function readAssumeRole(params: Record<string, string>): AssumeRoleParams {
  const violations = new Violations();
  const session = readSession(params, violations);
  violations.string(params.ExternalId, 'externalId', EXTERNAL_ID);
  violations.string(params.SourceIdentity, 'sourceIdentity', SOURCE_IDENTITY); // the pattern already forbids 'aws:'
  const tags = memberNumbers(params, 'Tags').map((n) => {
    const tag = { key: params[`Tags.member.${n}.Key`] ?? '', value: params[`Tags.member.${n}.Value`] ?? '' };
    violations.string(tag.key, `tags.${n}.member.key`, TAG_KEY);
    violations.string(tag.value, `tags.${n}.member.value`, TAG_VALUE);
    return tag;
  });
  violations.listLength(
    tags,
    'tags',
    MAX_TAGS,
    `[${tags.map((t) => `Tag(Key=${t.key}, Value=${t.value})`).join(', ')}]`,
  );
  const transitiveTagKeys = memberNumbers(params, 'TransitiveTagKeys').map((n) => {
    const key = params[`TransitiveTagKeys.member.${n}`] ?? '';
    violations.string(key, `transitiveTagKeys.${n}.member`, TAG_KEY);
    return key;
  });
  violations.listLength(
    transitiveTagKeys,
    'transitiveTagKeys',
    MAX_TAGS,
    `[${transitiveTagKeys.join(', ')}]`,
  );
  violations.throwIfAny();
  return {
    ...session,
    externalId: params.ExternalId,
    sourceIdentity: params.SourceIdentity,
    tags,
    transitiveTagKeys,
  };
}

export function readWebIdentity(params: Record<string, string>): WebIdentityParams {
  const refused = WEB_IDENTITY_REFUSED.find((name) =>
    Object.keys(params).some((p) => p === name || p.startsWith(`${name}.`)),
  );
  if (refused) {
    throw new StsError(
      'ValidationError',
      `The parameter ${refused} is not supported by AssumeRoleWithWebIdentity.`,
    );
  }
  const violations = new Violations();
  const session = readSession(params, violations);
  violations.string(params.WebIdentityToken, 'webIdentityToken', TOKEN, true);
  violations.throwIfAny();
  return { ...session, webIdentityToken: params.WebIdentityToken ?? '' };
}
