export const id = 583;
export const ids = [583];
export const modules = {

/***/ 5583:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  processIo: () => (/* binding */ processIo),
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: external "node:tty"
var external_node_tty_ = __webpack_require__(7066);
;// CONCATENATED MODULE: ./build/constants.js
/**
 * Every name the project shares with the outside world: action inputs and outputs, main-to-post state,
 * and the environment variables it reads or writes. Values only; nothing here reads anything.
 */
/** Action inputs, spelled as in action.yml. The CLI maps its flags onto the same names. */
const Inputs = {
    source: 'source',
    roleArn: 'role-arn',
    sessionName: 'session-name',
    duration: 'duration',
    region: 'region',
    awsAccessKeyId: 'aws-access-key-id',
    awsSecretAccessKey: 'aws-secret-access-key',
    awsSessionToken: 'aws-session-token',
    audience: 'audience',
    webIdentityTokenFile: 'web-identity-token-file',
    externalId: 'external-id',
    sourceIdentity: 'source-identity',
    sessionTags: 'session-tags',
    transitiveTagKeys: 'transitive-tag-keys',
    inlineSessionPolicy: 'inline-session-policy',
    managedSessionPolicies: 'managed-session-policies',
    stsEndpoint: 'sts-endpoint',
    allowedAccountIds: 'allowed-account-ids',
    maskAccountId: 'mask-account-id',
    outputCredentials: 'output-credentials',
    exportEnv: 'export-env',
    profile: 'profile',
    profiles: 'profiles',
    overwriteProfile: 'overwrite-profile',
    refresh: 'refresh',
    cleanup: 'cleanup',
};
/** Inputs only the CLI supplies (not in action.yml): the action's reader returns '' for them. */
const CliInputs = {
    sourceProfile: 'source-profile',
    mfaSerial: 'mfa-serial',
    mfaCode: 'mfa-code',
};
/** The action's inputs, in action.yml order. */
const INPUT_NAMES = Object.values(Inputs);
/** Step outputs, spelled as in action.yml. */
const Outputs = {
    awsAccountId: 'aws-account-id',
    arn: 'arn',
    expiration: 'expiration',
    awsAccessKeyId: 'aws-access-key-id',
    awsSecretAccessKey: 'aws-secret-access-key',
    awsSessionToken: 'aws-session-token',
    profiles: 'profiles',
};
/** Main-to-post state (the post step reads them as STATE_<name>). */
const State = {
    /** Set by main, so post knows main ran and what to undo. */
    mainRan: 'main-ran',
    /** JSON list of the profiles main wrote, with the files they are in. */
    writtenProfiles: 'written-profiles',
    /** Whether the post step should remove what main wrote (the cleanup input). */
    cleanup: 'cleanup',
};
/** AWS environment variables the project reads or exports. */
const AwsEnv = {
    accessKeyId: 'AWS_ACCESS_KEY_ID',
    secretAccessKey: 'AWS_SECRET_ACCESS_KEY',
    sessionToken: 'AWS_SESSION_TOKEN',
    credentialExpiration: 'AWS_CREDENTIAL_EXPIRATION',
    region: 'AWS_REGION',
    defaultRegion: 'AWS_DEFAULT_REGION',
    profile: 'AWS_PROFILE',
    sharedCredentialsFile: 'AWS_SHARED_CREDENTIALS_FILE',
    configFile: 'AWS_CONFIG_FILE',
    roleArn: 'AWS_ROLE_ARN',
    roleSessionName: 'AWS_ROLE_SESSION_NAME',
    webIdentityTokenFile: 'AWS_WEB_IDENTITY_TOKEN_FILE',
    endpointUrl: 'AWS_ENDPOINT_URL',
    endpointUrlSts: 'AWS_ENDPOINT_URL_STS',
    useFipsEndpoint: 'AWS_USE_FIPS_ENDPOINT',
    useDualstackEndpoint: 'AWS_USE_DUALSTACK_ENDPOINT',
    ec2MetadataServiceEndpoint: 'AWS_EC2_METADATA_SERVICE_ENDPOINT',
    ec2MetadataServiceEndpointMode: 'AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE',
    ec2MetadataDisabled: 'AWS_EC2_METADATA_DISABLED',
    ec2MetadataV1Disabled: 'AWS_EC2_METADATA_V1_DISABLED',
    containerCredentialsRelativeUri: 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    containerCredentialsFullUri: 'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    containerAuthorizationToken: 'AWS_CONTAINER_AUTHORIZATION_TOKEN',
    containerAuthorizationTokenFile: 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
};
/** GitHub runner environment variables the project reads. */
const GitHubEnv = {
    actions: 'GITHUB_ACTIONS',
    repository: 'GITHUB_REPOSITORY',
    runId: 'GITHUB_RUN_ID',
    runAttempt: 'GITHUB_RUN_ATTEMPT',
    workspace: 'GITHUB_WORKSPACE',
    env: 'GITHUB_ENV',
    output: 'GITHUB_OUTPUT',
    state: 'GITHUB_STATE',
    runnerTemp: 'RUNNER_TEMP',
    idTokenRequestUrl: 'ACTIONS_ID_TOKEN_REQUEST_URL',
    idTokenRequestToken: 'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
};

// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(9473);
;// CONCATENATED MODULE: ./build/run/check-accounts.js


/** Every final identity must be in an allowed account, or nothing is handed over. */
function checkAllowedAccounts(obtained, allowed) {
    if (allowed.length === 0)
        return;
    const finals = [
        ...(obtained.main ? [obtained.main] : []),
        ...obtained.profiles.map((profile) => profile.identity),
    ];
    for (const identity of finals) {
        if (!allowed.includes(identity.accountId)) {
            throw new errors/* InputError */.d(Inputs.allowedAccountIds, `the credentials obtained are for account ${identity.accountId}, which is not in the list`, 'Add the account to allowed-account-ids if it is right, or fix role-arn; nothing was exported');
        }
    }
}

;// CONCATENATED MODULE: ./build/run/duration-cap-warning.js
/** One sentence for all hops whose duration STS's role-chaining limit shortened, or undefined. */
function durationCapWarning(hops) {
    const capped = hops.filter((hop) => hop.cappedFrom !== undefined);
    const first = capped[0];
    if (!first)
        return undefined;
    return (`duration ${first.cappedFrom}s was lowered to ${first.durationSeconds}s on ${capped.length} hop(s) ` +
        `(${capped.map((hop) => hop.position).join(', ')}): their caller is a role session, and STS allows role chaining at most 1 hour`);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./build/identity.js
var identity = __webpack_require__(5320);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./build/cli/cache-dir.js


/** Under RUNNER_TEMP, which the runner empties after each job, so cached credentials never outlive it. */
const RUNNER_CACHE_DIR = 'assume-aws-role-cache';
const CACHE_DIR_NAME = 'assume-aws-role';
/**
 * Where the credential_process cache lives: `$RUNNER_TEMP/assume-aws-role-cache` on a runner, else
 * `$XDG_CACHE_HOME/assume-aws-role`, else `~/.cache/assume-aws-role`. The XDG spec says to ignore a
 * relative XDG_CACHE_HOME, and a relative path would move with the working directory.
 */
function credentialCacheDir(env, homeDir) {
    const runnerTemp = env[GitHubEnv.runnerTemp];
    if (runnerTemp && (0,external_node_path_.isAbsolute)(runnerTemp))
        return (0,external_node_path_.join)(runnerTemp, RUNNER_CACHE_DIR);
    const xdgCache = env.XDG_CACHE_HOME;
    if (xdgCache && (0,external_node_path_.isAbsolute)(xdgCache))
        return (0,external_node_path_.join)(xdgCache, CACHE_DIR_NAME);
    return (0,external_node_path_.join)(homeDir, '.cache', CACHE_DIR_NAME);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./build/cli/cache-entry.js
/** Version of the cache file layout; any other version is ignored (a miss). */
const CACHE_ENTRY_VERSION = 1;
/** The file's JSON, or undefined for credentials without an expiration (nothing to cache). */
function serializeCacheEntry(creds, cachedAt) {
    if (creds.expiration === undefined)
        return undefined;
    return `${JSON.stringify({
        Version: CACHE_ENTRY_VERSION,
        CachedAt: cachedAt.toISOString(),
        AccessKeyId: creds.accessKeyId,
        SecretAccessKey: creds.secretAccessKey,
        ...(creds.sessionToken ? { SessionToken: creds.sessionToken } : {}),
        Expiration: creds.expiration.toISOString(),
    })}\n`;
}
/** The entry in `text`, or undefined when it is not a well-formed entry of this version. */
function parseCacheEntry(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (typeof data !== 'object' || data === null)
        return undefined;
    const record = data;
    const { AccessKeyId, SecretAccessKey, SessionToken } = record;
    const cachedAt = parseDate(record.CachedAt);
    const expiration = parseDate(record.Expiration);
    if (record.Version !== CACHE_ENTRY_VERSION ||
        !isNonEmptyString(AccessKeyId) ||
        !isNonEmptyString(SecretAccessKey) ||
        (SessionToken !== undefined && !isNonEmptyString(SessionToken)) ||
        cachedAt === undefined ||
        expiration === undefined ||
        expiration <= cachedAt) {
        return undefined;
    }
    const credentials = {
        accessKeyId: AccessKeyId,
        secretAccessKey: SecretAccessKey,
        ...(SessionToken === undefined ? {} : { sessionToken: SessionToken }),
        expiration,
    };
    return { cachedAt, credentials };
}
function isNonEmptyString(value) {
    return typeof value === 'string' && value !== '';
}
function parseDate(value) {
    if (typeof value !== 'string')
        return undefined;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
}

;// CONCATENATED MODULE: ./build/cli/private-dir.js

/** The cache directory holds secrets: only its owner may list or enter it. */
const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;
/** The credential cache cannot be used safely; the message names the path and the fix. */
class CacheError extends Error {
    name = 'CacheError';
    path;
    constructor(path, problem, fix) {
        super(`Credential cache ${path}: ${problem}. ${fix}`);
        this.path = path;
    }
}
/** Creates `dir` (and missing parents) with mode 0700, or checks and tightens an existing one. */
async function ensurePrivateDir(dir) {
    await (0,promises_.mkdir)(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const stats = await (0,promises_.lstat)(dir);
    checkOwnedDir(dir, stats);
    if ((stats.mode & 0o777) !== PRIVATE_DIR_MODE)
        await (0,promises_.chmod)(dir, PRIVATE_DIR_MODE);
}
/** Whether `dir` exists as a directory safe to read from; throws when it exists but is not safe. */
async function isPrivateDir(dir) {
    let stats;
    try {
        stats = await (0,promises_.lstat)(dir);
    }
    catch (error) {
        if (isNotFound(error))
            return false;
        throw error;
    }
    checkOwnedDir(dir, stats);
    return true;
}
/**
 * A symlink is refused even when it points somewhere harmless: whoever can change it decides where
 * secrets are written and which credentials are read back.
 */
function checkOwnedDir(dir, stats) {
    if (stats.isSymbolicLink()) {
        throw new CacheError(dir, 'is a symbolic link', 'Remove the link; the cache directory is created as needed.');
    }
    if (!stats.isDirectory())
        throw new CacheError(dir, 'is not a directory', 'Remove it or choose another path.');
    checkOwner(dir, stats);
}
/** On POSIX, refuses a file or directory owned by another user. (Windows has no uid to compare.) */
function checkOwner(path, stats) {
    const uid = process.getuid?.();
    if (uid !== undefined && stats.uid !== uid) {
        throw new CacheError(path, `is owned by uid ${stats.uid}, not by you (uid ${uid})`, 'Remove it.');
    }
}
function isNotFound(error) {
    return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

;// CONCATENATED MODULE: ./build/cli/cache-key.js

/** Bumped when the cache file format or the key's meaning changes, so old entries are never read. */
const CACHE_KEY_VERSION = 'assume-aws-role/credential-cache/v1';
/**
 * The cache file name for a request: sha256 (hex) of a stable JSON of everything that identifies
 * it (source, role chain, session name, duration, region, endpoint, external id, tags, policies,
 * MFA serial...). Object key order does not matter; array order does. Never pass secrets: keys,
 * tokens and MFA codes would then be derivable by guessing, and they do not identify the request.
 */
function cacheKey(parts) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(`${CACHE_KEY_VERSION}\n${stableJson(parts)}`)
        .digest('hex');
}
/** JSON with object keys sorted at every level; undefined properties are left out, as JSON.stringify does. */
function stableJson(value) {
    if (value === null || value === undefined)
        return 'null';
    if (value instanceof Date)
        return JSON.stringify(value.toISOString());
    if (Array.isArray(value))
        return `[${value.map(stableJson).join(',')}]`;
    switch (typeof value) {
        case 'string':
        case 'boolean':
            return JSON.stringify(value);
        case 'number':
            if (!Number.isFinite(value))
                throw new TypeError(`A cache key part is not a finite number: ${value}`);
            return JSON.stringify(value);
        case 'object': {
            const entries = Object.entries(value)
                .filter(([, part]) => part !== undefined)
                .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
            return `{${entries.map(([name, part]) => `${JSON.stringify(name)}:${stableJson(part)}`).join(',')}}`;
        }
        default:
            throw new TypeError(`A cache key part cannot be a ${typeof value}`);
    }
}

;// CONCATENATED MODULE: ./build/cli/credential-cache.js








/**
 * Renew cached credentials once less than 15 minutes remain. Tools refresh a credential_process
 * before expiry: botocore and the AWS CLI from 15 minutes (10 minutes mandatory), the JS SDK from
 * 5 minutes, the Java SDK from 15 seconds. Handing out credentials inside those windows would make
 * them run this process again on every call; with 15 minutes, they never see such credentials.
 */
const DEFAULT_RENEW_BEFORE_MS = 15 * 60 * 1000;
/**
 * The renewal window never exceeds this share of the credentials' life as cached, so a short
 * session (STS allows 15 minutes) is still served from the cache for its first half.
 */
const MAX_RENEW_FRACTION = 0.5;
const CACHE_KEY_PATTERN = /^[0-9a-f]{64}$/;
const O_NOFOLLOW = external_node_fs_.constants.O_NOFOLLOW ?? 0;
/**
 * The cached credentials for `key`, or undefined when there are none to use: no file, a corrupt
 * file, or credentials that expire in less than the renewal window, that is
 * min(`renewBeforeMs`, half the time from caching to expiry). Throws a CacheError when the
 * directory or the file is a symlink or is owned by another user.
 */
async function readCachedCredentials(cacheDir, key, now, renewBeforeMs = DEFAULT_RENEW_BEFORE_MS) {
    const path = cachePath(cacheDir, key);
    if (!(await isPrivateDir(cacheDir)))
        return undefined;
    const text = await readPrivateFile(path);
    const entry = text === undefined ? undefined : parseCacheEntry(text);
    if (entry === undefined)
        return undefined;
    const expiresAt = entry.credentials.expiration.getTime();
    const lifetime = expiresAt - entry.cachedAt.getTime();
    const renewWindow = Math.max(0, Math.min(renewBeforeMs, lifetime * MAX_RENEW_FRACTION));
    return expiresAt - now.getTime() > renewWindow ? entry.credentials : undefined;
}
/**
 * Stores `creds` under `key`: mode 0600 in a 0700 directory (created if needed), written to a
 * temporary file and renamed into place, so a reader sees the old entry or the new one, never half.
 * Credentials without an expiration are permanent and are not cached: returns false.
 */
async function writeCachedCredentials(cacheDir, key, creds, now = new Date()) {
    const path = cachePath(cacheDir, key);
    const text = serializeCacheEntry(creds, now);
    if (text === undefined)
        return false;
    await ensurePrivateDir(cacheDir);
    const temporary = `${path}.${(0,external_node_crypto_.randomBytes)(8).toString('hex')}.tmp`;
    try {
        const handle = await (0,promises_.open)(temporary, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | O_NOFOLLOW, PRIVATE_FILE_MODE);
        try {
            await handle.chmod(PRIVATE_FILE_MODE);
            await handle.writeFile(text);
            await handle.datasync();
        }
        finally {
            await handle.close();
        }
        await refuseSymlink(path);
        await (0,promises_.rename)(temporary, path);
    }
    finally {
        await (0,promises_.unlink)(temporary).catch(() => undefined);
    }
    return true;
}
function cachePath(cacheDir, key) {
    if (!CACHE_KEY_PATTERN.test(key))
        throw new TypeError('A credential cache key must be a cacheKey() hash');
    return (0,external_node_path_.join)(cacheDir, `${key}.json`);
}
/** The file's text, or undefined when it does not exist. O_NOFOLLOW refuses a symlink at open. */
async function readPrivateFile(path) {
    let handle;
    try {
        handle = await (0,promises_.open)(path, external_node_fs_.constants.O_RDONLY | O_NOFOLLOW);
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        if (error instanceof Error && 'code' in error && error.code === 'ELOOP')
            await refuseSymlink(path);
        throw error;
    }
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            throw new CacheError(path, 'is not a regular file', 'Remove it.');
        checkOwner(path, stats);
        return await handle.readFile('utf8');
    }
    finally {
        await handle.close();
    }
}
async function refuseSymlink(path) {
    const stats = await (0,promises_.lstat)(path).catch((error) => {
        if (isNotFound(error))
            return undefined;
        throw error;
    });
    if (stats?.isSymbolicLink()) {
        throw new CacheError(path, 'is a symbolic link', 'Remove it; the cache writes its own files.');
    }
}

;// CONCATENATED MODULE: ./build/cli/cached-credentials.js





/**
 * Non-secret environment values that choose the source or say whose it is: the same request from
 * other keys, another container or another token file must not be served from this one's cache.
 */
const SOURCE_ENV_NAMES = [
    AwsEnv.accessKeyId,
    AwsEnv.containerCredentialsFullUri,
    AwsEnv.containerCredentialsRelativeUri,
    AwsEnv.webIdentityTokenFile,
    AwsEnv.configFile,
    AwsEnv.sharedCredentialsFile,
    AwsEnv.ec2MetadataServiceEndpoint,
    AwsEnv.endpointUrl,
    AwsEnv.endpointUrlSts,
    GitHubEnv.idTokenRequestUrl,
];
/**
 * Everything that identifies a request, and nothing secret: no secret key, session token, ID token
 * or MFA code (cacheKey explains why).
 */
function requestKey(settings, env) {
    return cacheKey({
        source: settings.source,
        sourceProfile: settings.sourceProfile,
        accessKeyId: settings.keys?.accessKeyId,
        audience: settings.audience,
        webIdentityTokenFile: settings.webIdentityTokenFile,
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
async function cachedCredentials(settings, env, logger, obtain, now = () => new Date()) {
    const dir = credentialCacheDir(env, env.HOME || (0,external_node_os_.homedir)());
    const key = requestKey(settings, env);
    const cached = await readCachedCredentials(dir, key, now()).catch((error) => {
        logger.warning(`credential cache not used: ${message(error)}`);
        return undefined;
    });
    if (cached) {
        logger.mask(cached.secretAccessKey);
        if (cached.sessionToken)
            logger.mask(cached.sessionToken);
        logger.info(`credential cache: hit in ${dir} (${(0,identity/* lastFour */.x)(cached.accessKeyId)} until ${cached.expiration?.toISOString()})`);
        return cached;
    }
    logger.info(`credential cache: miss or due for renewal in ${dir}`);
    const fresh = await obtain();
    try {
        const stored = await writeCachedCredentials(dir, key, fresh, now());
        logger.debug(stored ? 'credential cache: stored' : 'credential cache: permanent keys are not cached');
    }
    catch (error) {
        logger.warning(`credentials not cached: ${message(error)}`);
    }
    return fresh;
}
function message(error) {
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: ./build/cli/cli-logger.js
var cli_logger = __webpack_require__(3608);
;// CONCATENATED MODULE: ./build/settings/rules.js
/**
 * Limits and patterns of the values the settings accept: STS's own rules (see
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html), checked here so a bad value
 * fails before any network call, plus this project's own limits where STS has none.
 */
/** Partitions an IAM ARN may name. A bare role name is refused rather than guessed into one of them. */
const PARTITIONS = [
    'aws',
    'aws-cn',
    'aws-us-gov',
    'aws-iso',
    'aws-iso-b',
    'aws-iso-e',
    'aws-iso-f',
    'aws-eusc',
];
/** One character of an IAM role, policy or path-segment name. */
const IAM_NAME_CHAR = /^[\w+=,.@-]$/;
const IAM_NAME_MAX = 64;
const POLICY_NAME_MAX = 128;
const PARTITION = `(?:${PARTITIONS.join('|')})`;
const SEGMENT = '[\\w+=,.@-]{1,64}';
const ROLE_ARN = new RegExp(`^arn:${PARTITION}:iam::\\d{12}:role/(?:${SEGMENT}/)*${SEGMENT}$`);
const POLICY_ARN = new RegExp(`^arn:${PARTITION}:iam::(?:\\d{12}|aws):policy/(?:${SEGMENT}/)*[\\w+=,.@-]{1,128}$`);
const ACCOUNT_ID = /^\d{12}$/;
const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;
/** `us-east-1`, `us-gov-west-1`, `cn-north-1`, `eu-isoe-west-1`: letters, dash-separated parts, a number. */
const REGION = /^[a-z]{2,}(?:-[a-z0-9]+)+-\d+$/;
const DEFAULT_SOURCE = 'auto';
/** STS's own default. */
const DEFAULT_DURATION_SECONDS = 3600;
const MIN_DURATION_SECONDS = 900;
const MAX_DURATION_SECONDS = 43200;
/** The audience AWS expects in a GitHub OIDC token. */
const DEFAULT_AUDIENCE = 'sts.amazonaws.com';
const SESSION_NAME = {
    min: 2,
    max: 64,
    char: /^[\w+=,.@-]$/,
    chars: 'letters, digits and _+=,.@-',
};
const EXTERNAL_ID = {
    min: 2,
    max: 1224,
    char: /^[\w+=,.@:/-]$/,
    chars: 'letters, digits and _+=,.@:/-',
};
const SOURCE_IDENTITY = { ...SESSION_NAME };
const MFA_SERIAL = {
    min: 9,
    max: 256,
    char: /^[\w+=/:,.@-]$/,
    chars: 'letters, digits and _+=/:,.@-',
};
const TAG_CHAR = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]$/u;
const TAG_CHARS = 'letters, digits, spaces and _.:/=+-@';
const TAG_KEY = { min: 1, max: 128, char: TAG_CHAR, chars: TAG_CHARS };
const TAG_VALUE = { min: 0, max: 256, char: TAG_CHAR, chars: TAG_CHARS };
const MAX_SESSION_TAGS = 50;
const MAX_TRANSITIVE_TAG_KEYS = 50;
const MAX_MANAGED_POLICIES = 10;
/** STS's limit on the plaintext of the session policies. */
const MAX_INLINE_POLICY_CHARS = 2048;
/**
 * Profile names this project writes: an allow-list, because a name with a newline, `[`, `]`, `#`, `;`
 * or `=` can inject lines into the shared INI files.
 */
const PROFILE_NAME = {
    min: 1,
    max: 64,
    char: /^[A-Za-z0-9_.@+%:-]$/,
    chars: 'letters, digits and _.@+%:-',
};
/** Profiles this project only reads (source-profile): the characters the JS SDK accepts in a name. */
const SOURCE_PROFILE_NAME = {
    min: 1,
    max: 128,
    char: /^[\w@+.%:/-]$/,
    chars: 'letters, digits and _-@+.%:/',
};

;// CONCATENATED MODULE: ./build/settings/default-session-name.js


/** Used when neither the run nor the user and host give a usable name. */
const FALLBACK_SESSION_NAME = 'assume-aws-role';
/**
 * A RoleSessionName that says who asked, for CloudTrail; always 2 to 64 of STS's characters.
 * In GitHub Actions: `gha-<repository name>-<run id>-<attempt>`, cut from the repository name so the
 * run id and attempt survive. Elsewhere: `user@host`.
 */
function defaultSessionName(env, user, host) {
    const runId = env[GitHubEnv.runId]?.trim();
    if (env[GitHubEnv.actions] === 'true' || runId)
        return githubName(env, runId);
    const who = [user.trim(), host.trim()].filter((part) => part !== '').join('@');
    const name = sanitise(who).slice(0, SESSION_NAME.max);
    return name.length >= SESSION_NAME.min ? name : FALLBACK_SESSION_NAME;
}
function githubName(env, runId) {
    const repository = env[GitHubEnv.repository]?.trim().split('/').pop() ?? '';
    const attempt = env[GitHubEnv.runAttempt]?.trim() || '1';
    const suffix = sanitise(runId ? `-${runId}-${attempt}` : '').slice(-(SESSION_NAME.max - 4));
    const prefix = sanitise(['gha', repository].filter((part) => part !== '').join('-'));
    return prefix.slice(0, SESSION_NAME.max - suffix.length).replace(/-+$/, '') + suffix;
}
/** Every character STS does not allow becomes '-'. */
function sanitise(text) {
    return Array.from(text, (char) => (SESSION_NAME.char.test(char) ? char : '-')).join('');
}

;// CONCATENATED MODULE: ./build/settings/quote.js
/** Longest part of a value repeated in an error: enough to recognise it, not enough to flood the log. */
const MAX_QUOTED_CHARS = 80;
/** Characters that would hide or rearrange text in a log line: controls, format marks, line separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/**
 * A non-secret value quoted for an error message: CR, LF and other invisible characters escaped,
 * long values cut (with their length). Never pass a secret here.
 */
function quote(value) {
    const chars = Array.from(value);
    const shown = chars.length > MAX_QUOTED_CHARS ? `${chars.slice(0, MAX_QUOTED_CHARS).join('')}…` : value;
    const quoted = JSON.stringify(shown).replace(INVISIBLE, escapeChar);
    return chars.length > MAX_QUOTED_CHARS ? `${quoted} (${chars.length} characters)` : quoted;
}
/** One character named for a person: "a space", "a line break", or the character quoted. */
function describeChar(char) {
    if (char === ' ')
        return 'a space';
    if (char === '\t')
        return 'a tab';
    if (char === '\r' || char === '\n')
        return 'a line break';
    if (/^\s$/u.test(char))
        return `whitespace (${escapeChar(char)})`;
    return `'${char.replace(INVISIBLE, escapeChar)}'`;
}
function escapeChar(char) {
    return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

;// CONCATENATED MODULE: ./build/settings/account-ids.js




const FIX = 'Give 12-digit account ids separated by commas or newlines, e.g. 111122223333, 444455556666 (keep any leading zeros)';
/**
 * Accounts the final identity may belong to. Entries are separated by commas or newlines; empty entries
 * (a trailing comma) are skipped, but a value with no id at all is refused rather than read as "any".
 */
function parseAllowedAccountIds(value) {
    if (value === undefined)
        return [];
    const ids = value
        .split(/[,\r\n]/)
        .map((id) => id.trim())
        .filter((id) => id !== '');
    if (ids.length === 0)
        throw new errors/* InputError */.d(Inputs.allowedAccountIds, 'lists no account id', FIX);
    for (const [index, id] of ids.entries()) {
        if (!ACCOUNT_ID.test(id))
            throw new errors/* InputError */.d(Inputs.allowedAccountIds, `entry ${index + 1}, ${quote(id)}, is not an account id (exactly 12 digits)`, FIX);
    }
    return ids;
}

;// CONCATENATED MODULE: ./build/settings/booleans.js


/** The YAML 1.2 core schema's booleans, as core.getBooleanInput accepts them. */
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/**
 * A boolean input: exactly true or false (True/TRUE/False/FALSE too), undefined when absent. Anything
 * else is refused, so that 'no', 'off' or '0' can never switch a feature on or off by accident.
 */
function parseBoolean(input, value) {
    if (value === undefined)
        return undefined;
    if (TRUE.includes(value))
        return true;
    if (FALSE.includes(value))
        return false;
    throw new errors/* InputError */.d(input, `${quote(value)} is not a boolean`, 'Give true or false, or leave it out');
}

;// CONCATENATED MODULE: ./build/settings/duration.js




const SECONDS = /^\d+$/;
/** Hours, minutes and seconds, each at most once and in that order: 1h, 15m, 1h30m, 90s, 2h0m30s. */
const UNITS = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const duration_FIX = `Give ${MIN_DURATION_SECONDS} to ${MAX_DURATION_SECONDS} seconds (15m to 12h), as whole seconds or with h, m and s in that order, e.g. 3600, 1h or 1h30m`;
/** Session duration in seconds: whole seconds or h/m/s units; 900 to 43200. */
function parseDuration(value) {
    if (value === undefined)
        return DEFAULT_DURATION_SECONDS;
    const seconds = toSeconds(value);
    if (seconds === undefined)
        throw new errors/* InputError */.d(Inputs.duration, `${quote(value)} is not a duration`, duration_FIX);
    if (seconds < MIN_DURATION_SECONDS)
        throw new errors/* InputError */.d(Inputs.duration, `${quote(value)} is less than ${MIN_DURATION_SECONDS} seconds (15m), the shortest session STS gives`, duration_FIX);
    if (seconds > MAX_DURATION_SECONDS)
        throw new errors/* InputError */.d(Inputs.duration, `${quote(value)} is more than ${MAX_DURATION_SECONDS} seconds (12h), the longest session STS gives`, duration_FIX);
    return seconds;
}
function toSeconds(value) {
    if (SECONDS.test(value))
        return Number(value);
    const match = UNITS.exec(value);
    if (!match || value === '')
        return undefined;
    const [, hours = '0', minutes = '0', seconds = '0'] = match;
    return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

;// CONCATENATED MODULE: ./build/settings/read-inputs.js

const LINE_BREAK = /[\r\n]/;
/**
 * Wraps a reader. '' means absent (the default applies); a value of only whitespace can come only from
 * a caller that does not trim (the CLI), and is refused rather than silently taken as absent.
 */
function inputValues(read) {
    const text = (name) => {
        const raw = read(name) ?? '';
        if (raw === '')
            return undefined;
        const value = raw.trim();
        if (value === '')
            throw new errors/* InputError */.d(name, 'is blank (only whitespace)', `Give a value, or leave '${name}' out`);
        return value;
    };
    return {
        single(name) {
            const value = text(name);
            if (value !== undefined)
                refuseLineBreak(name, value);
            return value;
        },
        multi: text,
    };
}
/**
 * Refuses CR or LF in a single-line value, without echoing it (it may be a secret). A line break would
 * let a value add lines to the files and commands this action writes.
 */
function refuseLineBreak(input, value, origin) {
    if (!LINE_BREAK.test(value))
        return;
    const subject = origin ? `its value from ${origin}` : 'it';
    throw new errors/* InputError */.d(input, `${subject} contains a line break (CR or LF), but takes a single line`, 'Give the value on one line; line breaks are refused so that no value can add lines to the files this action writes');
}
/** The first of the environment variables that is set and not blank, checked to be a single line. */
function fromEnv(env, names, input) {
    for (const name of names) {
        const value = env[name]?.trim();
        if (!value)
            continue;
        refuseLineBreak(input, value, name);
        return { value, origin: name };
    }
    return undefined;
}
/** The non-blank lines of a multi-line value, trimmed. CR, LF and CRLF all end a line. */
function nonBlankLines(value) {
    if (value === undefined)
        return [];
    return value
        .split(/\r\n|\r|\n/)
        .map((text, index) => ({ number: index + 1, text: text.trim() }))
        .filter((line) => line.text !== '');
}

;// CONCATENATED MODULE: ./build/settings/endpoint.js





/** The region: the input, else AWS_REGION, else AWS_DEFAULT_REGION, else undefined (STS uses us-east-1). */
function parseRegion(value, env) {
    const found = value === undefined
        ? fromEnv(env, [AwsEnv.region, AwsEnv.defaultRegion], Inputs.region)
        : { value, origin: undefined };
    if (found === undefined || REGION.test(found.value))
        return found?.value;
    const from = found.origin ? ` (from ${found.origin})` : '';
    const orFix = found.origin ? `, or correct ${found.origin}` : '';
    throw new errors/* InputError */.d(Inputs.region, `${quote(found.value)}${from} is not a region name`, `Give a region such as us-east-1, eu-west-2, cn-north-1 or us-gov-west-1${orFix}`);
}
/** A custom STS endpoint: the input, else AWS_ENDPOINT_URL_STS, else AWS_ENDPOINT_URL; http(s) only. */
function parseStsEndpoint(value, env) {
    const found = value === undefined
        ? fromEnv(env, [AwsEnv.endpointUrlSts, AwsEnv.endpointUrl], Inputs.stsEndpoint)
        : { value, origin: undefined };
    if (found === undefined)
        return undefined;
    const from = found.origin ? ` (from ${found.origin})` : '';
    const fix = `Give an http or https URL such as https://sts.us-east-1.amazonaws.com${found.origin ? `, or correct ${found.origin}` : ''}`;
    const url = URL.parse(found.value);
    if (url === null)
        throw new errors/* InputError */.d(Inputs.stsEndpoint, `${quote(found.value)}${from} is not a URL`, fix);
    if (url.username !== '' || url.password !== '')
        throw new errors/* InputError */.d(Inputs.stsEndpoint, `the URL${from} contains a user name or password`, `${fix}, without credentials in it`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new errors/* InputError */.d(Inputs.stsEndpoint, `${quote(found.value)}${from} uses ${quote(url.protocol.replace(/:$/, ''))}, not http or https`, fix);
    return found.value;
}

;// CONCATENATED MODULE: ./build/settings/iam-arn.js


const SHAPE = {
    role: 'arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME',
    policy: 'arn:PARTITION:iam::ACCOUNT:policy/[PATH/]NAME (ACCOUNT is aws for AWS managed policies)',
};
const EXAMPLE = {
    role: 'arn:aws:iam::123456789012:role/deploy',
    policy: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
};
const PATTERN = { role: ROLE_ARN, policy: POLICY_ARN };
const NAME_MAX = { role: IAM_NAME_MAX, policy: POLICY_NAME_MAX };
/**
 * What is wrong with an IAM role or policy ARN, field by field, or undefined when it matches the
 * pattern in rules.ts. A bare name is refused: the partition (aws, aws-cn, aws-us-gov, ...) is not guessed.
 */
function iamArnProblem(value, kind) {
    if (PATTERN[kind].test(value))
        return undefined;
    const fix = `Give the full ARN, ${SHAPE[kind]}, e.g. ${EXAMPLE[kind]}`;
    const problem = (text) => ({ problem: `${quote(value)} ${text}`, fix });
    if (!value.startsWith('arn:')) {
        if (!/^[\w+=,.@/-]+$/.test(value))
            return problem(`is not an ARN`);
        return {
            problem: `${quote(value)} is a ${kind} name, not an ARN`,
            fix: `${fix}. The partition is not guessed: it is aws-cn in China and aws-us-gov in GovCloud`,
        };
    }
    const fields = value.split(':');
    if (fields.length !== 6)
        return problem(`is not an IAM ${kind} ARN: it has ${fields.length} ':'-separated fields, not 6`);
    const [, partition = '', service = '', region = '', account = '', resource = ''] = fields;
    if (!PARTITIONS.includes(partition))
        return problem(`names partition ${quote(partition)}, which is not one of ${PARTITIONS.join(', ')}`);
    if (service !== 'iam')
        return problem(`is an ARN of service ${quote(service)}, not an IAM ${kind} ARN`);
    if (region !== '')
        return problem(`has region ${quote(region)}, but IAM ARNs have none ('iam::')`);
    if (!ACCOUNT_ID.test(account) && !(kind === 'policy' && account === 'aws'))
        return problem(`has account ${quote(account)}, but an account id is exactly 12 digits`);
    const [type, ...path] = resource.split('/');
    if (type !== kind || path.length === 0)
        return problem(`is not a ${kind} ARN: its resource is not '${kind}/NAME'`);
    return pathProblem(path, NAME_MAX[kind], problem) ?? problem(`is not an IAM ${kind} ARN`);
}
function pathProblem(path, nameMax, problem) {
    for (const [index, segment] of path.entries()) {
        const what = index === path.length - 1 ? 'name' : 'path segment';
        const max = index === path.length - 1 ? nameMax : IAM_NAME_MAX;
        if (segment === '')
            return problem(`has an empty ${what} (check for a doubled or trailing '/')`);
        if (segment.length > max)
            return problem(`has a ${what} of ${segment.length} characters, longer than ${max}`);
        const bad = Array.from(segment).find((char) => !IAM_NAME_CHAR.test(char));
        if (bad !== undefined)
            return problem(`has ${quote(bad)} in its ${what}; only letters, digits and _+=,.@- are allowed`);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./build/settings/role-chain.js



const ARROW = '->';
const EMPTY_HOP_FIX = `Put one role ARN between each '${ARROW}', e.g. arn:aws:iam::111111111111:role/a ${ARROW} arn:aws:iam::222222222222:role/b`;
/**
 * A chain of role ARNs, assumed in order: one per line, or joined by '->' (both may be mixed).
 * Blank lines are skipped; an empty hop between, before or after a '->' is refused, naming its position.
 * `where` prefixes the problem when the chain is part of a larger input (a line of 'profiles').
 */
function parseRoleChain(text, input, where = '') {
    const arns = [];
    for (const line of nonBlankLines(text)) {
        const hops = line.text.split(ARROW).map((hop) => hop.trim());
        for (const [index, hop] of hops.entries()) {
            const position = arns.length + 1;
            if (hop === '')
                throw new errors/* InputError */.d(input, `${where}hop ${position} is empty (${emptyHopReason(hops, index)})`, EMPTY_HOP_FIX);
            const bad = iamArnProblem(hop, 'role');
            if (bad)
                throw new errors/* InputError */.d(input, `${where}hop ${position}: ${bad.problem}`, bad.fix);
            arns.push(hop);
        }
    }
    return arns;
}
function emptyHopReason(hops, index) {
    if (hops.every((hop) => hop === ''))
        return `the line has only '${ARROW}'`;
    if (index === 0)
        return `a '${ARROW}' starts the line`;
    if (index === hops.length - 1)
        return `a '${ARROW}' ends the line`;
    return `two '${ARROW}' with nothing between`;
}

;// CONCATENATED MODULE: ./build/settings/irsa-role.js



const OIDC_REQUEST_URL = 'ACTIONS_ID_TOKEN_REQUEST_URL';
/**
 * EKS IRSA sets AWS_ROLE_ARN beside AWS_WEB_IDENTITY_TOKEN_FILE, and every SDK assumes that role with
 * the token. Without a role-arn input, do the same for source web-identity, and for auto when nothing
 * else (keys, a GitHub OIDC token) would be chosen first.
 */
function withIrsaRole(source, roleArns, profiles, facts, env) {
    if (roleArns.length > 0 || profiles.length > 0 || facts.webIdentityTokenFile === undefined) {
        return { source, roleArns };
    }
    const irsaCandidate = source === 'web-identity' || (source === 'auto' && !facts.hasKeys && !env[OIDC_REQUEST_URL]);
    const role = irsaCandidate ? fromEnv(env, [AwsEnv.roleArn], Inputs.roleArn) : undefined;
    if (!role)
        return { source, roleArns };
    return {
        source: 'web-identity',
        roleArns: parseRoleChain(role.value, Inputs.roleArn, `${AwsEnv.roleArn}: `),
    };
}

;// CONCATENATED MODULE: ./build/settings/keys.js



const SECRETS_FIX = 'Pass both from repository or environment secrets (secrets.AWS_ACCESS_KEY_ID, secrets.AWS_SECRET_ACCESS_KEY)';
/**
 * Access keys for source `keys`: both halves or none; a session token only with both.
 * Errors say what is wrong without showing any part of a key.
 */
function parseKeys(accessKeyId, secretAccessKey, sessionToken) {
    if (accessKeyId === undefined && secretAccessKey === undefined) {
        if (sessionToken === undefined)
            return undefined;
        throw new errors/* InputError */.d(Inputs.awsAccessKeyId, 'is missing (and so is aws-secret-access-key), but aws-session-token is given', `A session token is used only with its key pair: give all three, or remove aws-session-token. ${SECRETS_FIX}`);
    }
    if (secretAccessKey === undefined)
        throw new errors/* InputError */.d(Inputs.awsSecretAccessKey, 'is missing, but aws-access-key-id is given', `Give both halves of the key pair (check that the secret exists and is available to this workflow). ${SECRETS_FIX}`);
    if (accessKeyId === undefined)
        throw new errors/* InputError */.d(Inputs.awsAccessKeyId, 'is missing, but aws-secret-access-key is given', `Give both halves of the key pair (check that the secret exists and is available to this workflow). ${SECRETS_FIX}`);
    if (!ACCESS_KEY_ID.test(accessKeyId))
        throw new errors/* InputError */.d(Inputs.awsAccessKeyId, `is not an access key id: ${keyIdProblem(accessKeyId)}`, 'Give the access key id (AKIA… or ASIA…), not the secret or another value');
    return sessionToken === undefined
        ? { accessKeyId, secretAccessKey }
        : { accessKeyId, secretAccessKey, sessionToken };
}
/** Describes a malformed key id by its length and character classes, never by its characters. */
function keyIdProblem(keyId) {
    if (keyId.length < 16 || keyId.length > 128)
        return `it is ${keyId.length} characters long, and a key id has 16 to 128`;
    const kinds = [
        /[a-z]/.test(keyId) && 'lowercase letters',
        /[^A-Za-z0-9]/.test(keyId) && 'characters other than letters and digits',
    ].filter(Boolean);
    return `it contains ${kinds.join(' and ')}, and a key id has only A-Z and 0-9`;
}

;// CONCATENATED MODULE: ./build/settings/text-check.js

/**
 * What is wrong with a value under a rule, as the start of a sentence, or undefined when it is fine.
 * Lengths count characters (code points). A secret is described without showing it or its characters.
 */
function textProblem(value, rule, secret = false) {
    const chars = Array.from(value);
    const subject = secret ? 'it' : quote(value);
    if (chars.length < rule.min)
        return `${subject} is ${chars.length} ${plural(chars.length, 'character')} long, shorter than ${rule.min}`;
    if (chars.length > rule.max)
        return `${subject} is ${chars.length} characters long, longer than ${rule.max}`;
    const bad = chars.findIndex((char) => !rule.char.test(char));
    if (bad < 0)
        return undefined;
    const what = secret ? 'a character that is not allowed' : describeChar(chars[bad] ?? '');
    return `${subject} contains ${what} at position ${bad + 1}; only ${rule.chars} are allowed`;
}
/** The rule as a person reads it: "2 to 64 letters, digits and _+=,.@-". */
function describeRule(rule) {
    return `${rule.min} to ${rule.max} ${rule.chars}`;
}
function plural(count, word) {
    return count === 1 ? word : `${word}s`;
}

;// CONCATENATED MODULE: ./build/settings/profiles.js







const NAME_FIX = `A profile name is ${describeRule(PROFILE_NAME)}, so that it cannot add lines or sections to the shared INI files`;
const LINE_FIX = "Write one profile per line as 'NAME: ROLE_ARN [-> ROLE_ARN ...]', e.g. 'prod: arn:aws:iam::123456789012:role/deploy'";
/**
 * The profiles to write, from `profile` (one name, continuing the common chain) or `profiles`.
 *
 * `profiles` grammar, one profile per line (blank lines and lines starting with '#' are skipped):
 *   NAME ':' WHITESPACE CHAIN   e.g. `team:prod: arn:aws:iam::1…:role/a -> arn:…`
 *   NAME ':' CHAIN              only when CHAIN starts with 'arn:' and no ':' is followed by whitespace
 *   NAME ':'                    no roles of its own (needs role-arn)
 * Names may contain ':' but never whitespace, so the first ':' followed by whitespace (or ending the
 * line) ends the name. Without one, the name ends at the first ':arn:' (so a name containing ':arn:'
 * needs the spaced form). Whitespace around the name is trimmed. CHAIN is role ARNs joined by '->'.
 */
function parseProfiles(profile, profiles, commonChain) {
    if (profile !== undefined && profiles !== undefined)
        throw new errors/* InputError */.d(Inputs.profiles, "is given together with 'profile'; these inputs conflict", "Use 'profile' for one profile, or list every profile in 'profiles' (NAME: ROLE_ARN per line)");
    if (profile !== undefined)
        return [{ name: checkedName(Inputs.profile, profile), roleArns: [] }];
    if (profiles === undefined)
        return [];
    const targets = [];
    const lineOf = new Map();
    for (const line of nonBlankLines(profiles)) {
        if (line.text.startsWith('#'))
            continue;
        const at = `line ${line.number}`;
        const parts = splitProfileLine(line.text);
        if (!parts)
            throw new errors/* InputError */.d(Inputs.profiles, `${at}, ${quote(line.text)}, has no ': ' after the profile name`, LINE_FIX);
        const name = checkedName(Inputs.profiles, parts.name, `${at}: the name `);
        const earlier = lineOf.get(name);
        if (earlier !== undefined)
            throw new errors/* InputError */.d(Inputs.profiles, `${at}: profile ${quote(name)} is already defined on line ${earlier}`, 'Give each profile once');
        lineOf.set(name, line.number);
        const roleArns = parseRoleChain(parts.chain, Inputs.profiles, `${at} (profile ${quote(name)}): `);
        if (roleArns.length === 0 && commonChain.length === 0)
            throw new errors/* InputError */.d(Inputs.profiles, `${at}: profile ${quote(name)} has no role, and role-arn is not given`, `Give its role after the name (${name}: arn:aws:iam::123456789012:role/NAME), or set role-arn`);
        targets.push({ name, roleArns });
    }
    if (targets.length === 0)
        throw new errors/* InputError */.d(Inputs.profiles, 'lists no profile (only blank or # lines)', LINE_FIX);
    return targets;
}
/** Splits `NAME: CHAIN` (see parseProfiles); undefined when the line has no separator. */
function splitProfileLine(text) {
    const spaced = /:(?=\s|$)/.exec(text);
    const index = spaced ? spaced.index : text.indexOf(':arn:');
    if (index < 0)
        return undefined;
    return { name: text.slice(0, index).trim(), chain: text.slice(index + 1).trim() };
}
function checkedName(input, name, where = '') {
    const problem = textProblem(name, PROFILE_NAME);
    if (problem)
        throw new errors/* InputError */.d(input, `${where}${problem}`, NAME_FIX);
    return name;
}

;// CONCATENATED MODULE: ./build/settings/session-policies.js





/**
 * An inline session policy: a JSON object, returned compacted (STS counts its characters against
 * 2048, and whitespace counts). JSON's own parse message is kept, with line breaks escaped.
 */
function parseInlinePolicy(value) {
    if (value === undefined)
        return undefined;
    let policy;
    try {
        policy = JSON.parse(value);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new errors/* InputError */.d(Inputs.inlineSessionPolicy, `is not valid JSON: ${reason.replace(/\r?\n|\r/g, ' ')}`, 'Give a JSON policy document, e.g. {"Version":"2012-10-17","Statement":[...]}');
    }
    if (typeof policy !== 'object' || policy === null || Array.isArray(policy))
        throw new errors/* InputError */.d(Inputs.inlineSessionPolicy, `is JSON, but ${Array.isArray(policy) ? 'an array' : policy === null ? 'null' : `a ${typeof policy}`}, not a policy object`, 'Give a JSON object with Version and Statement, e.g. {"Version":"2012-10-17","Statement":[...]}');
    const compact = JSON.stringify(policy);
    if (compact.length > MAX_INLINE_POLICY_CHARS)
        throw new errors/* InputError */.d(Inputs.inlineSessionPolicy, `is ${compact.length} characters even without whitespace, more than STS's ${MAX_INLINE_POLICY_CHARS}`, 'Shorten the policy, or move part of it into a managed policy listed in managed-session-policies');
    return compact;
}
/** Managed policy ARNs for the last hop, one per line, at most 10. */
function parseManagedPolicies(value) {
    const lines = nonBlankLines(value);
    if (lines.length > MAX_MANAGED_POLICIES)
        throw new errors/* InputError */.d(Inputs.managedSessionPolicies, `lists ${lines.length} policies, more than STS's ${MAX_MANAGED_POLICIES}`, 'List at most 10, or combine some into one managed policy');
    return lines.map((line) => {
        const bad = iamArnProblem(line.text, 'policy');
        if (bad)
            throw new errors/* InputError */.d(Inputs.managedSessionPolicies, `line ${line.number}: ${bad.problem}`, bad.fix);
        return line.text;
    });
}

;// CONCATENATED MODULE: ./build/settings/session-tags.js






const TAGS_FIX = 'Give one Key=Value per line: keys 1 to 128 and values 0 to 256 letters, digits, spaces and _.:/=+-@';
/** Session tags, `Key=Value` per line; the value runs to the end of the line and may contain '=' or be empty. */
function parseSessionTags(value) {
    const lines = nonBlankLines(value);
    if (lines.length > MAX_SESSION_TAGS)
        throw new errors/* InputError */.d(Inputs.sessionTags, `has ${lines.length} tags, more than STS's ${MAX_SESSION_TAGS}`, 'Remove tags until at most 50 remain');
    const tags = [];
    const seen = new Map();
    for (const line of lines) {
        const at = `line ${line.number}`;
        const separator = line.text.indexOf('=');
        if (separator < 0)
            throw new errors/* InputError */.d(Inputs.sessionTags, `${at}, ${quote(line.text)}, has no '=' between key and value`, TAGS_FIX);
        const key = line.text.slice(0, separator).trim();
        const tagValue = line.text.slice(separator + 1).trim();
        check(`${at}: the key`, key, TAG_KEY);
        check(`${at}: in the value of ${quote(key)},`, tagValue, TAG_VALUE);
        if (key.toLowerCase().startsWith('aws:'))
            throw new errors/* InputError */.d(Inputs.sessionTags, `${at}: the key ${quote(key)} starts with 'aws:', a prefix AWS reserves`, 'Choose another key');
        const earlier = seen.get(key.toLowerCase());
        if (earlier !== undefined)
            throw new errors/* InputError */.d(Inputs.sessionTags, `${at}: the key ${quote(key)} repeats the key on line ${earlier} (tag keys ignore case)`, 'Give each key once');
        seen.set(key.toLowerCase(), line.number);
        tags.push({ key, value: tagValue });
    }
    return tags;
}
/** Keys of session tags that pass on through the chain, one per line; each must be a tag key (any case). */
function parseTransitiveTagKeys(value, tags) {
    const lines = nonBlankLines(value);
    if (lines.length > MAX_TRANSITIVE_TAG_KEYS)
        throw new errors/* InputError */.d(Inputs.transitiveTagKeys, `has ${lines.length} keys, more than STS's ${MAX_TRANSITIVE_TAG_KEYS}`, 'Remove keys until at most 50 remain');
    const keys = new Map(tags.map((tag) => [tag.key.toLowerCase(), tag.key]));
    return lines.map((line) => {
        const key = keys.get(line.text.toLowerCase());
        if (key !== undefined)
            return key;
        throw new errors/* InputError */.d(Inputs.transitiveTagKeys, `line ${line.number}, ${quote(line.text)}, is not a key in session-tags`, tags.length === 0
            ? 'Add the tag to session-tags, or remove the key'
            : `Use one of the session-tags keys: ${[...keys.values()].join(', ')}`);
    });
}
function check(what, text, rule) {
    const problem = textProblem(text, rule);
    if (problem)
        throw new errors/* InputError */.d(Inputs.sessionTags, `${what} ${problem}`, TAGS_FIX);
}

;// CONCATENATED MODULE: ./build/settings/settings.js
/** Where the first credentials come from. `profile` is the CLI's own source. */
const SOURCES = [
    'auto',
    'keys',
    'oidc',
    'imds',
    'container',
    'web-identity',
    'env',
    'profile',
];

;// CONCATENATED MODULE: ./build/settings/source.js






/** The sources a workflow may name; `profile` is the CLI's, chosen with source-profile. */
const ACTION_SOURCES = SOURCES.filter((source) => source !== 'profile');
function parseSource(value) {
    const source = value ?? DEFAULT_SOURCE;
    const known = SOURCES.find((name) => name === source);
    if (known)
        return known;
    throw new errors/* InputError */.d(Inputs.source, `${quote(source)} is not a source`, `Use one of ${ACTION_SOURCES.join(', ')} (auto picks the first available and logs why)`);
}
/** CLI only: an existing profile whose credentials start the chain. */
function parseSourceProfile(value) {
    if (value === undefined)
        return undefined;
    const problem = textProblem(value, SOURCE_PROFILE_NAME);
    if (problem)
        throw new errors/* InputError */.d(CliInputs.sourceProfile, problem, `Give a profile name of ${describeRule(SOURCE_PROFILE_NAME)}`);
    return value;
}
/**
 * Checks the source against the inputs that feed it, and settles `auto` only where the inputs alone
 * decide: source-profile makes it `profile` (auto never probes profiles). Keys leave it `auto`; the
 * source chooser picks them first and logs why.
 */
function resolveSource(facts) {
    const { requested, keys, sourceProfile, webIdentityTokenFile } = facts;
    if (requested === 'profile' && sourceProfile === undefined)
        throw new errors/* InputError */.d(Inputs.source, "'profile' reads an existing profile, but no source-profile is given", `In the CLI pass --source-profile NAME; in a workflow use one of ${ACTION_SOURCES.join(', ')}`);
    if (sourceProfile !== undefined && requested !== 'profile' && requested !== 'auto')
        throw new errors/* InputError */.d(CliInputs.sourceProfile, `is given, but source is '${requested}'`, "Drop source-profile, or set source to 'profile' (or leave it at auto)");
    const source = sourceProfile === undefined ? requested : 'profile';
    if (keys && source !== 'keys' && source !== 'auto')
        throw new errors/* InputError */.d(Inputs.awsAccessKeyId, `is given, but source is '${source}', which does not use access keys`, "These inputs conflict: remove the keys, or set source to 'keys' (or auto)");
    if (source === 'keys' && !keys)
        throw new errors/* InputError */.d(Inputs.awsAccessKeyId, "is missing, but source is 'keys'", 'Give aws-access-key-id and aws-secret-access-key, e.g. from secrets, or choose another source');
    if (source === 'web-identity' && webIdentityTokenFile === undefined)
        throw new errors/* InputError */.d(Inputs.webIdentityTokenFile, `is not given and ${AwsEnv.webIdentityTokenFile} is not set, but source is 'web-identity'`, `Set web-identity-token-file to the token's path, or set ${AwsEnv.webIdentityTokenFile} (EKS IRSA sets it in the pod)`);
    return source;
}
/** Sources whose first call is AssumeRoleWithWebIdentity: they have no identity without a role. */
function sourceNeedsRole(source) {
    return source === 'oidc' || source === 'web-identity';
}

;// CONCATENATED MODULE: ./build/settings/sts-parameters.js





/** RoleSessionName: the explicit value, else the default that identifies the run. */
function parseSessionName(value, fallback) {
    if (value !== undefined)
        return checked(Inputs.sessionName, value, SESSION_NAME);
    const problem = textProblem(fallback, SESSION_NAME);
    if (problem)
        throw new errors/* InputError */.d(Inputs.sessionName, `the default session name ${problem}`, `Set session-name to ${describeRule(SESSION_NAME)}`);
    return fallback;
}
/** ExternalId for AssumeRole hops. Often kept in a secret, so it is never shown. */
function parseExternalId(value) {
    return value === undefined ? undefined : checked(Inputs.externalId, value, EXTERNAL_ID, true);
}
/** SourceIdentity for AssumeRole hops; the 'aws:' prefix is reserved by AWS. */
function parseSourceIdentity(value) {
    if (value === undefined)
        return undefined;
    if (value.toLowerCase().startsWith('aws:'))
        throw new errors/* InputError */.d(Inputs.sourceIdentity, `${quote(value)} starts with 'aws:', a prefix AWS reserves`, `Give ${describeRule(SOURCE_IDENTITY)} not starting with 'aws:', e.g. the user or run it stands for`);
    return checked(Inputs.sourceIdentity, value, SOURCE_IDENTITY);
}
/** CLI only: the MFA device (serial or ARN) for the first AssumeRole hop. */
function parseMfaSerial(value) {
    return value === undefined ? undefined : checked(CliInputs.mfaSerial, value, MFA_SERIAL);
}
/** CLI only: a 6-digit code from the MFA device, which needs mfa-serial. */
function parseMfaCode(value, serial) {
    if (value === undefined)
        return undefined;
    if (!/^\d{6}$/.test(value))
        throw new errors/* InputError */.d(CliInputs.mfaCode, 'is not 6 digits', 'Give the 6-digit code your MFA device shows now');
    if (serial === undefined)
        throw new errors/* InputError */.d(CliInputs.mfaCode, 'is given without mfa-serial', 'Also give mfa-serial, the ARN or serial number of the MFA device');
    return value;
}
function checked(input, value, rule, secret = false) {
    const problem = textProblem(value, rule, secret);
    if (problem)
        throw new errors/* InputError */.d(input, problem, `Give ${describeRule(rule)}`);
    return value;
}

;// CONCATENATED MODULE: ./build/settings/parse-settings.js
















/**
 * Reads every input once and checks it, before any network call. Inputs are checked one by one in
 * action.yml order, then against each other; the first problem is thrown as an InputError naming the
 * input. `env` supplies only the documented AWS_* fallbacks (region, endpoint, token file).
 */
function parseSettings(read, env, context) {
    const inputs = inputValues(read);
    const single = inputs.single;
    const requestedSource = parseSource(single(Inputs.source));
    const sourceProfile = parseSourceProfile(single(CliInputs.sourceProfile));
    const givenRoleArns = parseRoleChain(inputs.multi(Inputs.roleArn), Inputs.roleArn);
    const sessionName = parseSessionName(single(Inputs.sessionName), context.defaultSessionName);
    const durationSeconds = parseDuration(single(Inputs.duration));
    const region = parseRegion(single(Inputs.region), env);
    const keys = parseKeys(single(Inputs.awsAccessKeyId), single(Inputs.awsSecretAccessKey), single(Inputs.awsSessionToken));
    const audience = single(Inputs.audience) ?? DEFAULT_AUDIENCE;
    const webIdentityTokenFile = single(Inputs.webIdentityTokenFile) ??
        fromEnv(env, [AwsEnv.webIdentityTokenFile], Inputs.webIdentityTokenFile)?.value;
    const externalId = parseExternalId(single(Inputs.externalId));
    const sourceIdentity = parseSourceIdentity(single(Inputs.sourceIdentity));
    const sessionTags = parseSessionTags(inputs.multi(Inputs.sessionTags));
    const transitiveTagKeys = parseTransitiveTagKeys(inputs.multi(Inputs.transitiveTagKeys), sessionTags);
    const inlineSessionPolicy = parseInlinePolicy(inputs.multi(Inputs.inlineSessionPolicy));
    const managedSessionPolicies = parseManagedPolicies(inputs.multi(Inputs.managedSessionPolicies));
    const stsEndpoint = parseStsEndpoint(single(Inputs.stsEndpoint), env);
    const allowedAccountIds = parseAllowedAccountIds(inputs.multi(Inputs.allowedAccountIds));
    const flag = (input) => parseBoolean(input, single(input));
    const maskAccountId = flag(Inputs.maskAccountId) ?? false;
    const outputCredentials = flag(Inputs.outputCredentials) ?? false;
    const exportEnvGiven = flag(Inputs.exportEnv);
    const overwriteProfile = flag(Inputs.overwriteProfile) ?? false;
    const refresh = flag(Inputs.refresh) ?? false;
    const cleanup = flag(Inputs.cleanup) ?? true;
    const profiles = parseProfiles(single(Inputs.profile), inputs.multi(Inputs.profiles), givenRoleArns);
    /** Written profiles are the hand-over; exporting them as well is opt-in. */
    const exportEnv = exportEnvGiven ?? profiles.length === 0;
    const mfaSerial = parseMfaSerial(single(CliInputs.mfaSerial));
    const mfaCode = parseMfaCode(single(CliInputs.mfaCode), mfaSerial);
    const { source, roleArns } = withIrsaRole(resolveSource({ requested: requestedSource, keys, sourceProfile, webIdentityTokenFile }), givenRoleArns, profiles, { hasKeys: keys !== undefined, webIdentityTokenFile }, env);
    checkRoleGiven(source, roleArns, profiles, env);
    checkRefresh(refresh, keys, profiles);
    checkPoliciesHaveOneEnd(inlineSessionPolicy !== undefined || managedSessionPolicies.length > 0, profiles);
    return {
        source,
        roleArns,
        profiles,
        sessionName,
        durationSeconds,
        region,
        keys,
        audience,
        webIdentityTokenFile,
        externalId,
        sourceIdentity,
        sessionTags,
        transitiveTagKeys,
        inlineSessionPolicy,
        managedSessionPolicies,
        stsEndpoint,
        allowedAccountIds,
        maskAccountId,
        outputCredentials,
        exportEnv,
        overwriteProfile,
        refresh,
        cleanup,
        sourceProfile,
        mfaSerial,
        mfaCode,
    };
}
/** No role at all is fine (the source identity is exported), except for sources that only trade a token. */
function checkRoleGiven(source, roleArns, profiles, env) {
    if (!sourceNeedsRole(source) || roleArns.length > 0)
        return;
    if (profiles.length > 0 && profiles.every((profile) => profile.roleArns.length > 0))
        return;
    const hint = env[AwsEnv.roleArn]?.trim() ? ` (${AwsEnv.roleArn} in this environment names one)` : '';
    throw new errors/* InputError */.d(Inputs.roleArn, `is not given, but source '${source}' needs a role: its token is only good for AssumeRoleWithWebIdentity`, `Set role-arn to a role whose trust policy accepts the token${hint}, e.g. arn:aws:iam::123456789012:role/deploy`);
}
/**
 * Session policies restrict a chain's last hop. Profiles with roles of their own end on those; profiles
 * without end on role-arn's last role. Mixed, the policy would bind the spokes twice or the others not at all.
 */
function checkPoliciesHaveOneEnd(hasPolicies, profiles) {
    const ownRoles = profiles.filter((profile) => profile.roleArns.length > 0).length;
    if (!hasPolicies || ownRoles === 0 || ownRoles === profiles.length)
        return;
    throw new errors/* InputError */.d(Inputs.inlineSessionPolicy, 'session policies are given, but some profiles end at role-arn and others assume roles of their own, so there is no single last hop to restrict', 'Give every profile a role of its own, or write the profiles in two steps');
}
function checkRefresh(refresh, keys, profiles) {
    if (!refresh)
        return;
    if (keys)
        throw new errors/* InputError */.d(Inputs.refresh, 'is true with access keys as the source, but renewing would need the long-lived keys stored on disk, and this action never writes them there', 'Drop refresh (run the step again when a long job needs new credentials), or use a renewable source: oidc, imds, container or web-identity');
    if (profiles.length === 0)
        throw new errors/* InputError */.d(Inputs.refresh, "is true, but no profile is written: refresh works through a profile's credential_process", 'Set profile (or profiles), or drop refresh');
}

;// CONCATENATED MODULE: ./build/cli/cli-settings.js





/**
 * The command line as action inputs: the options that mirror inputs as they are, and the CLI's own
 * source profile and MFA options under their CliInputs names, so parseSettings checks them all.
 */
function cliInputs(command, mfaCode = command.mfaCode) {
    return {
        ...command.inputs,
        ...(command.sourceProfile === undefined ? {} : { [CliInputs.sourceProfile]: command.sourceProfile }),
        ...(command.mfaSerial === undefined ? {} : { [CliInputs.mfaSerial]: command.mfaSerial }),
        ...(mfaCode === undefined ? {} : { [CliInputs.mfaCode]: mfaCode }),
    };
}
/**
 * Settings from the command line, checked as the action checks its inputs. The default session
 * name outside Actions is `user@host`, so CloudTrail shows who asked from where.
 * When an MFA serial is given without a code, `askMfaCode` supplies one (a prompt at a terminal),
 * after every other input has been checked, and the code is checked like a given one.
 */
async function readCliSettings(command, env, askMfaCode) {
    const context = { defaultSessionName: defaultSessionName(env, currentUser(), (0,external_node_os_.hostname)()) };
    const parse = (inputs) => parseSettings((name) => inputs[name] ?? '', env, context);
    const settings = parse(cliInputs(command));
    if (settings.mfaSerial === undefined)
        return settings;
    checkMfaIsSent(settings);
    if (settings.mfaCode !== undefined)
        return settings;
    return parse(cliInputs(command, await askMfaCode(settings.mfaSerial)));
}
/** The core sends the MFA code with the first AssumeRole only: anywhere else it would be dropped silently. */
function checkMfaIsSent(settings) {
    const assumesRole = settings.roleArns.length > 0 || settings.profiles.some((profile) => profile.roleArns.length > 0);
    if (!assumesRole)
        throw new errors/* InputError */.d(CliInputs.mfaSerial, 'is given, but no role is assumed, and the MFA code is sent only with AssumeRole', 'Add --role-arn, or drop --mfa-serial');
    if (settings.source === 'oidc' || settings.source === 'web-identity')
        throw new errors/* InputError */.d(CliInputs.mfaSerial, `is given, but source '${settings.source}' starts with AssumeRoleWithWebIdentity, which takes no MFA`, 'Drop --mfa-serial');
}
function currentUser() {
    try {
        return (0,external_node_os_.userInfo)().username;
    }
    catch {
        // No passwd entry (a container running as an arbitrary uid): defaultSessionName falls back.
        return '';
    }
}

// EXTERNAL MODULE: ./build/cli/credential-env.js
var credential_env = __webpack_require__(3090);
;// CONCATENATED MODULE: ./build/cli/exec-environment.js

/**
 * Variables that would override the new credentials or point a tool at another identity. The
 * credential variables themselves are removed too, then set again from the new credentials.
 */
const OVERRIDING_ENV_NAMES = [
    'AWS_PROFILE',
    'AWS_DEFAULT_PROFILE',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_SECURITY_TOKEN',
    'AWS_CREDENTIAL_EXPIRATION',
    // aws-vault's name for the expiration.
    'AWS_SESSION_EXPIRATION',
    // The Java SDK v1 reads AWS_SECRET_KEY *before* AWS_SECRET_ACCESS_KEY: a stale one would win.
    'AWS_ACCESS_KEY',
    'AWS_SECRET_KEY',
    // EKS IRSA and other web-identity setups.
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_ROLE_ARN',
    'AWS_ROLE_SESSION_NAME',
];
/** Container (ECS, CodeBuild, EKS Pod Identity) credential endpoints and their tokens. */
const OVERRIDING_ENV_PREFIXES = [
    'AWS_CONTAINER_CREDENTIALS_',
    'AWS_CONTAINER_AUTHORIZATION_TOKEN',
];
/**
 * The environment for a command run with the new credentials: `parentEnv` without anything that
 * would override or confuse them, plus the credential variables (and the region ones when `region`
 * is given; otherwise the parent's region is kept). Names are compared case-insensitively, because
 * on Windows `aws_profile` and `AWS_PROFILE` are the same variable.
 */
function buildExecEnv(parentEnv, creds, region) {
    const changes = (0,credential_env/* credentialEnvChanges */.EZ)(creds, region);
    const replaced = new Set(changes.map((change) => change.name.toUpperCase()));
    const env = {};
    for (const [name, value] of Object.entries(parentEnv)) {
        if (value === undefined || isOverriding(name) || replaced.has(name.toUpperCase()))
            continue;
        env[name] = value;
    }
    for (const { name, value } of changes) {
        if (value !== undefined)
            env[name] = value;
    }
    return env;
}
function isOverriding(name) {
    const upper = name.toUpperCase();
    return (OVERRIDING_ENV_NAMES.includes(upper) ||
        OVERRIDING_ENV_PREFIXES.some((prefix) => upper.startsWith(prefix)));
}

// EXTERNAL MODULE: ./build/cli/exit-codes.js
var exit_codes = __webpack_require__(5158);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
;// CONCATENATED MODULE: ./build/cli/mfa-prompt.js



/**
 * Asks for an MFA code on stderr and reads one line from stdin, when stdin is a terminal. Anywhere
 * else nobody can answer, so it fails at once, naming the option that supplies the code.
 */
function mfaCodePrompt(streams) {
    return async (serial) => {
        if (!streams.isTerminal) {
            throw new errors/* InputError */.d(CliInputs.mfaCode, `is needed for the MFA device ${serial}, but stdin is not a terminal to ask for it`, 'Pass --mfa-code with the 6 digits the device shows now');
        }
        // Not in terminal mode: the terminal itself echoes what is typed on the screen, and readline
        // never copies the code to stderr, which may be a log file.
        const lines = (0,external_node_readline_.createInterface)({ input: streams.input(), terminal: false });
        streams.output.write(`MFA code for ${serial}: `);
        try {
            return await new Promise((resolve, reject) => {
                lines.once('line', (line) => resolve(line.trim()));
                lines.once('close', () => reject(new errors/* InputError */.d(CliInputs.mfaCode, 'was not entered: stdin ended before a line', 'Type the code and press Enter, or pass --mfa-code')));
            });
        }
        finally {
            lines.close();
        }
    };
}

// EXTERNAL MODULE: ./build/cli/output-formats.js + 6 modules
var output_formats = __webpack_require__(380);
;// CONCATENATED MODULE: ./build/cli/run-cli.js










/** This process's environment and standard streams; stdin is opened only if an MFA code is asked for. */
function processIo() {
    return {
        env: process.env,
        stdinIsTerminal: (0,external_node_tty_.isatty)(0),
        atTerminal: (0,external_node_tty_.isatty)(0) || (0,external_node_tty_.isatty)(1) || (0,external_node_tty_.isatty)(2),
        stdin: () => process.stdin,
        stdout: process.stdout,
        stderr: process.stderr,
    };
}
/**
 * One run: settings, then credentials (from the cache for a cached credential_process), then the
 * hand-over: written profiles, a command run with them, or text on stdout. Resolves to the exit status.
 */
async function runCli(command, io, reporter) {
    const logger = reporter.logger(command.verbose === true || (0,cli_logger/* debugRequested */.gF)(io.env));
    const askMfaCode = mfaCodePrompt({ isTerminal: io.stdinIsTerminal, input: io.stdin, output: io.stderr });
    const settings = await readCliSettings(command, io.env, askMfaCode);
    logger.debug(`session name: ${settings.sessionName}`);
    const obtain = () => obtainChecked(settings, io.env, logger, askMfaCode);
    if (settings.profiles.length > 0) {
        const obtained = await obtain();
        const { writeCliProfiles } = await __webpack_require__.e(/* import() */ 265).then(__webpack_require__.bind(__webpack_require__, 2265));
        await writeCliProfiles(settings, obtained, io.env, logger);
        return exit_codes/* EXIT_OK */.Ij;
    }
    const mainCredentials = async () => mainOf(await obtain());
    if (command.command) {
        const credentials = await mainCredentials();
        const { execCommand } = await __webpack_require__.e(/* import() */ 36).then(__webpack_require__.bind(__webpack_require__, 8036));
        return execCommand(command.command, {
            env: buildExecEnv(io.env, credentials, settings.region),
            terminalDeliversInterrupt: io.atTerminal,
        });
    }
    const credentials = command.credentialProcessCache
        ? await cachedCredentials(settings, io.env, logger, mainCredentials)
        : await mainCredentials();
    io.stdout.write((0,output_formats/* formatCredentials */.s3)(command.format, credentials, { region: settings.region }));
    return exit_codes/* EXIT_OK */.Ij;
}
/** The core's run (loaded only now, so a cache hit never loads the SDK), logged and checked as the action does. */
async function obtainChecked(settings, env, logger, askMfaCode) {
    const { obtainCredentials } = await Promise.all(/* import() */[__webpack_require__.e(695), __webpack_require__.e(443)]).then(__webpack_require__.bind(__webpack_require__, 443));
    const obtained = await obtainCredentials(settings, env, logger, askMfaCode);
    for (const hop of obtained.hops) {
        logger.info(`${hop.position}: ${hop.arn} until ${hop.expiration?.toISOString() ?? '?'}`);
    }
    if (obtained.hops.length === 0 && obtained.main)
        logger.info(`credentials of ${obtained.main.arn} checked`);
    checkAllowedAccounts(obtained, settings.allowedAccountIds);
    const capWarning = durationCapWarning(obtained.hops);
    if (capWarning)
        logger.warning(capWarning);
    return obtained;
}
function mainOf(obtained) {
    if (!obtained.main)
        throw new Error('no credentials were obtained to hand over (this is a bug)');
    return obtained.main.credentials;
}


/***/ }),

/***/ 5320:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ lastFour)
/* harmony export */ });
/** Shows a secret only by its last four characters, so a person can tell which key it is. */
function lastFour(value) {
    return `****${value.slice(-4)}`;
}


/***/ })

};
