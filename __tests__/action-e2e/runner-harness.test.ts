import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { builtActionDir } from '../../testing/e2e/index.ts';
import { createJob } from '../../testing/runner-harness/index.ts';

// Only the harness mechanics: the bundle's behaviour is for the end-to-end tests to check.
test('runs dist/main.js and then dist/post.js of the build of the current source, as the runner does', async () => {
  const job = await createJob();
  try {
    // source: env with no keys fails fast, and IMDS is off, so nothing reaches the network.
    const { main, post } = await job.runStep(
      { source: 'env' },
      { env: { AWS_EC2_METADATA_DISABLED: 'true' }, timeoutMs: 20_000 },
    );
    assert.equal(main.entry, join(builtActionDir(), 'dist', 'main.js'));
    assert.equal(main.exitCode, 1, main.stderr);
    assert.match(
      main.stdout,
      /::error::Source 'env': AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set/,
    );
    assert.equal(main.timedOut, false);
    assert.ok(post, 'post-if: always() runs post whatever main did');
    assert.equal(post.entry, join(builtActionDir(), 'dist', 'post.js'));
    assert.equal(post.exitCode, 0, post.stderr);
    assert.equal(post.timedOut, false);
  } finally {
    await job.cleanup();
  }
});
