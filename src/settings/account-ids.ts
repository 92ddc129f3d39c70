import { Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import { quote } from './quote.ts';
import { ACCOUNT_ID } from './rules.ts';

const FIX =
  'Give 12-digit account ids separated by commas or newlines, e.g. 111122223333, 444455556666 (keep any leading zeros)';

/**
 * Accounts the final identity may belong to. Entries are separated by commas or newlines; empty entries
 * (a trailing comma) are skipped, but a value with no id at all is refused rather than read as "any".
 */
export function parseAllowedAccountIds(value: string | undefined): string[] {
  if (value === undefined) return [];
  const ids = value
    .split(/[,\r\n]/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) throw new InputError(Inputs.allowedAccountIds, 'lists no account id', FIX);
  for (const [index, id] of ids.entries()) {
    if (!ACCOUNT_ID.test(id))
      throw new InputError(
        Inputs.allowedAccountIds,
        `entry ${index + 1}, ${quote(id)}, is not an account id (exactly 12 digits)`,
        FIX,
      );
  }
  return ids;
}
