import { Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import { quote } from './quote.ts';
import { DEFAULT_DURATION_SECONDS, MAX_DURATION_SECONDS, MIN_DURATION_SECONDS } from './rules.ts';

const SECONDS = /^\d+$/;
/** Hours, minutes and seconds, each at most once and in that order: 1h, 15m, 1h30m, 90s, 2h0m30s. */
const UNITS = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const FIX = `Give ${MIN_DURATION_SECONDS} to ${MAX_DURATION_SECONDS} seconds (15m to 12h), as whole seconds or with h, m and s in that order, e.g. 3600, 1h or 1h30m`;

/** Session duration in seconds: whole seconds or h/m/s units; 900 to 43200. */
export function parseDuration(value: string | undefined): number {
  if (value === undefined) return DEFAULT_DURATION_SECONDS;
  const seconds = toSeconds(value);
  if (seconds === undefined) throw new InputError(Inputs.duration, `${quote(value)} is not a duration`, FIX);
  if (seconds < MIN_DURATION_SECONDS)
    throw new InputError(
      Inputs.duration,
      `${quote(value)} is less than ${MIN_DURATION_SECONDS} seconds (15m), the shortest session STS gives`,
      FIX,
    );
  if (seconds > MAX_DURATION_SECONDS)
    throw new InputError(
      Inputs.duration,
      `${quote(value)} is more than ${MAX_DURATION_SECONDS} seconds (12h), the longest session STS gives`,
      FIX,
    );
  return seconds;
}

function toSeconds(value: string): number | undefined {
  if (SECONDS.test(value)) return Number(value);
  const match = UNITS.exec(value);
  if (!match || value === '') return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}
