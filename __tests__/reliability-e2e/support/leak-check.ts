// Looks for secrets, whole or in part, everywhere a job leaves text: each phase's stdout, stderr, job
// summary, outputs, state and exports, and every file under the job's directories.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Job, PhaseResult } from '../../../testing/runner-harness/index.ts';

/**
 * A secret shown in part is still a leak: its 16-character windows, one every 8 characters, each count as
 * a mention, so any 24 consecutive characters of a secret are found wherever they appear.
 */
const FRAGMENT = 16;
const STRIDE = 8;
const COMMAND_FILE_VARIABLES = [
  'GITHUB_ENV',
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
  'GITHUB_PATH',
];
/** Names under which a step may hand the final credentials on (GITHUB_ENV, and outputs when asked). */
const CREDENTIAL_NAMES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'aws-access-key-id',
  'aws-secret-access-key',
  'aws-session-token',
];

/** Finds which secrets a text mentions, by any fragment, or by their hex or URL-safe base64 (never masked). */
export class SecretFinder {
  readonly #fragments = new Map<string, string>();
  readonly secrets: readonly string[];

  constructor(secrets: Iterable<string>) {
    this.secrets = [...new Set(secrets)].filter((secret) => secret.length >= FRAGMENT);
    const seen = new Map<string, Set<string>>();
    const add = (fragment: string, secret: string) => {
      const owners = seen.get(fragment) ?? new Set();
      owners.add(secret);
      seen.set(fragment, owners);
    };
    for (const secret of this.secrets) {
      for (const form of [
        secret,
        Buffer.from(secret).toString('hex'),
        Buffer.from(secret).toString('base64url'),
      ]) {
        for (let at = 0; at + FRAGMENT <= form.length; at += STRIDE)
          add(form.slice(at, at + FRAGMENT), secret);
        add(form.slice(-FRAGMENT), secret);
      }
    }
    // A fragment several secrets share (a common token prefix, a JWT header) identifies none of them.
    for (const [fragment, owners] of seen)
      if (owners.size === 1) this.#fragments.set(fragment, [...owners][0] ?? '');
  }

  /** The secrets `text` mentions. */
  in(text: string): Set<string> {
    const found = new Set<string>();
    for (let at = 0; at + FRAGMENT <= text.length; at++) {
      const owner = this.#fragments.get(text.slice(at, at + FRAGMENT));
      if (owner !== undefined) found.add(owner);
    }
    return found;
  }
}

export interface LeakRules {
  /** Every secret that reached the action: each must be masked in the job, and shown nowhere. */
  readonly secrets: Iterable<string>;
  /** Secrets the runner gave the job (request tokens): need no mask, but must never be shown either. */
  readonly ambient?: Iterable<string>;
  /** Files that may hold credentials: the shared credentials file, the refresh cache, planted token files. */
  readonly allowedFiles?: readonly string[];
  /** Directories whose files may hold credentials (the refresh cache). */
  readonly allowedDirs?: readonly string[];
  /** output-credentials was on: the outputs may carry the final credentials. */
  readonly outputCredentials?: boolean;
  /** Directories outside the job's to scan as well (the TMPDIR the job was given). */
  readonly alsoScan?: readonly string[];
}

const list = (values: Iterable<string>): string =>
  [...values].map((value) => `****${value.slice(-4)}`).join(', ');

/**
 * Checks every phase of a job, in order, and then every file of the job. Masks accumulate over the phases,
 * as the runner keeps them for the whole job.
 */
export async function assertNoLeaks(
  job: Job,
  phases: readonly PhaseResult[],
  rules: LeakRules,
): Promise<void> {
  const ambient = [...(rules.ambient ?? [])];
  const secrets = [...rules.secrets];
  const finder = new SecretFinder([...secrets, ...ambient]);
  const masked = new Set<string>();
  for (const [index, phase] of phases.entries()) {
    const where = (what: string) => `phase ${index + 1} (${phase.entry.split('/').pop()}): ${what}`;
    for (const line of phase.stdout.split('\n')) {
      const mentioned = finder.in(line);
      if (mentioned.size === 0) continue;
      const mask = line.startsWith('::add-mask::') ? line.slice('::add-mask::'.length) : undefined;
      if (mask !== undefined && mentioned.size === 1 && mentioned.has(mask)) {
        masked.add(mask);
        continue;
      }
      assert.fail(
        where(`stdout mentions ${list(mentioned)} outside its own add-mask:\n${line.slice(0, 300)}`),
      );
    }
    assert.deepEqual(list(finder.in(phase.stderr)), '', where('stderr mentions a secret'));
    assert.deepEqual(list(finder.in(phase.summary)), '', where('the job summary mentions a secret'));
    assert.deepEqual(list(finder.in(phase.files.state)), '', where('the state file mentions a secret'));
    assert.deepEqual(list(finder.in(phase.files.path)), '', where('GITHUB_PATH mentions a secret'));
    const handedOn: [string, Record<string, string>, boolean][] = [
      ['GITHUB_ENV', phase.exported, true],
      ['GITHUB_OUTPUT', phase.outputs, rules.outputCredentials === true],
    ];
    for (const [file, values, mayCarry] of handedOn) {
      for (const [name, value] of Object.entries(values)) {
        const mentioned = finder.in(value);
        if (mentioned.size === 0) continue;
        assert.ok(
          mayCarry && CREDENTIAL_NAMES.includes(name),
          where(`${file} ${name} carries ${list(mentioned)}`),
        );
        for (const secret of mentioned) {
          assert.equal(value, secret, where(`${file} ${name} holds exactly one secret`));
          assert.ok(
            masked.has(secret),
            where(`${file} ${name} hands on ${list([secret])} before it was masked`),
          );
        }
      }
    }
  }
  const unmasked = secrets.filter((secret) => !masked.has(secret));
  assert.deepEqual(list(unmasked), '', 'every secret that reached the action was masked');

  const commandFiles = new Set(
    phases.flatMap((phase) => COMMAND_FILE_VARIABLES.map((name) => phase.env[name]).filter(Boolean)),
  );
  const scanned = [job.dir, ...(rules.alsoScan ?? [])];
  for (const path of (await Promise.all(scanned.map(filesUnder))).flat()) {
    if (commandFiles.has(path)) continue; // read above, phase by phase, with their own rules
    if (rules.allowedFiles?.includes(path)) continue;
    if (rules.allowedDirs?.some((dir) => path.startsWith(`${dir}/`))) continue;
    const text = await readFile(path, 'latin1');
    assert.deepEqual(list(finder.in(text)), '', `${path} mentions a secret`);
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
