import { AwsEnv, Inputs } from '../constants.ts';
import { fromEnv } from './read-inputs.ts';

/**
 * The web identity token file: the input, else AWS_WEB_IDENTITY_TOKEN_FILE (as EKS IRSA sets it). The one
 * place this fallback is worked out; sources and commands use the resolved value.
 */
export function resolveTokenFile(value: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return value ?? fromEnv(env, [AwsEnv.webIdentityTokenFile], Inputs.webIdentityTokenFile)?.value;
}
