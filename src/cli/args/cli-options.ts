/** What an option sets: an action input (repeatable ones joined by newlines) or one of the CLI's own fields. */
export type OptionTarget =
  | { readonly kind: 'input'; readonly input: string; readonly repeatable?: true }
  | { readonly kind: 'input-flag'; readonly input: string }
  | { readonly kind: 'value'; readonly field: 'format' | 'sourceProfile' | 'mfaSerial' | 'mfaCode' }
  | { readonly kind: 'flag'; readonly field: 'cache' | 'verbose' | 'help' | 'version' };

export interface OptionSpec {
  /** The long name, without the leading `--`. */
  readonly name: string;
  readonly short?: string;
  readonly target: OptionTarget;
}

const input = (name: string, inputName = name): OptionSpec => ({
  name,
  target: { kind: 'input', input: inputName },
});
const repeatable = (name: string, inputName: string): OptionSpec => ({
  name,
  target: { kind: 'input', input: inputName, repeatable: true },
});

/** Every option the CLI accepts. The action-input ones mirror action.yml. */
export const CLI_OPTIONS: readonly OptionSpec[] = [
  repeatable('role-arn', 'role-arn'),
  input('source'),
  input('session-name'),
  input('duration'),
  input('region'),
  input('external-id'),
  input('source-identity'),
  repeatable('tag', 'session-tags'),
  repeatable('transitive-tag-key', 'transitive-tag-keys'),
  input('profile'),
  repeatable('profiles', 'profiles'),
  input('policy', 'inline-session-policy'),
  repeatable('policy-arn', 'managed-session-policies'),
  input('sts-endpoint'),
  input('audience'),
  input('web-identity-token-file'),
  repeatable('allowed-account-ids', 'allowed-account-ids'),
  { name: 'overwrite-profile', target: { kind: 'input-flag', input: 'overwrite-profile' } },
  { name: 'source-profile', target: { kind: 'value', field: 'sourceProfile' } },
  { name: 'mfa-serial', target: { kind: 'value', field: 'mfaSerial' } },
  { name: 'mfa-code', target: { kind: 'value', field: 'mfaCode' } },
  { name: 'format', target: { kind: 'value', field: 'format' } },
  { name: 'cache', target: { kind: 'flag', field: 'cache' } },
  { name: 'verbose', short: 'v', target: { kind: 'flag', field: 'verbose' } },
  { name: 'help', short: 'h', target: { kind: 'flag', field: 'help' } },
  { name: 'version', short: 'V', target: { kind: 'flag', field: 'version' } },
];

export function takesValue(spec: OptionSpec): boolean {
  return spec.target.kind === 'input' || spec.target.kind === 'value';
}

/** The closest long option name to a mistyped one, when it is close enough to be a likely typo. */
export function suggestOption(name: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const spec of CLI_OPTIONS) {
    const distance = editDistance(name, spec.name);
    if (distance <= 2 && (best === undefined || distance < best.distance))
      best = { name: spec.name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
