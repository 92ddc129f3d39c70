import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { createJob } from '../../testing/runner-harness/index.ts';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

// Only the harness mechanics: the bundle's behaviour is for the end-to-end tests to check.
test('runs the built dist/main.js and then dist/post.js as the runner does', async () => {
  const job = await createJob();
  try {
    // source: env with no keys fails fast, and IMDS is off, so nothing reaches the network.
    const { main, post } = await job.runStep(
      { source: 'env' },
      { env: { AWS_EC2_METADATA_DISABLED: 'true' }, timeoutMs: 20_000 },
    );
    assert.equal(main.entry, join(REPO_ROOT, 'dist', 'main.js'));
    assert.equal(main.exitCode, 1, main.stderr);
    assert.match(
      main.stdout,
      /::error::Source 'env': AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set/,
    );
    assert.equal(main.timedOut, false);
    assert.ok(post, 'post-if: always() runs post whatever main did');
    assert.equal(post.entry, join(REPO_ROOT, 'dist', 'post.js'));
    assert.equal(post.exitCode, 0, post.stderr);
    assert.equal(post.timedOut, false);
  } finally {
    await job.cleanup();
  }
});
