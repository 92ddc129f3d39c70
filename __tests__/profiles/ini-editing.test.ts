import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fakeCredentials } from '../../__fixtures__/profiles/temp-home.ts';
import { type FileContent, planRemoval, planWrite } from '../../src/profiles/plan-edits.ts';
import type { ProfileToWrite } from '../../src/profiles/render-section.ts';

const CREDS = '/h/.aws/credentials';
const CONFIG = '/h/.aws/config';
const files = (credentials?: string, config?: string): FileContent[] => [
  { path: CREDS, kind: 'credentials', text: credentials },
  { path: CONFIG, kind: 'config', text: config },
];
const ci: ProfileToWrite = { name: 'ci', region: 'eu-west-1', credentials: fakeCredentials(1) };

/** Writes, returns both new texts, and checks that cleanup gives the old bytes back. */
function writeAndUndo(credentials: string | undefined, config: string | undefined, profile = ci) {
  const [creds, conf] = planWrite(files(credentials, config), [profile], {
    overwrite: false,
    jobId: 'job-1',
  });
  assert.ok(creds && conf);
  assert.equal(planRemoval({ ...creds, text: creds.newText }, creds.sections).newText, credentials ?? '');
  assert.equal(planRemoval({ ...conf, text: conf.newText }, conf.sections).newText, config ?? '');
  return { credentials: creds.newText, config: conf.newText };
}

describe('writing a section', () => {
  test('appends [NAME] to credentials and [profile NAME] to config, each with the marker', () => {
    const out = writeAndUndo(undefined, undefined);
    assert.equal(
      out.credentials,
      '[ci]\n# assume-aws-role: managed (job job-1)\naws_access_key_id = ASIAFAKE0001EXAMPLE\n' +
        'aws_secret_access_key = secret/0001+wJalrXUtnFEMI/K7MDENG\n' +
        'aws_session_token = FwoGZXIvYXdzE0001token//////////wEaDH\n',
    );
    assert.equal(out.config, '[profile ci]\n# assume-aws-role: managed (job job-1)\nregion = eu-west-1\n');
  });

  test('writes the default profile as [default] in both files', () => {
    const out = writeAndUndo('', '', { ...ci, name: 'default' });
    assert.match(out.credentials, /^\[default\]\n/);
    assert.match(out.config, /^\[default\]\n/);
  });

  test('puts the expiration into the marker comment, not into a key', () => {
    const profile = { ...ci, credentials: fakeCredentials(1, new Date('2030-01-02T03:04:05Z')) };
    const out = writeAndUndo(undefined, undefined, profile);
    assert.match(
      out.credentials,
      /^# assume-aws-role: managed \(job job-1, expires 2030-01-02T03:04:05\.000Z\)$/m,
    );
  });

  test('keeps CRLF line endings and writes its own lines with CRLF', () => {
    const before = '# mine\r\n[other]\r\nregion = us-east-1\r\n';
    const out = writeAndUndo(undefined, before);
    assert.ok(out.config.startsWith(before));
    assert.doesNotMatch(out.config.slice(before.length), /[^\r]\n/);
  });

  test('keeps a missing final newline missing', () => {
    const before = '[other]\nregion = us-east-1';
    const out = writeAndUndo(undefined, before);
    assert.ok(out.config.startsWith(`${before}\n[profile ci]`));
    assert.ok(!out.config.endsWith('\n'));
  });

  test('keeps comments, odd spacing, sub-sections, sso-session and services sections byte for byte', () => {
    const before = [
      '; top comment',
      '[default]',
      'region=us-east-1   ',
      's3 =',
      '    max_concurrent_requests = 20',
      '\tsignature_version = s3v4',
      '',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      '[services local]',
      'dynamodb =',
      '  endpoint_url = http://localhost:8000',
      '#   trailing comment   ',
      '',
    ].join('\n');
    const out = writeAndUndo(undefined, before);
    assert.ok(out.config.startsWith(before));
  });

  test('replaces its own section in place and keeps comments that follow it', () => {
    const first = writeAndUndo(undefined, '[profile a]\nregion = x\n');
    const withTail = `${first.config}\n# about b\n[profile b]\nregion = y\n`;
    const [, conf] = planWrite(files(undefined, withTail), [{ name: 'ci', region: 'us-west-2' }], {
      overwrite: false,
    });
    assert.equal(
      conf?.newText,
      '[profile a]\nregion = x\n[profile ci]\n# assume-aws-role: managed\nregion = us-west-2\n\n# about b\n[profile b]\nregion = y\n',
    );
  });

  test('never writes an indented line', () => {
    const out = writeAndUndo('[a]\n  indented = 1\n', '[profile a]\ns3 =\n  x = 1\n');
    for (const text of [out.credentials, out.config]) {
      const ours = text.slice(
        text.indexOf('[ci]') === -1 ? text.indexOf('[profile ci]') : text.indexOf('[ci]'),
      );
      assert.doesNotMatch(ours, /^\s/m);
    }
  });
});

