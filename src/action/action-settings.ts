import { INPUT_NAMES, Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import { parseBoolean } from '../settings/booleans.ts';
import { readSharedInputs, type SettingsContext, settleSettings } from '../settings/parse-settings.ts';
import { type InputReader, inputValues } from '../settings/read-inputs.ts';
import {
  type ProfileTarget,
  RENEWABLE_SOURCES,
  type Settings,
  type SourceName,
  type StaticKeys,
} from '../settings/settings.ts';

/** The action's settings: action.yml's inputs only. The CLI's own inputs cannot be set here. */
export interface ActionSettings extends Settings {
  readonly sourceProfile?: undefined;
  readonly mfaSerial?: undefined;
  readonly mfaCode?: undefined;
  readonly maskAccountId: boolean;
  readonly outputCredentials: boolean;
  readonly exportEnv: boolean;
  readonly refresh: boolean;
  readonly cleanup: boolean;
}

/**
 * Reads action.yml's inputs once and checks them: one by one in action.yml order, then against each
 * other. `read` is asked only for declared inputs.
 */
export function parseActionSettings(
  read: InputReader,
  env: NodeJS.ProcessEnv,
  context: SettingsContext,
): ActionSettings {
  const inputs = inputValues(declaredOnly(read));
  const shared = readSharedInputs(inputs, env, context);
  const flag = (input: string) => parseBoolean(input, inputs.single(input));
  const maskAccountId = flag(Inputs.maskAccountId) ?? false;
  const outputCredentials = flag(Inputs.outputCredentials) ?? false;
  const exportEnvGiven = flag(Inputs.exportEnv);
  const refresh = flag(Inputs.refresh) ?? false;
  const cleanup = flag(Inputs.cleanup) ?? true;
  const settings = settleSettings(inputs, shared, env);
  // Written profiles are the hand-over; exporting them as well is opt-in.
  const exportEnv = exportEnvGiven ?? settings.profiles.length === 0;
  checkRefresh(refresh, settings.keys, settings.profiles, settings.source, settings.inlineSessionPolicy);
  return {
    ...settings,
    sourceProfile: undefined,
    mfaSerial: undefined,
    mfaCode: undefined,
    maskAccountId,
    outputCredentials,
    exportEnv,
    refresh,
    cleanup,
  };
}

const DECLARED = new Set<string>(INPUT_NAMES);

/** Guards the reader: asking for an input action.yml does not declare is a bug, never a value. */
function declaredOnly(read: InputReader): InputReader {
  return (name) => {
    if (!DECLARED.has(name)) throw new Error(`'${name}' is not an input of this action (this is a bug)`);
    return read(name);
  };
}

function checkRefresh(
  refresh: boolean,
  keys: StaticKeys | undefined,
  profiles: readonly ProfileTarget[],
  source: SourceName,
  inlinePolicy: string | undefined,
): void {
  if (!refresh) return;
  if (!keys && source !== 'auto' && !RENEWABLE_SOURCES.includes(source))
    throw new InputError(
      Inputs.refresh,
      `is true with source '${source}', which a later credential_process cannot renew on its own (it would reuse whatever credentials its caller has)`,
      'Use a renewable source: oidc, imds, container or web-identity, or drop refresh',
    );
  if (inlinePolicy !== undefined && process.platform === 'win32')
    throw new InputError(
      Inputs.refresh,
      'is true with an inline-session-policy on Windows, where no quoting carries its JSON safely through cmd.exe',
      'Use managed-session-policies instead, or drop refresh',
    );
  if (keys)
    throw new InputError(
      Inputs.refresh,
      'is true with access keys as the source, but renewing would need the long-lived keys stored on disk, and this action never writes them there',
      'Drop refresh (run the step again when a long job needs new credentials), or use a renewable source: oidc, imds, container or web-identity',
    );
  if (profiles.length === 0)
    throw new InputError(
      Inputs.refresh,
      "is true, but no profile is written: refresh works through a profile's credential_process",
      'Set profile (or profiles), or drop refresh',
    );
}
