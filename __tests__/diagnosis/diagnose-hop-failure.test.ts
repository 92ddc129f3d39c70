// One row per fix the diagnosis can give: which STS (or network) failure, in which hop, leads to which advice.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnoseHopFailure, type HopContext } from '../../src/diagnosis/diagnose-hop-failure.ts';
import { StsRefusalError } from '../../src/diagnosis/sts-refusal.ts';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const CHINA_ROLE = 'arn:aws-cn:iam::210987654321:role/deploy';
const SESSION = 'arn:aws:sts::111111111111:assumed-role/hub/run-1';
const CLAIMS = {
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'repo:octo/repo:ref:main',
  aud: 'sts.amazonaws.com',
  all: {},
};

/** An error shaped as the SDK throws it: the code in `name`, the HTTP status in `$metadata`. */
function stsError(name: string, message: string, status?: number): Error {
  const error = new Error(message);
  error.name = name;
  return Object.assign(error, status === undefined ? {} : { $metadata: { httpStatusCode: status } });
}
const networkError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

const assumeRole: HopContext = {
  position: 'hop 2 of 3',
  operation: 'AssumeRole',
  roleArn: ROLE,
  caller: SESSION,
  callerIsSource: false,
  sourceName: 'keys',
  tagsSent: false,
  endpoint: 'https://sts.eu-west-2.amazonaws.com',
};
const webIdentity: HopContext = {
  ...assumeRole,
  position: 'hop 1 of 1',
  operation: 'AssumeRoleWithWebIdentity',
  caller: 'GitHub OIDC token (audience sts.amazonaws.com)',
  callerIsSource: true,
  sourceName: 'oidc',
  claims: CLAIMS,
};
const fromSource = (sourceName: string): HopContext => ({
  ...assumeRole,
  position: 'hop 1 of 1',
  caller: 'arn:aws:iam::111111111111:user/ci',
  callerIsSource: true,
  sourceName,
});

interface Row {
  readonly name: string;
  readonly error: unknown;
  readonly hop: HopContext;
  readonly code: string;
  /** Every one of these is in the fix. */
  readonly fix: readonly (string | RegExp)[];
}

