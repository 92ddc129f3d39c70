import * as core from '@actions/core';
import type { ObtainedCredentials, ResolvedIdentity } from '../obtain/result.ts';

const HEADING = 'AWS credentials';

export interface SummaryOptions {
  readonly maskAccountId: boolean;
  readonly exportedTo?: string; // e.g. 'environment variables'
}

/** A table of each identity obtained: where it went, its session ARN, account and expiry. */
export async function writeSuccessSummary(
  obtained: ObtainedCredentials,
  options: SummaryOptions,
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const rows: { data: string; header?: boolean }[][] = [
    [
      { data: 'for', header: true },
      { data: 'session', header: true },
      { data: 'account', header: true },
      { data: 'expires', header: true },
    ],
  ];
  const show = (label: string, identity: ResolvedIdentity) =>
    rows.push([
      { data: label },
      { data: options.maskAccountId ? '(masked)' : `<code>${escapeHtml(identity.arn)}</code>` },
      { data: options.maskAccountId ? '***' : identity.accountId },
      { data: identity.credentials.expiration?.toISOString() ?? 'does not expire' },
    ]);
  if (obtained.main) show(options.exportedTo ?? 'this step', obtained.main);
  for (const profile of obtained.profiles)
    show(`profile <code>${escapeHtml(profile.name)}</code>`, profile.identity);
  await core.summary
    .addHeading(HEADING, 3)
    .addRaw(`Source: <code>${obtained.source.name}</code> (${escapeHtml(obtained.source.reason)})`, true)
    .addTable(rows)
    .write();
}

/** The diagnosis, with its fix, where a person looks first. */
export async function writeFailureSummary(message: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  // Escaped: the message quotes input values, which must show as text, not as HTML.
  await core.summary.addHeading(`${HEADING}: failed`, 3).addCodeBlock(escapeHtml(message)).write();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
