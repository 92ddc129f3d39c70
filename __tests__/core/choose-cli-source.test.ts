// The CLI's source choice: flags as given, else the AWS CLI's order; a bad AWS_PROFILE is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceError } from '../../src/errors.ts';
import { directAgents } from '../../src/net/agents.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/net/retry.ts';
import { chooseCliSource } from '../../src/sources/choose-cli-source.ts';
import type { SourceContext } from '../../src/sources/source.ts';
import type { ChoiceSettings } from '../../src/sources/source-choice.ts';

const ROLE = 'arn:aws:iam::111111111111:role/r';
const settings = (source: ChoiceSettings['source']): ChoiceSettings => ({
  source,
  roleArns: [ROLE],
  profiles: [],
});
const context = (env: NodeJS.ProcessEnv): SourceContext => ({
  env: { AWS_EC2_METADATA_DISABLED: 'true', ...env },
  logger: { info() {}, debug() {}, warning() {}, mask() {} },
  proxyAgents: directAgents(),
  directAgents: directAgents(),
  retry: DEFAULT_RETRY_POLICY,
});

test('an explicit --source or --source-profile is taken as given, saying which flag chose it', async () => {
  assert.deepEqual(await chooseCliSource(settings('imds'), context({})), {
    name: 'imds',
    reason: 'chosen with --source',
  });
  assert.deepEqual(await chooseCliSource(settings('profile'), context({})), {
    name: 'profile',
    reason: 'chosen with --source-profile',
  });
});

test('keys in the environment come first, before AWS_PROFILE', async () => {
  const env = { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_PROFILE: 'dev' };
  assert.equal((await chooseCliSource(settings('auto'), context(env))).name, 'env');
});

for (const bad of ['a b', 'dev\nsource: env', '']) {
  test(`AWS_PROFILE=${JSON.stringify(bad)} is ${bad === '' ? 'unset, as in the SDK' : 'refused, naming AWS_PROFILE'}`, async () => {
    const choosing = chooseCliSource(
      settings('auto'),
      context({
        AWS_PROFILE: bad,
        AWS_CONFIG_FILE: '/nonexistent/config',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
      }),
    );
    await assert.rejects(
      choosing,
      (error: unknown) =>
        error instanceof SourceError &&
        (bad === ''
          ? /AWS_PROFILE is not set/.test(error.message)
          : /AWS_PROFILE ".*" contains/.test(error.message)),
    );
  });
}
