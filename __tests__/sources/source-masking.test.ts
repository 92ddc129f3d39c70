// Every source masks each secret it obtains before it hands it on: one row per source that reads or
// fetches a secret (keys given as inputs are masked where the inputs are read; Roles Anywhere has its own).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Logger } from '../../src/logger.ts';
import { fromContainerCredentials } from '../../src/sources/container-credentials.ts';
import { fromEnvironment } from '../../src/sources/environment.ts';
import { fromGitHubOidc } from '../../src/sources/github-oidc.ts';
import { fromInstanceMetadata } from '../../src/sources/instance-metadata.ts';
import type { SourceContext, SourceProvider } from '../../src/sources/source.ts';
import { fromWebIdentityTokenFile } from '../../src/sources/web-identity-file.ts';
import {
  type AwsTestServer,
  containerEnv,
  imdsEnv,
  oidcEnv,
  startAwsTestServer,
} from '../../testing/aws-test-server/index.ts';
import { sourceContext } from './helpers/source-context.ts';

let server: AwsTestServer;
let dir: string;
before(async () => {
  server = await startAwsTestServer();
  dir = await mkdtemp(join(tmpdir(), 'source-masking-'));
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** A context whose logger records what was masked, and everything else it was asked to print. */
function recording(env: Record<string, string>) {
  const masked = new Set<string>();
  const printed: string[] = [];
  const logger: Logger = {
    info: (line) => printed.push(line),
    debug: (line) => printed.push(line),
    warning: (line) => printed.push(line),
    mask: (secret) => masked.add(secret),
  };
  const context = sourceContext(env, { logger });
  return { context, masked, printed };
}

/** The secrets a source's start carries: the credentials, or the web identity token. */
async function secretsOf(provider: SourceProvider): Promise<string[]> {
  const start = await provider();
  if (start.kind === 'web-identity') return [await start.token()];
  const { accessKeyId, secretAccessKey, sessionToken } = start.identity.credentials;
  return [accessKeyId, secretAccessKey, sessionToken].filter((value): value is string => Boolean(value));
}

interface Row {
  name: string;
  env: () => Record<string, string>;
  provider: (context: SourceContext) => SourceProvider;
  /** How many secrets the start carries: three for credentials with a token, one for a token. */
  carries: number;
}

const ROWS: Row[] = [
  {
    name: 'env: credentials an earlier step exported, which it may not have masked',
    env: () => ({
      AWS_ACCESS_KEY_ID: 'ASIAEXPORTEDBYASCRIPT',
      AWS_SECRET_ACCESS_KEY: 'exported-secret-key',
      AWS_SESSION_TOKEN: 'exported-session-token',
    }),
    provider: (context) => fromEnvironment(context),
    carries: 3,
  },
  { name: 'imds: the instance role', env: () => imdsEnv(server), provider: fromInstanceMetadata, carries: 3 },
  {
    name: 'container: the task role',
    env: () => containerEnv(server),
    provider: fromContainerCredentials,
    carries: 3,
  },
  {
    name: 'oidc: the ID token',
    env: () => oidcEnv(server),
    provider: (context) => fromGitHubOidc({ ...context, audience: 'sts.amazonaws.com' }),
    carries: 1,
  },
  {
    name: 'web-identity: the token read from its file',
    env: () => ({}),
    provider: (context) => fromWebIdentityTokenFile({ logger: context.logger, path: join(dir, 'token') }),
    carries: 1,
  },
];

for (const row of ROWS)
  test(row.name, async () => {
    await writeFile(join(dir, 'token'), `${server.mintIdToken()}\n`);
    const { context, masked, printed } = recording(row.env());
    const secrets = await secretsOf(row.provider(context));
    assert.equal(secrets.length, row.carries, 'the start carries its secrets');
    for (const secret of secrets) {
      assert.ok(masked.has(secret), `masked: ${secret.slice(0, 4)}…`);
      for (const line of printed) assert.ok(!line.includes(secret), `printed unmasked: ${line}`);
    }
  });
