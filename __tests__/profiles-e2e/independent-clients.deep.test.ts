// A profile the action writes is used by the AWS CLI v2 and by boto3 in a later step of the same job: both
// get the assumed role, in the profile's region; the files and ~/.aws are private; cleanup removes them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import type { AwsTestServer } from '../../testing/aws-test-server/index.ts';
import { assertClean, roleArn, sessionArn, startAwsTestServer } from '../../testing/e2e/index.ts';
import { awsCli, awsCliCallerArn, botoArn, botocore, clientEnv, sdkFiles } from './support/clients.ts';
import {
  awsPaths,
  oidcJob,
  profilesOutput,
  runMain,
  runPost,
  SESSION_NAME,
} from './support/profile-steps.ts';
import { bytesOf, exists, modeOf, sectionLines } from './support/shared-files.ts';

const ACCOUNT = '222222222222';
const ROLE = roleArn('deploy', ACCOUNT);
const ARN = sessionArn('deploy', SESSION_NAME, ACCOUNT);
const MARKER = /^# assume-aws-role: managed \(job [^)]+\)\r?\n$/;

let server: AwsTestServer;
before(async () => {
  server = await startAwsTestServer();
});
after(() => server.close());

test('the AWS CLI and boto3 both use a written profile as the assumed role, in its region', {
  skip: skipOn.botocore() || skipOn.awsCli(),
}, async (t) => {
  const job = await oidcJob(t, server);
  const main = await runMain(job, { 'role-arn': ROLE, profile: 'deploy' });
  assertClean(main);

  const [output, ...more] = profilesOutput(main);
  assert.deepEqual(more, []);
  assert.deepEqual(
    { ...output, expiration: undefined },
    { name: 'deploy', arn: ARN, accountId: ACCOUNT, expiration: undefined, refresh: false },
  );
  const hoursLeft = (Date.parse(output?.expiration ?? '') - Date.now()) / 3_600_000;
  assert.ok(hoursLeft > 0.95 && hoursLeft <= 1, `expiration ${output?.expiration}: the default hour`);
  assert.equal(main.exported.AWS_ACCESS_KEY_ID, undefined, 'export-env defaults to false with a profile');
  assert.equal(main.exported.AWS_SESSION_TOKEN, undefined);

  const env = clientEnv(job);
  server.clearLog();
  assert.equal(await awsCliCallerArn(server, 'deploy', env), ARN);
  const region = await awsCli(['configure', 'get', 'region', '--profile', 'deploy'], env);
  assert.equal(region.stdout.trim(), 'eu-west-2', region.stderr);

  const boto = await botocore(server, env, { profiles: ['deploy'] });
  assert.equal(botoArn(boto, 'deploy'), ARN);
  const botoDeploy = boto.profiles.deploy;
  assert.ok(botoDeploy && 'region' in botoDeploy);
  assert.equal(botoDeploy.region, 'eu-west-2');

  // Both signed with the keys in the credentials file, and nothing else reached STS.
  const sdk = await sdkFiles(awsPaths(job));
  const writtenKey = sdk.credentialsFile.deploy?.aws_access_key_id;
  assert.match(String(writtenKey), /^ASIA/);
  assert.deepEqual(
    server.requests.map((request) => [request.target, request.action, request.callerAccessKeyId]),
    [
      ['sts', 'GetCallerIdentity', writtenKey],
      ['sts', 'GetCallerIdentity', writtenKey],
    ],
  );
  assert.equal(botoDeploy.accessKeyId, writtenKey);
  assert.equal(sdk.configFile.deploy?.region, 'eu-west-2');
  assert.deepEqual(Object.keys(sdk.credentialsFile.deploy ?? {}).sort(), [
    'aws_access_key_id',
    'aws_secret_access_key',
    'aws_session_token',
  ]);
  await runPost(job, main).then(assertClean);
});

