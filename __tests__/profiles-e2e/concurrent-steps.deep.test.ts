// 16 action processes (steps of parallel jobs on one self-hosted runner, say) write distinct profiles into
// one HOME at the same moment: all 16 are there afterwards, whole, for botocore and for the JS SDK alike;
// their 16 posts, also at once, put the files back as they were.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { skipOn } from '../../__fixtures__/platform.ts';
import type { AwsTestServer } from '../../testing/aws-test-server/index.ts';
import { assertClean, phaseLog, roleArn, sessionArn, startAwsTestServer } from '../../testing/e2e/index.ts';
import { botoArn, botocore, clientEnv, sdkFiles } from './support/clients.ts';
import {
  accountNumber,
  awsPaths,
  oidcJob,
  profilesOutput,
  runMain,
  runPost,
  SESSION_NAME,
} from './support/profile-steps.ts';
import { seed, snapshot } from './support/shared-files.ts';

const WRITERS = Array.from({ length: 16 }, (_, n) => ({
  name: `writer-${n}`,
  account: accountNumber(n),
  arn: sessionArn('job', SESSION_NAME, accountNumber(n)),
  region: ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'sa-east-1'][n % 4] ?? 'us-east-1',
}));

let server: AwsTestServer;
before(async () => {
  server = await startAwsTestServer();
});
after(() => server.close());

test('16 steps writing at once into one HOME leave all 16 profiles, readable by botocore and the JS SDK', {
  skip: skipOn.botocore(),
}, async (t) => {
  const job = await oidcJob(t, server);
  const paths = awsPaths(job);
  const before = await seed(paths, {
    config: '[default]\nregion = us-east-1\n\n[profile keep]\nregion = eu-north-1\n',
    credentials: '[keep]\naws_access_key_id = AKIAEXAMPLEKEEP00000\naws_secret_access_key = keep\n',
  });

  // One job's HOME and RUNNER_TEMP, 16 processes started together.
  const mains = await Promise.all(
    WRITERS.map((writer) =>
      runMain(job, {
        'role-arn': roleArn('job', writer.account),
        profile: writer.name,
        region: writer.region,
      }),
    ),
  );
  for (const [index, main] of mains.entries()) {
    assertClean(main);
    assert.equal(profilesOutput(main)[0]?.arn, WRITERS[index]?.arn, phaseLog(main));
  }

  const names = WRITERS.map((writer) => writer.name);
  const boto = await botocore(server, clientEnv(job), { profiles: [...names, 'keep'] });
  assert.equal(boto.parsed.credentials.error, undefined, 'botocore parses the credentials file');
  assert.equal(boto.parsed.config.error, undefined, 'botocore parses the config file');
  assert.deepEqual(Object.keys(boto.parsed.credentials).sort(), [...names, 'keep'].sort());
  assert.deepEqual(Object.keys(boto.parsed.config.profiles).sort(), [...names, 'default', 'keep'].sort());
  assert.deepEqual(
    names.map((name) => botoArn(boto, name)),
    WRITERS.map((writer) => writer.arn),
    'each profile holds its own role’s credentials',
  );
  assert.deepEqual(
    names.map((name) => {
      const result = boto.profiles[name];
      return result && 'region' in result ? result.region : result;
    }),
    WRITERS.map((writer) => writer.region),
  );

  const sdk = await sdkFiles(paths);
  for (const name of names) {
    const result = boto.profiles[name];
    const botoKey = result && 'accessKeyId' in result ? result.accessKeyId : undefined;
    assert.equal(
      sdk.credentialsFile[name]?.aws_access_key_id,
      botoKey,
      `${name}: both parsers read the same key`,
    );
    assert.equal(sdk.configFile[name]?.region, WRITERS.find((writer) => writer.name === name)?.region);
  }
  assert.equal(sdk.credentialsFile.keep?.aws_access_key_id, 'AKIAEXAMPLEKEEP00000');
  assert.equal(sdk.configFile.keep?.region, 'eu-north-1');

  const posts = await Promise.all(mains.map((main) => runPost(job, main)));
  for (const post of posts) assertClean(post);
  assert.deepEqual(await snapshot(paths), before, 'the 16 posts, also at once, restored both files');
});
