import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pwshProblems } from './helpers/pwsh-tokens.ts';

describe('the PowerShell plausibility check', () => {
  const good: [string, string][] = [
    ['doubled single quotes', "$env:X = 'it''s'\n"],
    ['backtick escapes and doubled quotes', '$a = "say `"hi`" and ""bye"""\n'],
    ['a line continuation', 'Set-AWSCredential `\n  -ProfileName deploy\n'],
    [
      'a guarded call',
      'if (Get-Command Set-AWSCredential -ErrorAction SilentlyContinue) { Set-AWSCredential -Scope Global }\n',
    ],
    ['comments with quotes in them', "# it's fine\n<# also 'fine\n#>\nGet-S3Bucket\n"],
    ['a here-string', "$t = @'\nit's { raw\n'@\n"],
    [
      'a pipeline into Invoke-Expression',
      'assume-aws-role --format pwsh --role-arn arn:aws:iam::1:role/x | Invoke-Expression\n',
    ],
  ];
  for (const [what, code] of good) test(`accepts ${what}`, () => assert.deepEqual(pwshProblems(code), []));

  const bad: [string, string, RegExp][] = [
    ['an unterminated single-quoted string', "$env:X = 'abc\n", /line 1: a '…' string never ends/],
    ['an unterminated double-quoted string', 'Write-Host "abc\n', /never ends/],
    ['a missing brace', 'if ($x) {\n  Get-S3Bucket\n', /line 1: \{ is never closed/],
    ['a stray parenthesis', 'Get-S3Bucket)\n', /unmatched \)/],
    ['bash export', 'export AWS_PROFILE=deploy\n', /not PowerShell/],
    ['bash eval', 'eval "$(assume-aws-role)"\n', /not PowerShell/],
    ['a bash assignment', 'AWS_PROFILE=deploy aws s3 ls\n', /not PowerShell/],
  ];
  for (const [what, code, problem] of bad) {
    test(`refuses ${what}`, () => assert.match(pwshProblems(code).join('\n'), problem));
  }
});