test('the files hold [profile NAME] with region and [NAME] with the three keys; 0600 files in a created 0700 ~/.aws', {
  skip: skipOn.posixModes() || skipOn.botocore() || skipOn.awsCli(),
}, async (t) => {
  const job = await oidcJob(t, server);
  const paths = awsPaths(job);
  assert.equal(await exists(paths.dir), false, 'a fresh HOME has no ~/.aws');
  const main = await runMain(job, { 'role-arn': ROLE, profile: 'deploy' });
  assertClean(main);

  const config = (await bytesOf(paths.config)) ?? '';
  const credentials = (await bytesOf(paths.credentials)) ?? '';
  const [configHeader, configMarker, ...configKeys] = sectionLines(config, '[profile deploy]');
  assert.equal(configHeader, '[profile deploy]\n');
  assert.match(configMarker ?? '', MARKER);
  assert.deepEqual(configKeys, ['region = eu-west-2\n']);
  const [header, marker, ...keys] = sectionLines(credentials, '[deploy]');
  assert.equal(header, '[deploy]\n');
  assert.match(marker ?? '', /^# assume-aws-role: managed \(job [^)]+, expires \d{4}-[^)]+Z\)\n$/);
  assert.deepEqual(
    keys.map((line) => line.split(' = ')[0]),
    ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'],
  );
  assert.ok(
    keys.every((line) => /^\w+ = \S+\n$/.test(line)),
    keys.join(''),
  );
  assert.equal(config, [configHeader, configMarker, ...configKeys].join(''), 'nothing else in config');
  assert.equal(credentials, [header, marker, ...keys].join(''), 'nothing else in credentials');

  assert.equal(await modeOf(paths.dir), 0o700, '~/.aws');
  assert.equal(await modeOf(paths.config), 0o600, 'config');
  assert.equal(await modeOf(paths.credentials), 0o600, 'credentials');

  const post = await runPost(job, main);
  assertClean(post);
  assert.equal(await exists(paths.dir), false, 'post removes the ~/.aws it created, now empty');
});

test('AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE move the files; clients that read them find the profile', {
  skip: skipOn.posixModes() || skipOn.botocore() || skipOn.awsCli(),
}, async (t) => {
  const job = await oidcJob(t, server);
  const dir = join(job.workspace, 'aws-files', 'nested');
  const files = { AWS_SHARED_CREDENTIALS_FILE: join(dir, 'creds'), AWS_CONFIG_FILE: join(dir, 'conf') };
  const main = await runMain(job, { 'role-arn': ROLE, profile: 'deploy' }, files);
  assertClean(main);
  assert.equal(await exists(awsPaths(job).dir), false, 'nothing in ~/.aws');
  assert.equal(await modeOf(dir), 0o700);
  assert.equal(await modeOf(join(job.workspace, 'aws-files')), 0o700, 'every directory created is private');
  assert.equal(await modeOf(files.AWS_CONFIG_FILE), 0o600);

  const env = clientEnv(job, files);
  assert.equal(await awsCliCallerArn(server, 'deploy', env), ARN);
  assert.equal(botoArn(await botocore(server, env, { profiles: ['deploy'] }), 'deploy'), ARN);
  assert.match(await awsCliCallerArn(server, 'deploy', clientEnv(job)), /^failed/, 'not in ~/.aws');

  assertClean(await runPost(job, main));
  assert.equal(await exists(join(job.workspace, 'aws-files')), false, 'created directories removed');
  assert.equal(await exists(job.workspace), true, 'the workspace itself stays');
});

test('profile names with every punctuation the action allows work in the AWS CLI, boto3 and the JS SDK', {
  skip: skipOn.botocore() || skipOn.awsCli(),
}, async (t) => {
  const names = ['team:prod', 'a.b@c+d%e', 'x-y_Z9'];
  const job = await oidcJob(t, server);
  const main = await runMain(job, {
    'role-arn': roleArn('hub', '111111111111'),
    profiles: names.map((name, n) => `${name}: ${roleArn('deploy', `55555555555${n}`)}`).join('\n'),
  });
  assertClean(main);
  const expected = names.map((_, n) => sessionArn('deploy', SESSION_NAME, `55555555555${n}`));

  const env = clientEnv(job);
  const boto = await botocore(server, env, { profiles: names });
  assert.deepEqual(
    names.map((name) => botoArn(boto, name)),
    expected,
  );
  const sdk = await sdkFiles(awsPaths(job));
  assert.deepEqual(
    names.map((name) => [
      sdk.configFile[name]?.region,
      String(sdk.credentialsFile[name]?.aws_access_key_id).slice(0, 4),
    ]),
    names.map(() => ['eu-west-2', 'ASIA']),
  );
  assert.equal(await awsCliCallerArn(server, 'team:prod', env), expected[0]);
  assertClean(await runPost(job, main));
  assert.equal(await exists(awsPaths(job).dir), false);
});

const POLICY =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
const POLICY_SHAPES: { name: string; inputs: Record<string, string> }[] = [
  {
    name: 'profile: NAME at the end of role-arn',
    inputs: { 'role-arn': ROLE, profile: 'deploy' },
  },
  { name: 'profiles: NAME: ROLE straight from the source', inputs: { profiles: `deploy: ${ROLE}` } },
  {
    name: 'profiles: NAME: ROLE after a hub',
    inputs: { 'role-arn': roleArn('hub', '111111111111'), profiles: `deploy: ${ROLE}` },
  },
];
for (const shape of POLICY_SHAPES) {
  test(`inline and managed session policies restrict the profile's own session (${shape.name})`, {
    skip: skipOn.botocore() || skipOn.awsCli(),
  }, async (t) => {
    const job = await oidcJob(t, server);
    server.clearLog();
    const main = await runMain(job, {
      ...shape.inputs,
      'inline-session-policy': POLICY,
      'managed-session-policies': 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
    assertClean(main);
    const hops = server.requests.filter((request) => request.target === 'sts');
    const last = hops.find((request) => request.params.RoleArn === ROLE);
    assert.deepEqual(
      hops.map((request) => [
        request.params.RoleArn,
        request.params.Policy,
        request.params['PolicyArns.member.1.arn'],
      ]),
      hops.map((request) =>
        request === last
          ? [ROLE, POLICY, 'arn:aws:iam::aws:policy/ReadOnlyAccess']
          : [request.params.RoleArn, undefined, undefined],
      ),
      'only the hop that makes the profile’s credentials carries the policies',
    );
    assertClean(await runPost(job, main));
  });
}
