import assert from 'node:assert/strict';
import { test } from 'node:test';
import { directAgents } from '../../src/net/agents.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/net/retry.ts';
import { createStsClient } from '../../src/sts/sts-client.ts';
import { stsEndpointName } from '../../src/sts/sts-config.ts';

test('an STS client ignores endpoints configured in ~/.aws/config or the environment, and makes one attempt', async () => {
  const client = createStsClient(
    { region: 'eu-west-1', agents: directAgents(), retry: DEFAULT_RETRY_POLICY },
    { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' },
  );
  const config = client.config as unknown as {
    ignoreConfiguredEndpointUrls?: boolean;
    maxAttempts: () => Promise<number>;
  };
  assert.equal(config.ignoreConfiguredEndpointUrls, true);
  assert.equal(await config.maxAttempts(), 1);
  const credentials = await client.config.credentials();
  assert.equal(credentials.accessKeyId, 'AKIAIOSFODNN7EXAMPLE', 'signed by exactly the given credentials');
});

test('messages name the endpoint STS calls go to, with the China partition’s own domain', () => {
  const base = { agents: directAgents(), retry: DEFAULT_RETRY_POLICY };
  assert.equal(stsEndpointName({ ...base, region: 'eu-west-1' }), 'sts.eu-west-1.amazonaws.com');
  assert.equal(stsEndpointName({ ...base, region: 'cn-north-1' }), 'sts.cn-north-1.amazonaws.com.cn');
  assert.equal(
    stsEndpointName({ ...base, region: 'us-east-1', endpoint: 'https://vpce.example' }),
    'https://vpce.example',
  );
});
