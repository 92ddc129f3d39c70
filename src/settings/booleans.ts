import { InputError } from '../errors.ts';
import { quote } from './quote.ts';

/** The YAML 1.2 core schema's booleans, as core.getBooleanInput accepts them. */
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/**
 * A boolean input: exactly true or false (True/TRUE/False/FALSE too), undefined when absent. Anything
 * else is refused, so that 'no', 'off' or '0' can never switch a feature on or off by accident.
 */
export function parseBoolean(input: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InputError(input, `${quote(value)} is not a boolean`, 'Give true or false, or leave it out');
}