describe('recognising an existing section the way botocore and the JS SDK do', () => {
  const foreignHeaders = [
    '[profile ci]',
    '[profile  ci ]',
    '[profile\tci]',
    '[profile "ci"]',
    "[profile 'ci']",
    '[profilex ci]', // botocore: startswith("profile") and shlex gives two words
    '[profile ci] # a comment',
  ];
  for (const header of foreignHeaders) {
    test(`sees ${JSON.stringify(header)} in config as profile ci and refuses to replace it`, () => {
      const config = `[default]\nregion = x\n${header}\nregion = y\n`;
      assert.throws(() => planWrite(files(undefined, config), [ci], { overwrite: false }), {
        name: 'ProfileFileError',
        message: /was not written by assume-aws-role.*overwrite-profile: true/,
      });
    });
  }

  for (const header of ['[ profile ci ]', '[profile ci extra]', '[profile-ci]', '[ci]']) {
    test(`does not take ${JSON.stringify(header)} in config for profile ci`, () => {
      const config = `${header}\nregion = y\n`;
      const [, conf] = planWrite(files(undefined, config), [ci], { overwrite: false });
      assert.ok(conf?.newText.startsWith(config));
    });
  }

  test('treats [profile default] in config as the default profile', () => {
    assert.throws(
      () =>
        planWrite(files(undefined, '[profile default]\nregion = y\n'), [{ ...ci, name: 'default' }], {
          overwrite: false,
        }),
      /was not written/,
    );
  });

  test('does not take [ ci ] or [profile ci] in the credentials file for profile ci', () => {
    const credentials = '[ ci ]\naws_access_key_id = A\n[profile ci]\naws_access_key_id = B\n';
    const [creds] = planWrite(files(credentials), [ci], { overwrite: false });
    assert.ok(creds?.newText.startsWith(credentials));
  });

  test('refuses a profile that already has two sections, whatever overwrite says', () => {
    const config = '[profile ci]\nregion = a\n[profile  ci]\nregion = b\n';
    assert.throws(() => planWrite(files(undefined, config), [ci], { overwrite: true }), {
      message: /profile 'ci' has 2 sections \(lines 1, 3\).*exactly one section/,
    });
  });

  test('leaves duplicates of other profiles alone', () => {
    const config = '[profile x]\nregion = a\n[profile x]\nregion = b\n';
    const [, conf] = planWrite(files(undefined, config), [ci], { overwrite: false });
    assert.ok(conf?.newText.startsWith(config));
  });

  test('refuses to replace a section whose next header is indented (botocore would read it as a value)', () => {
    const config = '[profile ci]\n  region = a\n  [profile next]\nregion = b\n';
    assert.throws(
      () => planWrite(files(undefined, config), [ci], { overwrite: true }),
      /indented section header/,
    );
  });

  test('refuses a header that only the JS SDK sees (botocore reads an indented line as a value)', () => {
    const config = '[default]\nregion = x\n  [profile ci]\nregion = y\n';
    assert.throws(() => planWrite(files(undefined, config), [ci], { overwrite: true }), {
      message: /line 3 \(" {2}\[profile ci\]"\) is a section header to only one of botocore and the JS SDK/,
    });
  });

  test('refuses a file with a lone carriage return', () => {
    assert.throws(() => planWrite(files('[a]\rb = 1\n'), [ci], { overwrite: false }), /carriage return/);
  });
});

describe('overwriting and removing', () => {
  test('with overwrite, replaces only the foreign section and keeps what surrounds it', () => {
    const config =
      '# head\n[profile ci]\n; theirs\nregion = old\noutput = json\n\n# about b\n[profile b]\nregion = b\n';
    const [, conf] = planWrite(files(undefined, config), [ci], { overwrite: true });
    assert.equal(
      conf?.newText,
      '# head\n[profile ci]\n# assume-aws-role: managed\nregion = eu-west-1\n\n# about b\n[profile b]\nregion = b\n',
    );
  });

  test('a credential_process profile removes its own stale credentials section', () => {
    const first = writeAndUndo('[a]\nk = v\n', undefined);
    const [creds, conf] = planWrite(
      files(first.credentials),
      [{ name: 'ci', credentialProcess: '/usr/bin/node cli.js --profile ci' }],
      { overwrite: false },
    );
    assert.equal(creds?.newText, '[a]\nk = v\n');
    assert.deepEqual(creds?.sections, { ci: null });
    assert.match(conf?.newText ?? '', /^credential_process = \/usr\/bin\/node cli\.js --profile ci$/m);
  });

  test('cleanup leaves a section that changed after it was written, with a warning', () => {
    const [creds] = planWrite(files('[a]\nk = v\n'), [ci], { overwrite: false });
    assert.ok(creds);
    const edited = creds.newText.replace('aws_session_token', 'aws_session_token_x');
    const removal = planRemoval({ ...creds, text: edited }, creds.sections);
    assert.equal(removal.newText, edited);
    assert.match(removal.warnings.join(), /changed after assume-aws-role wrote it/);
  });

  test('cleanup of two sections in any order restores a file without final newline', () => {
    const before = '[a]\nk = v';
    const [one] = planWrite(files(before), [ci], { overwrite: false });
    assert.ok(one);
    const [two] = planWrite(files(one.newText), [{ ...ci, name: 'cd' }], { overwrite: false });
    assert.ok(two);
    const firstCi = planRemoval({ ...two, text: two.newText }, one.sections);
    assert.equal(planRemoval({ ...two, text: firstCi.newText }, two.sections).newText, before);
    const firstCd = planRemoval({ ...two, text: two.newText }, two.sections);
    assert.equal(planRemoval({ ...two, text: firstCd.newText }, one.sections).newText, before);
  });
});
