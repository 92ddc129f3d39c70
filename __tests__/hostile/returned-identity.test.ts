import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expiryProblem } from '../../src/credential-expiry.ts';
import {
  checkCallerArn,
  checkSessionArn,
  isSessionOf,
  UntrustedAnswerError,
} from '../../src/sts/check-returned-identity.ts';

const ROLE = 'arn:aws:iam::111122223333:role/ci/deploy';
const SESSION = 'arn:aws:sts::111122223333:assumed-role/deploy/run-42';

describe('checkSessionArn: an assumed-role ARN of the very role asked for', () => {
  it('accepts the session of the role, whatever its path', () => checkSessionArn(SESSION, ROLE));
  it('isSessionOf says yes to it, and no to a legacy command after it', () => {
    assert.equal(isSessionOf(SESSION, ROLE), true);
    assert.equal(isSessionOf(`${SESSION} ##[set-output name=arn;]x`, ROLE), false);
  });

  const refused = [
    { name: 'a line feed and a command', arn: `${SESSION}\n::set-output name=a::b` },
    { name: 'a lone carriage return', arn: `${SESSION}\r::stop-commands::x` },
    { name: 'an encoded line feed', arn: `${SESSION}%0A::add-mask::x` },
    { name: 'another account', arn: SESSION.replace('111122223333', '999999999999') },
    { name: 'another role', arn: SESSION.replace('/deploy/', '/admin/') },
    { name: 'another partition', arn: SESSION.replace('arn:aws:', 'arn:aws-cn:') },
    { name: 'a user ARN', arn: 'arn:aws:iam::111122223333:user/deploy' },
    { name: 'nothing like an ARN', arn: '<html>' },
  ];
  for (const row of refused) {
    it(`isSessionOf says no to ${row.name}`, () => assert.equal(isSessionOf(row.arn, ROLE), false));
    it(`refuses ${row.name}, on one line`, () => {
      assert.throws(
        () => checkSessionArn(row.arn, ROLE),
        (error: unknown) => error instanceof UntrustedAnswerError && !/[\r\n]/.test(error.message),
      );
    });
  }
});

describe('checkCallerArn: an IAM or STS ARN in the account reported', () => {
  it('accepts a user and a session', () => {
    checkCallerArn('arn:aws:iam::111122223333:user/ci', '111122223333');
    checkCallerArn(SESSION, undefined);
  });
  it('refuses a line break and an account that does not match', () => {
    assert.throws(() => checkCallerArn(`${SESSION}\n::x::`, undefined), UntrustedAnswerError);
    assert.throws(() => checkCallerArn(SESSION, '999999999999'), /does not match/);
  });
});

describe('expiryProblem: credentials that will not outlast the step are refused', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const at = (minutes: number) => new Date(now + minutes * 60_000);
  const rows = [
    { minutes: 60, refused: false },
    { minutes: 5, refused: false },
    { minutes: 4, refused: true, says: /expire in 4 minutes/ },
    { minutes: -60, refused: true, says: /expired 60 minutes ago/ },
  ];
  for (const row of rows) {
    it(`${row.minutes} minutes left: ${row.refused ? 'refused' : 'accepted'}`, () => {
      const problem = expiryProblem(at(row.minutes), 'STS', {}, now);
      assert.equal(problem !== undefined, row.refused);
      if (row.says) assert.match(problem ?? '', row.says);
      if (row.says) assert.match(problem ?? '', /runner's clock/);
    });
  }
  it('the test knob lowers the limit but never lets expired credentials through', () => {
    const env = { ASSUME_AWS_ROLE_MIN_VALIDITY_MS: '0' };
    assert.equal(expiryProblem(at(1), 'STS', env, now), undefined);
    assert.match(expiryProblem(at(-1), 'STS', env, now) ?? '', /expired/);
  });
});
