import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCliReporter } from '../../src/cli/cli-logger.ts';

test('the CLI prints every message through the door: secrets redacted, no raw control character', () => {
  let written = '';
  const reporter = createCliReporter((text) => {
    written += text;
  });
  const logger = reporter.logger(true);
  logger.mask('wJalrXUtnFEMIK7MDENG');
  logger.warning('server said: wJalrXUtnFEMIK7MDENG\r\u001b[2J::set-output name=x::y');
  reporter.error(new Error('hop 1 failed: denied\u2028::add-mask::z'));
  assert.ok(!written.includes('wJalrXUtnFEMIK7MDENG'));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what must not get through
  assert.ok(!/[\r\u001b\u2028]/.test(written), JSON.stringify(written));
  assert.equal(written.split('\n').filter(Boolean).length, 2, 'one line per message');
});
