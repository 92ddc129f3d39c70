import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultSessionName } from '../../src/settings/default-session-name.ts';

const VALID = /^[\w+=,.@-]{2,64}$/;
const RUN = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'octo-org/deploy-tools',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_ATTEMPT: '2',
};

describe('defaultSessionName', () => {
  test('names the repository, run id and attempt in GitHub Actions', () => {
    assert.equal(defaultSessionName(RUN, 'runner', 'fv-az123'), 'gha-deploy-tools-9876543210-2');
  });

  test('takes attempt 1 when GITHUB_RUN_ATTEMPT is missing, and a run id alone as GitHub Actions', () => {
    assert.equal(
      defaultSessionName({ GITHUB_RUN_ID: '42', GITHUB_REPOSITORY: 'o/r' }, 'u', 'h'),
      'gha-r-42-1',
    );
  });

  test('cuts a long repository name to 64 characters, keeping the run id and attempt', () => {
    const name = defaultSessionName({ ...RUN, GITHUB_REPOSITORY: `o/${'r'.repeat(100)}` }, 'u', 'h');
    assert.equal(name.length, 64);
    assert.ok(name.endsWith('-9876543210-2'), name);
    assert.match(name, VALID);
  });

  test('replaces characters STS refuses with -', () => {
    assert.equal(
      defaultSessionName({ ...RUN, GITHUB_REPOSITORY: 'o/r~e p' }, 'u', 'h'),
      'gha-r-e-p-9876543210-2',
    );
  });

  test('uses user@host outside GitHub Actions', () => {
    assert.equal(defaultSessionName({}, 'jane', 'laptop.local'), 'jane@laptop.local');
  });

  test('sanitises and cuts user@host', () => {
    assert.equal(defaultSessionName({}, 'Jane Doe', 'my host'), 'Jane-Doe@my-host');
    const name = defaultSessionName({}, 'u', 'h'.repeat(100));
    assert.equal(name.length, 64);
    assert.match(name, VALID);
  });

  test("falls back to 'assume-aws-role' when neither user nor host gives a name", () => {
    assert.equal(defaultSessionName({}, '', ''), 'assume-aws-role');
    assert.equal(defaultSessionName({}, 'x', ''), 'assume-aws-role');
  });

  test('always gives 2 to 64 valid characters', () => {
    const envs: NodeJS.ProcessEnv[] = [
      {},
      { GITHUB_ACTIONS: 'true' },
      { GITHUB_RUN_ID: '1'.repeat(80), GITHUB_RUN_ATTEMPT: '3' },
      { ...RUN, GITHUB_REPOSITORY: '' },
      { ...RUN, GITHUB_REPOSITORY: 'ö/ü'.repeat(40) },
    ];
    for (const env of envs)
      for (const [user, host] of [
        ['', ''],
        ['ü', 'ß'],
        ['a'.repeat(70), 'b'],
      ])
        assert.match(
          defaultSessionName(env, user ?? '', host ?? ''),
          VALID,
          JSON.stringify({ env, user, host }),
        );
  });
});