const ROWS: readonly Row[] = [
  {
    name: 'web identity denied: the trust policy must allow the OIDC provider with conditions matching the token',
    error: stsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403),
    hop: webIdentity,
    code: 'AccessDenied',
    fix: [
      'Federated principal arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
      '"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}',
      '"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo/repo:ref:main"}',
    ],
  },
  {
    name: "web identity denied in another partition: the provider ARN is in the role's partition and account",
    error: stsError('AccessDenied', 'denied', 403),
    hop: {
      ...webIdentity,
      roleArn: CHINA_ROLE,
      claims: { ...CLAIMS, iss: 'https://oidc.example.com/ghes/' },
    },
    code: 'AccessDenied',
    fix: ['arn:aws-cn:iam::210987654321:oidc-provider/oidc.example.com/ghes', '"oidc.example.com/ghes:aud"'],
  },
  {
    name: 'web identity denied without readable claims: placeholders for the account and the conditions',
    error: stsError('AccessDenied', 'denied', 403),
    hop: { ...webIdentity, roleArn: undefined, claims: undefined },
    code: 'AccessDenied',
    fix: [
      'the trust policy of the role',
      'arn:aws:iam::ACCOUNT:oidc-provider/token.actions.githubusercontent.com',
      'like "repo:OWNER/REPO:*"',
    ],
  },
  {
    name: 'an invalid identity token: register the issuer as an OIDC provider with the audience',
    error: stsError('InvalidIdentityTokenException', 'No OpenIDConnect provider found', 400),
    hop: webIdentity,
    code: 'InvalidIdentityToken',
    fix: [
      'register "https://token.actions.githubusercontent.com" as an IAM OIDC identity provider',
      'sts.amazonaws.com',
    ],
  },
  {
    name: 'an expired web identity token: rerun, and check the token file refresh and the clocks',
    error: stsError('ExpiredTokenException', 'Token expired', 400),
    hop: webIdentity,
    code: 'ExpiredTokenException',
    fix: ['the web identity token expired before STS saw it', 'clocks agree'],
  },
  {
    name: 'an expired web identity token reported as ExpiredToken gets the same advice',
    error: stsError('ExpiredToken', 'Token expired', 400),
    hop: webIdentity,
    code: 'ExpiredToken',
    fix: ['the web identity token expired before STS saw it'],
  },
  {
    name: "claims rejected by the identity provider: check the audience, naming the token's",
    error: stsError('IDPRejectedClaimException', 'rejected', 400),
    hop: webIdentity,
    code: 'IDPRejectedClaim',
    fix: ['the identity provider rejected the token', 'audience input ("sts.amazonaws.com")'],
  },
  {
    name: 'a web identity failure without its own advice falls through to the common one',
    error: stsError('RegionDisabledException', 'STS is not activated', 403),
    hop: webIdentity,
    code: 'RegionDisabledException',
    fix: ['activate STS in this region'],
  },
  {
    name: 'sts:TagSession denied: allow it, or drop session-tags',
    error: stsError('AccessDenied', 'is not authorized to perform: sts:TagSession on resource', 403),
    hop: { ...assumeRole, tagsSent: true },
    code: 'AccessDenied',
    fix: [`session tags need sts:TagSession in the trust policy of ${ROLE}`, 'drop session-tags'],
  },
  {
    name: 'sts:SetSourceIdentity denied: allow it, or drop source-identity',
    error: stsError('AccessDenied', 'is not authorized to perform: sts:SetSourceIdentity', 403),
    hop: assumeRole,
    code: 'AccessDenied',
    fix: [`source-identity needs sts:SetSourceIdentity in the trust policy of ${ROLE}`],
  },
  {
    name: "AssumeRole denied: the trust policy must allow the caller's role, not its session, and maybe an external id",
    error: stsError('AccessDenied', 'is not authorized to perform: sts:AssumeRole', 403),
    hop: assumeRole,
    code: 'AccessDenied',
    fix: [
      `the trust policy of ${ROLE} must allow the principal arn:aws:iam::111111111111:role/hub to sts:AssumeRole`,
      `allow sts:AssumeRole on ${ROLE}`,
      'set external-id',
    ],
  },
  {
    name: 'AssumeRole denied to a user: the user itself is the principal',
    error: stsError('AccessDenied', 'denied', 403),
    hop: fromSource('keys'),
    code: 'AccessDenied',
    fix: ['must allow the principal arn:aws:iam::111111111111:user/ci to sts:AssumeRole'],
  },
  {
    name: 'expired keys given as input: pass fresh keys',
    error: stsError('ExpiredToken', 'The security token included in the request is expired', 400),
    hop: fromSource('keys'),
    code: 'ExpiredToken',
    fix: [
      "the credentials from source 'keys' (arn:aws:iam::111111111111:user/ci) have expired",
      'pass fresh keys',
    ],
  },
  {
    name: 'expired keys from an earlier step: rerun that step closer to this one',
    error: stsError('ExpiredToken', 'expired', 400),
    hop: fromSource('env'),
    code: 'ExpiredToken',
    fix: ["source 'env'", 'an earlier step exported credentials that are no longer valid'],
  },
  {
    name: 'expired credentials from any other source: rerun the job',
    error: stsError('ExpiredToken', 'expired', 400),
    hop: fromSource('imds'),
    code: 'ExpiredToken',
    fix: [/source 'imds' .* have expired: rerun the job$/],
  },
  {
    name: 'a session that expired during the chain: a shorter chain, or rerun',
    error: stsError('ExpiredToken', 'expired', 400),
    hop: assumeRole,
    code: 'ExpiredToken',
    fix: [`the session of ${SESSION} expired during the chain`],
  },
  {
    name: 'an unknown access key: check the key and the region',
    error: stsError('InvalidClientTokenId', 'The security token included in the request is invalid', 403),
    hop: fromSource('keys'),
    code: 'InvalidClientTokenId',
    fix: [
      'the access key of arn:aws:iam::111111111111:user/ci is not valid in this partition',
      'check the key and the region',
    ],
  },
  {
    name: 'a secret that does not match the key id: says so, naming whose key',
    error: stsError('SignatureDoesNotMatch', 'signature mismatch', 403),
    hop: fromSource('keys'),
    code: 'SignatureDoesNotMatch',
    fix: ['the secret access key does not belong to the access key id of arn:aws:iam::111111111111:user/ci'],
  },
  {
    name: 'a malformed inline policy: fix its JSON',
    error: stsError('MalformedPolicyDocumentException', 'bad policy', 400),
    hop: assumeRole,
    code: 'MalformedPolicyDocument',
    fix: ['fix the JSON of inline-session-policy'],
  },
  {
    name: 'policies and tags too large: shorten or send fewer',
    error: stsError('PackedPolicyTooLargeException', 'too large', 400),
    hop: assumeRole,
    code: 'PackedPolicyTooLarge',
    fix: ['shorten inline-session-policy', 'fewer managed-session-policies', 'fewer session-tags'],
  },
  {
    name: 'STS not active in the region: activate it, or use an active region',
    error: stsError('RegionDisabledException', 'not activated', 403),
    hop: assumeRole,
    code: 'RegionDisabledException',
    fix: ['activate STS in this region for the account', 'set region to an active one'],
  },
  {
    name: 'a value STS refused: correct the value it names',
    error: stsError('ValidationError', "1 validation error detected: Value at 'roleSessionName'", 400),
    hop: assumeRole,
    code: 'ValidationError',
    fix: ['correct the value STS names above'],
  },
  {
    name: 'no HTTP answer at all: check that the endpoint is reachable',
    error: networkError('ECONNREFUSED'),
    hop: assumeRole,
    code: 'Error',
    fix: [
      'check that https://sts.eu-west-2.amazonaws.com is reachable from the runner',
      'proxy, firewall, VPC endpoint',
    ],
  },
  {
    name: 'a 5xx that outlasted the retries: rerun, or fewer parallel jobs',
    error: stsError('InternalFailure', 'internal error', 503),
    hop: assumeRole,
    code: 'InternalFailure',
    fix: ['STS kept failing after retries', 'lower the number of parallel jobs'],
  },
  {
    name: 'throttling that outlasted the retries gets the same advice, whatever its status',
    error: stsError('Throttling', 'Rate exceeded', 400),
    hop: assumeRole,
    code: 'Throttling',
    fix: ['STS kept failing after retries'],
  },
  {
    name: 'any other refusal, with tags sent: check the role and its sts:TagSession permission',
    error: stsError('InvalidParameterValue', 'odd', 400),
    hop: { ...assumeRole, tagsSent: true },
    code: 'InvalidParameterValue',
    fix: ['check the role and, since tags were sent, its sts:TagSession permission'],
  },
  {
    name: 'any other refusal, without tags: check the role and its trust policy',
    error: stsError('InvalidParameterValue', 'odd', 400),
    hop: assumeRole,
    code: 'InvalidParameterValue',
    fix: [/^check the role and its trust policy$/],
  },
];

