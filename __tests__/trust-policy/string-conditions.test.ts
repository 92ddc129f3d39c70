import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type ConditionBlock,
  conditionMatches,
  stringLike,
} from '../../src/trust-policy/string-conditions.ts';

const LIKE_CASES: [pattern: string, value: string, matches: boolean][] = [
  ['repo:octo-org/octo-repo:*', 'repo:octo-org/octo-repo:ref:refs/heads/main', true],
  ['repo:octo-org/*', 'repo:octo-org/x/y:ref:z', true], // * crosses / and :
  ['repo:octo-org*', 'repo:octo-org-evil/octo-repo:ref:refs/heads/main', true],
  ['repo:octo-org/octo-repo:ref:refs/heads/main', 'repo:octo-org/octo-repo:ref:refs/heads/main2', false],
  ['repo:octo-org/octo-rep?:*', 'repo:octo-org/octo-repo:pull_request', true],
  ['repo:octo-org/octo-rep?:*', 'repo:octo-org/octo-rep:pull_request', false],
  ['a.b', 'axb', false], // regex characters are literal
  ['a+b', 'a+b', true],
  ['Repo:x', 'repo:x', false], // values are case-sensitive
  ['*', '', true],
  ['x*', 'x\ny', true], // * matches a line break too
];

for (const [pattern, value, matches] of LIKE_CASES) {
  test(`StringLike ${JSON.stringify(pattern)} ${matches ? 'matches' : 'does not match'} ${JSON.stringify(value)}`, () => {
    assert.equal(stringLike(pattern, value), matches);
  });
}

const KEY = 'token.actions.githubusercontent.com';
const BLOCK_CASES: [
  name: string,
  block: ConditionBlock,
  context: Record<string, string>,
  matches: boolean,
][] = [
  [
    'one key, exact',
    { StringEquals: { [`${KEY}:aud`]: 'sts.amazonaws.com' } },
    { [`${KEY}:aud`]: 'sts.amazonaws.com' },
    true,
  ],
  [
    'StringEquals takes * literally',
    { StringEquals: { [`${KEY}:aud`]: 'sts.*' } },
    { [`${KEY}:aud`]: 'sts.amazonaws.com' },
    false,
  ],
  [
    'several values: any one (OR)',
    { StringLike: { [`${KEY}:sub`]: ['a', 'b'] } },
    { [`${KEY}:sub`]: 'b' },
    true,
  ],
  ['several values, none', { StringLike: { [`${KEY}:sub`]: ['a', 'b'] } }, { [`${KEY}:sub`]: 'c' }, false],
  [
    'several keys: all (AND)',
    { StringEquals: { [`${KEY}:aud`]: 'x', [`${KEY}:sub`]: 'y' } },
    { [`${KEY}:aud`]: 'x', [`${KEY}:sub`]: 'z' },
    false,
  ],
  [
    'two operators: both (AND)',
    { StringEquals: { [`${KEY}:aud`]: 'x' }, StringLike: { [`${KEY}:sub`]: 'y*' } },
    { [`${KEY}:aud`]: 'x', [`${KEY}:sub`]: 'yes' },
    true,
  ],
  ['a missing key never matches', { StringLike: { [`${KEY}:sub`]: '*' } }, {}, false],
  [
    'keys compare case-insensitively',
    { StringEquals: { [`${KEY}:AUD`]: 'x' } },
    { [`${KEY}:aud`]: 'x' },
    true,
  ],
  ['an unknown operator never grants', { StringNotEquals: { k: 'x' } } as ConditionBlock, { k: 'y' }, false],
];

for (const [name, block, context, matches] of BLOCK_CASES) {
  test(`condition block: ${name}`, () => assert.equal(conditionMatches(block, context), matches));
}
