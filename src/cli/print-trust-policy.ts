import { buildTrustPolicy } from '../trust-policy/build-trust-policy.ts';
import { TRUST_POLICY_HELP, type TrustPolicyCommand } from './args/trust-policy-args.ts';

/** `assume-aws-role trust-policy`: the policy as JSON on stdout; a note on stderr when ids are missing. */
export function printTrustPolicy(
  command: TrustPolicyCommand,
  stdout: (text: string) => void,
  stderr: (text: string) => void,
): void {
  if (command.kind === 'help') {
    stdout(TRUST_POLICY_HELP);
    return;
  }
  stdout(`${JSON.stringify(buildTrustPolicy(command.request), null, 2)}\n`);
  if (!command.request.ids)
    stderr(
      'note: without --owner-id and --repo-id this policy allows only the name-only subject (repo:OWNER/REPO:…); ' +
        "repositories created or renamed since 2026-07-15 send repo:OWNER@OWNER_ID/REPO@REPO_ID:… (ids: gh api repos/OWNER/REPO --jq '.owner.id, .id')\n",
    );
}