describe('the fix a failed hop suggests', () => {
  for (const row of ROWS) {
    test(row.name, () => {
      const diagnosis = diagnoseHopFailure(row.error, row.hop);
      assert.ok(diagnosis instanceof StsRefusalError);
      assert.equal(diagnosis.code, row.code);
      for (const expected of row.fix) {
        if (typeof expected === 'string') assert.ok(diagnosis.fix.includes(expected), diagnosis.fix);
        else assert.match(diagnosis.fix, expected);
      }
      assert.ok(diagnosis.message.endsWith(`  Fix: ${diagnosis.fix}`), diagnosis.message);
    });
  }

  test('every row gives a different fix', () => {
    const fixes = ROWS.map((row) => diagnoseHopFailure(row.error, row.hop).fix);
    const repeated = fixes.filter((fix, index) => fixes.indexOf(fix) !== index);
    // Rows that prove a fall-through share their fix with the row they fall through to, by design.
    assert.equal(repeated.length, 3, repeated.join('\n'));
  });
});

describe('the message around the fix', () => {
  test('the headline names the hop, the call, the role, the code and what STS said; then the caller', () => {
    const message = diagnoseHopFailure(stsError('AccessDenied', 'not authorized', 403), assumeRole).message;
    const [headline, caller] = message.split('\n');
    assert.equal(headline, `hop 2 of 3 (AssumeRole ${ROLE}) failed: AccessDenied: not authorized`);
    assert.equal(caller, `  caller: ${SESSION}`);
  });

  test('a web identity hop also prints the token claims a trust policy matches on', () => {
    const message = diagnoseHopFailure(stsError('AccessDenied', 'denied', 403), webIdentity).message;
    assert.ok(
      message.includes(`  token claims: iss="${CLAIMS.iss}" sub="${CLAIMS.sub}" aud="${CLAIMS.aud}"`),
      message,
    );
  });

  test('a call without a role (the credential check) names only the operation; a thrown string is kept', () => {
    const hop: HopContext = {
      ...fromSource('keys'),
      position: 'credential check',
      operation: 'GetCallerIdentity',
      roleArn: undefined,
    };
    const diagnosis = diagnoseHopFailure('socket hang up', hop);
    assert.equal(diagnosis.code, 'UnknownError');
    assert.ok(
      diagnosis.message.startsWith(
        'credential check (GetCallerIdentity) failed: UnknownError: socket hang up',
      ),
    );
  });
});

// The runner's clock is the fix only where it explains the refusal; elsewhere it is a detail beside the fix.
describe("a runner clock 20 minutes behind STS's", () => {
  const skewed = (error: Error) =>
    Object.assign(error, {
      $response: { headers: { date: new Date(Date.now() + 20 * 60_000).toUTCString() } },
    });
  const rows: [name: string, error: Error, hop: HopContext, clockIsFix: boolean][] = [
    [
      'a signature refused as expired',
      stsError('SignatureDoesNotMatch', 'Signature expired', 403),
      assumeRole,
      true,
    ],
    [
      'a request refused as expired',
      stsError('RequestExpired', 'Request has expired', 400),
      assumeRole,
      true,
    ],
    [
      'a trust policy that refuses a web identity',
      stsError('AccessDenied', 'denied', 403),
      webIdentity,
      false,
    ],
    ['a role that refuses its caller', stsError('AccessDenied', 'denied', 403), assumeRole, false],
  ];
  for (const [name, error, hop, clockIsFix] of rows)
    test(`${name}: the clock is ${clockIsFix ? 'the fix' : 'a detail, and the fix is the refusal\u2019s own'}`, () => {
      const diagnosis = diagnoseHopFailure(skewed(error), hop);
      assert.equal(/clock is 20 minutes behind/.test(diagnosis.fix), clockIsFix, diagnosis.fix);
      assert.equal(
        diagnosis.message.includes("  clock: the runner's clock is 20 minutes behind"),
        !clockIsFix,
        diagnosis.message,
      );
      if (!clockIsFix) assert.match(diagnosis.fix, /trust policy/);
    });
});
