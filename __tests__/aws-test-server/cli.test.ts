// cli.ts: prints one JSON line describing the server, serves until SIGTERM, then exits cleanly.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { parseCliOptions } from '../../testing/aws-test-server/cli-options.ts';

const CLI = join(import.meta.dirname, '../../testing/aws-test-server/cli.ts');

test('cli prints one JSON line, serves with its flags, and exits 0 on SIGTERM', {
  timeout: 10_000,
}, async () => {
  const child = spawn(process.execPath, [CLI, '--latency-ms', '50', '--session-lifetime-ms', '60000'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const lines = createInterface({ input: child.stdout });
    const [line] = (await once(lines, 'line')) as [string];
    const description = JSON.parse(line);
    assert.match(description.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(description.port, Number(description.url.split(':')[2]));
    for (const key of ['stsEndpoint', 'imdsEndpoint', 'oidc', 'container', 'identities'])
      assert.ok(description[key], key);
    assert.match(description.identities.user.accessKeyId, /^AKIA/);

    const started = Date.now();
    const response = await fetch(description.container.fullUri, {
      headers: { authorization: description.container.authorizationToken },
    });
    assert.ok(Date.now() - started >= 45, '--latency-ms applies');
    const credentials = (await response.json()) as { Expiration: string };
    const lifetime = Date.parse(credentials.Expiration) - Date.now();
    assert.ok(lifetime > 55_000 && lifetime <= 60_000, '--session-lifetime-ms applies');

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('cli flags become server options, and bad values are refused', () => {
  assert.deepEqual(
    parseCliOptions(['--latency-ms', '25', '--session-lifetime-ms=1000', '--oidc-subject', 'repo:a/b:*']),
    {
      latencyMs: 25,
      sessionLifetimeMs: 1000,
      oidcSubject: 'repo:a/b:*',
    },
  );
  assert.throws(() => parseCliOptions(['--latency-ms', 'soon']), /--latency-ms needs a non-negative number/);
  assert.throws(() => parseCliOptions(['--latency-ms', '']), /non-negative number/);
  assert.throws(() => parseCliOptions(['--port', '80']), /Unknown option '--port'/);
});
