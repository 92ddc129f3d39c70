import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCliSettings } from '../../src/cli/args/cli-settings.ts';
import { CliInputs } from '../../src/constants.ts';
import { SourceError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { createNetworkContext } from '../../src/obtain/network-context.ts';
import { createSource } from '../../src/sources/create-source.ts';

const logger: Logger = { info() {}, debug() {}, warning() {}, mask() {} };
const settings = parseCliSettings(
  (name) => (name === CliInputs.sourceProfile ? 'dev' : ''),
  {},
  {
    defaultSessionName: 'test',
  },
);
const choice = { name: 'profile', reason: 'source-profile is given' } as const;

test('a front end that gives no profile reader (the action) refuses the profile source', async () => {
  const { source } = createNetworkContext(settings, {}, logger);
  await assert.rejects(createSource(choice, settings, source), SourceError);
});

test('the profile source is loaded through the reader the CLI gives', async () => {
  let loaded = 0;
  const loadSharedProfile = async () => {
    loaded++;
    return import('../../src/sources/shared-profile.ts');
  };
  const { source } = createNetworkContext(settings, {}, logger, { loadSharedProfile });
  assert.equal(typeof (await createSource(choice, settings, source)), 'function');
  assert.equal(loaded, 1);
});
