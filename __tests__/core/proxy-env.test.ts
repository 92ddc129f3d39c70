// Proxy variables as Node's own proxy support reads them: a `host:port` value gets `http://`, as curl and
// the AWS CLI take it, instead of being ignored without a word.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withProxySchemes } from '../../src/net/agents.ts';

const ROWS: [name: string, value: string, expected: string][] = [
  ['a host and port', 'proxy.corp:3128', 'http://proxy.corp:3128'],
  ['an address and port, with blanks', ' 10.0.0.5:8080 ', 'http://10.0.0.5:8080'],
  ['user and password before the host', 'me:pw@proxy.corp:3128', 'http://me:pw@proxy.corp:3128'],
  ['an http URL, as it is', 'http://proxy.corp:3128', 'http://proxy.corp:3128'],
  ['an https URL, as it is', 'HTTPS://proxy.corp:443', 'HTTPS://proxy.corp:443'],
];

for (const [name, value, expected] of ROWS)
  test(`${name}: ${expected}`, () => {
    for (const variable of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) {
      const env = withProxySchemes({ [variable]: value, NO_PROXY: 'localhost' });
      assert.equal(env[variable], expected, variable);
      assert.equal(env.NO_PROXY, 'localhost');
    }
  });

test('an empty or unset variable stays as it was', () => {
  assert.deepEqual(withProxySchemes({ HTTPS_PROXY: '' }), { HTTPS_PROXY: '' });
  assert.deepEqual(withProxySchemes({}), {});
});
