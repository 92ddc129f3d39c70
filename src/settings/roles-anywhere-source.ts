import { Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import { parseRolesAnywhereSettings } from '../sources/roles-anywhere/inputs.ts';
import type { InputValues } from './read-inputs.ts';
import type { RolesAnywhereSource, SourceName } from './settings.ts';

/**
 * With source roles-anywhere: its inputs, and the first role of role-arn as CreateSession's; the rest of
 * role-arn are the hops after it. With another source, its inputs are refused when given.
 */
export function splitRolesAnywhere(
  inputs: InputValues,
  source: SourceName,
  roleArns: readonly string[],
): { rolesAnywhere?: RolesAnywhereSource; roleArns: readonly string[] } {
  const parsed = parseRolesAnywhereSettings((name) => inputs.multi(name), source === 'roles-anywhere');
  if (!parsed) return { roleArns };
  const [first, ...rest] = roleArns;
  if (!first)
    throw new InputError(
      Inputs.roleArn,
      "is not given, but source 'roles-anywhere' needs the role that CreateSession gives",
      'Set role-arn to a role the profile lists, e.g. arn:aws:iam::123456789012:role/deploy',
    );
  // Sent to CreateSession only when given: the profile must then accept it.
  const roleSessionName =
    inputs.single(Inputs.sessionName) === undefined ? undefined : inputs.single(Inputs.sessionName);
  return { rolesAnywhere: { ...parsed, roleArn: first, roleSessionName }, roleArns: rest };
}

/** Refresh runs the CLI later, which can read the certificate and key only from files, unencrypted. */
export function checkRolesAnywhereRefresh(
  refresh: boolean,
  rolesAnywhere: RolesAnywhereSource | undefined,
): void {
  if (!refresh || !rolesAnywhere) return;
  if (!('path' in rolesAnywhere.privateKey) || !('path' in rolesAnywhere.certificate))
    throw new InputError(
      Inputs.refresh,
      'is true with source roles-anywhere, but the key is given inline, and this action never writes a key to disk for a later credential_process to read',
      'Give certificate and private-key as paths of PEM files on the runner, or drop refresh (run the step again when a long job needs new credentials)',
    );
  if (rolesAnywhere.passphrase !== undefined)
    throw new InputError(
      Inputs.refresh,
      'is true with an encrypted private-key, whose passphrase a later credential_process would have no way to get',
      'Drop refresh, or give an unencrypted key file readable only by the runner',
    );
}
