import { AwsEnv, GitHubEnv } from '../../constants.ts';
import type { AwsCredentials } from '../../credentials.ts';
import { lastFour } from '../../identity.ts';
import { homeDirectory } from '../../profiles/home-dir.ts';
import type { CliSettings } from '../args/cli-settings.ts';
import type { CliLogger } from '../cli-logger.ts';
import { credentialCacheDir } from './cache-dir.ts';
import { lockWaitMs, withCacheEntryLock } from './cache-lock.ts';
import { cacheKey, readCachedCredentials, writeCachedCredentials } from './cache-store.ts';

/**
 * Non-secret environment values that choose the source or say whose it is: the same request from
 * other keys, another container or another token file must not be served from this one's cache.
 */
const SOURCE_ENV_NAMES = [
  AwsEnv.accessKeyId,
  // `auto` at a terminal starts from the profile AWS_PROFILE names: another profile is another identity.
  AwsEnv.profile,
  AwsEnv.containerCredentialsFullUri,
  AwsEnv.containerCredentialsRelativeUri,
  AwsEnv.webIdentityTokenFile,
  AwsEnv.configFile,
  AwsEnv.sharedCredentialsFile,
  AwsEnv.ec2MetadataServiceEndpoint,
  AwsEnv.endpointUrl,
  AwsEnv.endpointUrlSts,
  GitHubEnv.idTokenRequestUrl,
] as const;

/**
 * Everything that identifies a request, and nothing secret: no secret key, session token, ID token
 * or MFA code (cacheKey explains why).
 */
export function requestKey(settings: CliSettings, env: NodeJS.ProcessEnv): string {
  return cacheKey({
    source: settings.source,
    sourceProfile: settings.sourceProfile,
    accessKeyId: settings.keys?.accessKeyId,
    audience: settings.audience,
    webIdentityTokenFile: settings.webIdentityTokenFile,
    // Which certificate and role, never the key.
    rolesAnywhere: settings.rolesAnywhere && {
      certificate: settings.rolesAnywhere.certificate,
      trustAnchorArn: settings.rolesAnywhere.trustAnchorArn,
      profileArn: settings.rolesAnywhere.profileArn,
      roleArn: settings.rolesAnywhere.roleArn,
    },
    roleArns: settings.roleArns,
    sessionName: settings.sessionName,
    durationSeconds: settings.durationSeconds,
    region: settings.region,
    stsEndpoint: settings.stsEndpoint,
    externalId: settings.externalId,
    sourceIdentity: settings.sourceIdentity,
    sessionTags: settings.sessionTags,
    transitiveTagKeys: settings.transitiveTagKeys,
    inlineSessionPolicy: settings.inlineSessionPolicy,
    managedSessionPolicies: settings.managedSessionPolicies,
    allowedAccountIds: settings.allowedAccountIds,
    mfaSerial: settings.mfaSerial,
    env: Object.fromEntries(SOURCE_ENV_NAMES.map((name) => [name, env[name] || undefined])),
  });
}

/**
 * `--format process --cache`: the cached credentials while they are good for longer than the
 * renewal window, else fresh ones from `obtain`, cached for the next call. A cache that cannot be
 * used safely (a symlink, another owner) or written (a read-only home) is skipped with a warning:
 * the credentials still work, and nothing is read from or written to a place that is not private.
 */
export async function cachedCredentials(
  settings: CliSettings,
  env: NodeJS.ProcessEnv,
  logger: CliLogger,
  obtain: () => Promise<AwsCredentials>,
  now: () => Date = () => new Date(),
): Promise<AwsCredentials> {
  const dir = credentialCacheDir(env, homeDirectory(env));
  const key = requestKey(settings, env);
  const read = () =>
    readCachedCredentials(dir, key, now()).catch((error: unknown) => {
      logger.warning(`credential cache not used: ${message(error)}`);
      return undefined;
    });
  const hit = (cached: AwsCredentials) => {
    logger.mask(cached.secretAccessKey);
    if (cached.sessionToken) logger.mask(cached.sessionToken);
    logger.info(
      `credential cache: hit in ${dir} (${lastFour(cached.accessKeyId)} until ${cached.expiration?.toISOString()})`,
    );
    return cached;
  };
  const cached = await read();
  if (cached) return hit(cached);
  // Single flight: one call per entry asks STS; the others wait for it, then find its credentials.
  return withCacheEntryLock(dir, key, lockWaitMs(env), logger, async () => {
    const filled = await read();
    if (filled) return hit(filled);
    logger.info(`credential cache: miss or due for renewal in ${dir}`);
    const fresh = await obtain();
    try {
      const stored = await writeCachedCredentials(dir, key, fresh, now());
      logger.debug(stored ? 'credential cache: stored' : 'credential cache: permanent keys are not cached');
    } catch (error) {
      logger.warning(`credentials not cached: ${message(error)}`);
    }
    return fresh;
  });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
