export const id = 443;
export const ids = [443];
export const modules = {

/***/ 4906:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iu: () => (/* binding */ HttpTimeoutError),
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   l: () => (/* binding */ isTransientNetworkError)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);


/** The endpoint did not answer within the time limit. */
class HttpTimeoutError extends Error {
    name = 'HttpTimeoutError';
}
/** One HTTP request with a hard time limit on the whole exchange. */
function httpRequest(url, options) {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const send = secure ? node_https__WEBPACK_IMPORTED_MODULE_1__.request : node_http__WEBPACK_IMPORTED_MODULE_0__.request;
    return new Promise((resolve, reject) => {
        const req = send(target, {
            method: options.method ?? 'GET',
            headers: options.headers,
            agent: secure ? options.agents.https : options.agents.http,
        });
        const timer = setTimeout(() => {
            req.destroy(new HttpTimeoutError(`no answer from ${target.origin} within ${options.timeoutMs} ms`));
        }, options.timeoutMs);
        req.on('response', (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () => {
                clearTimeout(timer);
                resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
            });
        });
        req.on('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        req.end();
    });
}
/** Network-level failures worth another attempt: resets, refusals during restarts, timeouts. */
function isTransientNetworkError(error) {
    if (error instanceof HttpTimeoutError)
        return true;
    const code = error?.code;
    return (typeof code === 'string' &&
        ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(code));
}


/***/ }),

/***/ 2426:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   ed: () => (/* binding */ retryPolicyFromEnv)
/* harmony export */ });
/* unused harmony export DEFAULT_RETRY_POLICY */
const DEFAULT_RETRY_POLICY = {
    maxAttempts: 10, // rides out throttling of a wide matrix: at 30% throttled, a call fails 1 time in 170,000
    baseDelayMs: 100,
    throttleBaseDelayMs: 500, // the SDK's own base for throttling
    maxDelayMs: 5_000,
    requestTimeoutMs: 10_000,
    totalTimeoutMs: 60_000,
};
/** Tuning for slow networks and fast tests: AWS_MAX_ATTEMPTS and ASSUME_AWS_ROLE_* variables. */
function retryPolicyFromEnv(env) {
    const number = (name, fallback, min) => {
        const value = Number(env[name]);
        return Number.isInteger(value) && value >= min ? value : fallback;
    };
    const base = number('ASSUME_AWS_ROLE_RETRY_BASE_MS', DEFAULT_RETRY_POLICY.baseDelayMs, 0);
    return {
        maxAttempts: number('AWS_MAX_ATTEMPTS', DEFAULT_RETRY_POLICY.maxAttempts, 1),
        baseDelayMs: base,
        throttleBaseDelayMs: base * 5,
        maxDelayMs: DEFAULT_RETRY_POLICY.maxDelayMs,
        requestTimeoutMs: number('ASSUME_AWS_ROLE_REQUEST_TIMEOUT_MS', DEFAULT_RETRY_POLICY.requestTimeoutMs, 1),
        totalTimeoutMs: number('ASSUME_AWS_ROLE_TOTAL_TIMEOUT_MS', DEFAULT_RETRY_POLICY.totalTimeoutMs, 1),
    };
}
/** Runs `operation` until it succeeds, fails for good, or the policy's attempts or time run out. */
async function withRetry(operation, policy, classify, onRetry) {
    const started = Date.now();
    for (let attempt = 1;; attempt++) {
        try {
            return await operation(attempt);
        }
        catch (error) {
            const verdict = classify(error);
            if (verdict === 'fail' || attempt >= policy.maxAttempts)
                throw error;
            const base = verdict === 'throttle' ? policy.throttleBaseDelayMs : policy.baseDelayMs;
            const delayMs = Math.round(Math.random() * Math.min(policy.maxDelayMs, base * 2 ** (attempt - 1)));
            if (Date.now() - started + delayMs >= policy.totalTimeoutMs)
                throw error;
            onRetry?.({ attempt, delayMs, error });
            await new Promise((resolve) => setTimeout(resolve, delayMs));
        }
    }
}


/***/ }),

/***/ 443:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  obtainCredentials: () => (/* binding */ obtainCredentials)
});

;// CONCATENATED MODULE: ./build/sts/arn.js
/** Field 5 of an ARN is the account id: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`. */
function accountIdOf(arn) {
    const account = arn.split(':')[4];
    return account && /^\d{12}$/.test(account) ? account : undefined;
}
/**
 * The role behind an assumed-role session ARN, for messages about trust policies:
 * `arn:aws:sts::111122223333:assumed-role/deploy/run-42` → `arn:aws:iam::111122223333:role/deploy`
 * (STS drops the role's path from session ARNs, so a path cannot be recovered).
 */
function roleArnOfSession(sessionArn) {
    const match = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(sessionArn);
    return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : undefined;
}
/** The role's name: the last segment of `role/[path/]NAME`. */
function roleNameOf(roleArn) {
    return roleArn.slice(roleArn.lastIndexOf('/') + 1);
}

// EXTERNAL MODULE: ./build/net/http-request.js
var http_request = __webpack_require__(4906);
;// CONCATENATED MODULE: ./build/sts/sts-errors.js

const THROTTLING_CODES = new Set([
    'Throttling',
    'ThrottlingException',
    'RequestLimitExceeded',
    'TooManyRequestsException',
    'RequestThrottled',
]);
const TRANSIENT_CODES = new Set([
    'IDPCommunicationError',
    'IDPCommunicationErrorException',
    'InternalFailure',
    'ServiceUnavailable',
    'RequestTimeout',
    'RequestTimeoutException',
    'TimeoutError',
]);
/**
 * Errors the SDK models are named after their class, not the code STS sent (InvalidIdentityToken arrives
 * as InvalidIdentityTokenException): back to the documented codes, which the rest of the code matches.
 */
const WIRE_CODES = {
    IDPCommunicationErrorException: 'IDPCommunicationError',
    IDPRejectedClaimException: 'IDPRejectedClaim',
    InvalidIdentityTokenException: 'InvalidIdentityToken',
    MalformedPolicyDocumentException: 'MalformedPolicyDocument',
    PackedPolicyTooLargeException: 'PackedPolicyTooLarge',
};
/** STS's error code: the SDK puts it in `name`; it drops the `Exception` suffix inconsistently. */
function stsErrorCode(error) {
    const name = error?.name;
    if (typeof name !== 'string')
        return 'UnknownError';
    return WIRE_CODES[name] ?? name;
}
function httpStatusOf(error) {
    return error?.$metadata?.httpStatusCode;
}
/** Retry only what can succeed on a retry: throttling, 5xx, network faults, IDP communication errors. */
function classifyStsError(error) {
    const code = stsErrorCode(error);
    if (THROTTLING_CODES.has(code) || httpStatusOf(error) === 429)
        return 'throttle';
    if (TRANSIENT_CODES.has(code))
        return 'retry';
    const status = httpStatusOf(error);
    if (status !== undefined && status >= 500)
        return 'retry';
    if ((0,http_request/* isTransientNetworkError */.l)(error))
        return 'retry';
    return 'fail';
}

;// CONCATENATED MODULE: ./build/diagnosis/jwt-claims.js
/** Reads a JWT's payload without verifying it: for diagnosis only, never for trust. */
function readTokenClaims(token) {
    const payload = token.split('.')[1];
    if (!payload)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        const text = (value) => typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : undefined;
        return {
            iss: text(claims.iss),
            sub: text(claims.sub),
            aud: text(claims.aud),
            exp: typeof claims.exp === 'number' ? claims.exp : undefined,
        };
    }
    catch {
        return undefined;
    }
}
/** The IAM condition key prefix for an issuer: its URL without the scheme. */
function issuerConditionPrefix(issuer) {
    return issuer.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

// EXTERNAL MODULE: ./build/diagnosis/sts-refusal.js
var sts_refusal = __webpack_require__(2219);
;// CONCATENATED MODULE: ./build/diagnosis/diagnose-hop-failure.js




/** Turns an STS or network error into a message that says what to fix. */
function diagnoseHopFailure(error, hop) {
    const code = stsErrorCode(error);
    const stsMessage = error instanceof Error ? error.message : String(error);
    const target = hop.roleArn ? `${hop.operation} ${hop.roleArn}` : hop.operation;
    const headline = `${hop.position} (${target}) failed: ${code}: ${stsMessage}`;
    const details = [`caller: ${hop.caller}`];
    const fix = fixFor(code, stsMessage, hop, details, error);
    return new sts_refusal/* StsRefusalError */.$(headline, code, details, fix);
}
function fixFor(code, message, hop, details, error) {
    const role = hop.roleArn ?? 'the role';
    if (hop.operation === 'AssumeRoleWithWebIdentity') {
        const claims = hop.claims;
        if (claims)
            details.push(`token claims: iss=${claims.iss ?? '?'} sub=${claims.sub ?? '?'} aud=${claims.aud ?? '?'}`);
        const prefix = claims?.iss ? issuerConditionPrefix(claims.iss) : 'token.actions.githubusercontent.com';
        if (code === 'AccessDenied') {
            return (`the trust policy of ${role} must allow Federated principal ${oidcProviderArn(hop.roleArn, prefix)} ` +
                `with sts:AssumeRoleWithWebIdentity, and its conditions must match the token: ` +
                `"${prefix}:aud" = "${claims?.aud ?? 'sts.amazonaws.com'}" and "${prefix}:sub" like "${claims?.sub ?? 'repo:OWNER/REPO:*'}"`);
        }
        if (code === 'InvalidIdentityToken') {
            return `register ${claims?.iss ?? 'the issuer'} as an IAM OIDC identity provider in the role's account, with client id (audience) ${claims?.aud ?? 'sts.amazonaws.com'}`;
        }
        if (code === 'ExpiredTokenException' || code === 'ExpiredToken') {
            return 'the web identity token expired before STS saw it; rerun the job, and check that the token file is refreshed (EKS) and the clocks agree';
        }
        if (code === 'IDPRejectedClaim')
            return `the identity provider rejected the token's claims; check the audience input (${claims?.aud ?? '?'})`;
    }
    switch (code) {
        case 'AccessDenied': {
            if (/sts:TagSession/.test(message)) {
                return `session tags need sts:TagSession in the trust policy of ${role} for the caller, or drop session-tags`;
            }
            if (/sts:SetSourceIdentity/.test(message)) {
                return `source-identity needs sts:SetSourceIdentity in the trust policy of ${role} for the caller, or drop source-identity`;
            }
            const principal = roleArnOfSession(hop.caller) ?? hop.caller;
            return (`the trust policy of ${role} must allow the principal ${principal} to sts:AssumeRole, and that principal's ` +
                `own policies must allow sts:AssumeRole on ${role}. If the role requires an external id, set external-id`);
        }
        case 'ExpiredToken':
            return hop.callerIsSource
                ? `the credentials from source '${hop.sourceName}' (${hop.caller}) have expired: ${renewAdvice(hop.sourceName)}`
                : `the session of ${hop.caller} expired during the chain; use a shorter chain or rerun`;
        case 'InvalidClientTokenId':
            return `the access key of ${hop.caller} is not valid in this partition (deleted, inactive, or for another partition or region); check the key and the region`;
        case 'SignatureDoesNotMatch':
            return `the secret access key does not belong to the access key id of ${hop.caller}`;
        case 'MalformedPolicyDocument':
            return 'fix the JSON of inline-session-policy (it must be a valid IAM policy document)';
        case 'PackedPolicyTooLarge':
            return 'shorten inline-session-policy, use fewer managed-session-policies, or send fewer session-tags';
        case 'RegionDisabledException':
            return 'activate STS in this region for the account (IAM > Account settings), or set region to an active one';
        case 'ValidationError':
            return 'correct the value STS names above';
    }
    const status = httpStatusOf(error);
    if (status === undefined)
        return `check that ${hop.endpoint} is reachable from the runner (proxy, firewall, VPC endpoint, sts-endpoint)`;
    if (status >= 500 || code === 'Throttling')
        return 'STS kept failing after retries; rerun the job, or lower the number of parallel jobs';
    return hop.tagsSent
        ? 'check the role and, since tags were sent, its sts:TagSession permission'
        : 'check the role and its trust policy';
}
/** The IAM OIDC provider for an issuer, in the role's own partition and account when the role is known. */
function oidcProviderArn(roleArn, issuerPrefix) {
    const match = roleArn ? /^arn:([\w-]+):iam::(\d{12}):role\//.exec(roleArn) : null;
    const [, partition = 'aws', account = 'ACCOUNT'] = match ?? [];
    return `arn:${partition}:iam::${account}:oidc-provider/${issuerPrefix}`;
}
function renewAdvice(source) {
    if (source === 'keys')
        return 'the session token given in aws-session-token is no longer valid; pass fresh keys';
    if (source === 'env')
        return 'an earlier step exported credentials that are no longer valid; rerun that step closer to this one';
    return 'rerun the job';
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./build/net/retry.js
var net_retry = __webpack_require__(2426);
;// CONCATENATED MODULE: ./build/sts/sts-client.js

const USER_AGENT = 'assume-aws-role';
/**
 * An STS client signed by exactly the given credentials: never the SDK's default chain, so ambient
 * AWS_* variables, AWS_PROFILE or ~/.aws can never sign a call made for another source.
 * Retries are ours (see retry.ts), so the SDK makes one attempt per call.
 */
function createStsClient(config, credentials) {
    return new dist_cjs/* STSClient */.iM({
        region: config.region,
        endpoint: config.endpoint,
        credentials: credentials === 'unsigned'
            ? { accessKeyId: '', secretAccessKey: '' } // AssumeRoleWithWebIdentity is sent unsigned
            : credentials,
        maxAttempts: 1,
        customUserAgent: USER_AGENT,
        requestHandler: {
            httpAgent: config.agents.http,
            httpsAgent: config.agents.https,
            connectionTimeout: config.retry.requestTimeoutMs,
            requestTimeout: config.retry.requestTimeoutMs,
            // Without this the SDK only warns on stderr and keeps waiting: a hung STS would hang the step.
            throwOnRequestTimeout: true,
        },
    });
}

;// CONCATENATED MODULE: ./build/sts/sts-calls.js




/** Calls AssumeRole once (plus retries of transient faults) with exactly the caller's credentials. */
async function assumeRole(caller, hop, config, onSecret) {
    const input = {
        RoleArn: hop.roleArn,
        RoleSessionName: hop.sessionName,
        DurationSeconds: hop.durationSeconds,
        ExternalId: hop.externalId,
        SourceIdentity: hop.sourceIdentity,
        Policy: hop.policy,
        PolicyArns: hop.policyArns?.length ? hop.policyArns.map((arn) => ({ arn })) : undefined,
        Tags: hop.tags?.length ? hop.tags.map((tag) => ({ Key: tag.key, Value: tag.value })) : undefined,
        TransitiveTagKeys: hop.transitiveTagKeys?.length ? [...hop.transitiveTagKeys] : undefined,
        SerialNumber: hop.mfa?.serialNumber,
        TokenCode: hop.mfa?.tokenCode,
    };
    const client = createStsClient(config, caller);
    const output = await (0,net_retry/* withRetry */.bD)(() => client.send(new dist_cjs/* AssumeRoleCommand */.QL(input)), config.retry, classifyStsError);
    return sessionIdentity(output.Credentials, output.AssumedRoleUser?.Arn, onSecret);
}
/** Calls AssumeRoleWithWebIdentity: unsigned, and without tags, external id or source identity. */
async function assumeRoleWithWebIdentity(token, hop, config, onSecret) {
    const client = createStsClient(config, 'unsigned');
    const command = new dist_cjs/* AssumeRoleWithWebIdentityCommand */.WH({
        RoleArn: hop.roleArn,
        RoleSessionName: hop.sessionName,
        DurationSeconds: hop.durationSeconds,
        WebIdentityToken: token,
        Policy: hop.policy,
        PolicyArns: hop.policyArns?.length ? hop.policyArns.map((arn) => ({ arn })) : undefined,
    });
    const output = await (0,net_retry/* withRetry */.bD)(() => client.send(command), config.retry, classifyStsError);
    return sessionIdentity(output.Credentials, output.AssumedRoleUser?.Arn, onSecret);
}
/** Validates credentials and learns whose they are; only used when no role is assumed. */
async function getCallerIdentity(caller, config) {
    const client = createStsClient(config, caller);
    const output = await (0,net_retry/* withRetry */.bD)(() => client.send(new dist_cjs/* GetCallerIdentityCommand */.zI({})), config.retry, classifyStsError);
    if (!output.Arn)
        throw new Error('STS GetCallerIdentity returned no ARN');
    return output.Arn;
}
function sessionIdentity(credentials, arn, onSecret) {
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken || !arn) {
        throw new Error('STS returned a response without credentials or an assumed-role ARN');
    }
    onSecret(credentials.AccessKeyId);
    onSecret(credentials.SecretAccessKey);
    onSecret(credentials.SessionToken);
    return {
        credentials: {
            accessKeyId: credentials.AccessKeyId,
            secretAccessKey: credentials.SecretAccessKey,
            sessionToken: credentials.SessionToken,
            expiration: credentials.Expiration,
        },
        arn,
        isRoleSession: true,
        description: arn,
    };
}

;// CONCATENATED MODULE: ./build/chain/assume-chain.js




/** STS refuses more than an hour to a role session assuming another role ("role chaining"). */
const ROLE_CHAINING_MAX_SECONDS = 3600;
/** Assumes the roles in order, one STS call each, starting from a source or an earlier hop. */
async function assumeChain(start, part, context) {
    let current = start;
    const hops = [];
    for (const [index, roleArn] of part.roleArns.entries()) {
        const number = part.offset + index + 1;
        const position = `${part.label ? `${part.label}: ` : ''}hop ${number} of ${part.total}`;
        const isLast = part.isChainEnd && index === part.roleArns.length - 1;
        const identity = await assumeHop(current, roleArn, { position, isLast, isFirstHop: number === 1 }, context);
        hops.push(identity.record);
        current = { kind: 'credentials', identity: identity.identity };
    }
    return { identity: current.kind === 'credentials' ? current.identity : undefined, hops };
}
async function assumeHop(caller, roleArn, place, context) {
    const { parameters } = context;
    const chained = caller.kind === 'credentials' && caller.identity.isRoleSession;
    const durationSeconds = chained
        ? Math.min(parameters.durationSeconds, ROLE_CHAINING_MAX_SECONDS)
        : parameters.durationSeconds;
    const request = {
        roleArn,
        sessionName: parameters.sessionName,
        durationSeconds,
        externalId: parameters.externalId,
        sourceIdentity: parameters.sourceIdentity,
        tags: parameters.tags,
        transitiveTagKeys: parameters.transitiveTagKeys,
        policy: place.isLast ? parameters.policy : undefined,
        policyArns: place.isLast ? parameters.policyArns : undefined,
        mfa: place.isFirstHop ? parameters.mfa : undefined,
    };
    context.debug(`${place.position}: ${caller.kind === 'web-identity' ? 'AssumeRoleWithWebIdentity' : 'AssumeRole'} ${roleArn} for ${durationSeconds}s`);
    const identity = caller.kind === 'web-identity'
        ? await fromWebIdentity(caller, request, place, context)
        : await fromCredentials(caller, request, place, context);
    const record = {
        position: place.position,
        roleArn,
        arn: identity.arn ?? roleArn,
        durationSeconds,
        cappedFrom: durationSeconds < parameters.durationSeconds ? parameters.durationSeconds : undefined,
        expiration: identity.credentials.expiration,
    };
    return { identity, record };
}
async function fromCredentials(caller, request, place, context) {
    const attempt = (who) => assumeRole(who.credentials, request, context.sts, context.onSecret);
    try {
        return await attempt(caller.identity);
    }
    catch (error) {
        // Source credentials that expired are renewed once (new IMDS or container credentials), then tried again.
        if (stsErrorCode(error) === 'ExpiredToken' && caller.renew && place.isFirstHop) {
            context.debug(`${place.position}: source credentials expired; renewing them once`);
            const renewed = await caller.renew();
            try {
                return await attempt(renewed);
            }
            catch (retryError) {
                throw diagnoseHopFailure(retryError, hopContext(request, place, context, 'AssumeRole', renewed.arn ?? renewed.description, true));
            }
        }
        throw diagnoseHopFailure(error, hopContext(request, place, context, 'AssumeRole', caller.identity.arn ?? caller.identity.description, place.isFirstHop));
    }
}
const STALE_TOKEN_CODES = new Set(['ExpiredTokenException', 'ExpiredToken', 'InvalidIdentityToken']);
async function fromWebIdentity(caller, request, place, context) {
    let token = await caller.token();
    let claims = readTokenClaims(token);
    try {
        return await assumeRoleWithWebIdentity(token, request, context.sts, context.onSecret);
    }
    catch (error) {
        // An expired token, or one STS could not verify because it failed to fetch the issuer's keys, gets one fresh token.
        const retryable = STALE_TOKEN_CODES.has(stsErrorCode(error)) && isStaleTokenError(error);
        if (!retryable)
            throw diagnoseHopFailure(error, hopContext(request, place, context, 'AssumeRoleWithWebIdentity', caller.description, true, claims));
        context.debug(`${place.position}: ${stsErrorCode(error)}; requesting a fresh token once`);
        token = await caller.token();
        claims = readTokenClaims(token);
        try {
            return await assumeRoleWithWebIdentity(token, request, context.sts, context.onSecret);
        }
        catch (retryError) {
            throw diagnoseHopFailure(retryError, hopContext(request, place, context, 'AssumeRoleWithWebIdentity', caller.description, true, claims));
        }
    }
}
function isStaleTokenError(error) {
    if (stsErrorCode(error) !== 'InvalidIdentityToken')
        return true;
    return /retrieve verification key|couldn't retrieve|could not retrieve/i.test(error instanceof Error ? error.message : '');
}
function hopContext(request, place, context, operation, caller, callerIsSource, claims) {
    return {
        position: place.position,
        operation,
        roleArn: request.roleArn,
        caller,
        callerIsSource,
        sourceName: context.sourceName,
        claims,
        tagsSent: Boolean(request.tags?.length),
        endpoint: context.sts.endpoint ?? `sts.${context.sts.region}.amazonaws.com`,
    };
}

// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(9473);
;// CONCATENATED MODULE: ./build/sources/choose-source.js

const WEB_IDENTITY_FILE_ENV = 'AWS_WEB_IDENTITY_TOKEN_FILE';
/** Picks the source for `auto` in the documented order, saying why; an explicit source is taken as given. */
async function chooseSource(settings, context) {
    if (settings.source !== 'auto')
        return { name: settings.source, reason: 'chosen by the source input' };
    const { env } = context;
    const wantsRole = settings.roleArns.length > 0 || settings.profiles.length > 0;
    const tried = [];
    if (settings.keys)
        return { name: 'keys', reason: 'aws-access-key-id and aws-secret-access-key are given' };
    tried.push('keys: aws-access-key-id and aws-secret-access-key are not given');
    const { oidcAvailable } = await __webpack_require__.e(/* import() */ 662).then(__webpack_require__.bind(__webpack_require__, 3662));
    if (oidcAvailable(env) && wantsRole)
        return { name: 'oidc', reason: 'an ID token can be requested and a role is given' };
    tried.push(oidcAvailable(env)
        ? 'oidc: an ID token could be requested, but no role-arn is given to assume with it (set role-arn)'
        : "oidc: no ID token can be requested (add 'permissions: id-token: write' to the job)");
    const tokenFile = settings.webIdentityTokenFile ?? env[WEB_IDENTITY_FILE_ENV];
    if (tokenFile && wantsRole)
        return { name: 'web-identity', reason: `a token file is configured (${tokenFile})` };
    tried.push(`web-identity: no token file with a role (set web-identity-token-file or ${WEB_IDENTITY_FILE_ENV}, and role-arn or AWS_ROLE_ARN)`);
    const { containerCredentialsConfigured } = await __webpack_require__.e(/* import() */ 944).then(__webpack_require__.bind(__webpack_require__, 1944));
    if (containerCredentialsConfigured(env))
        return { name: 'container', reason: 'container credential variables are set' };
    tried.push('container: AWS_CONTAINER_CREDENTIALS_FULL_URI / _RELATIVE_URI are not set (ECS, CodeBuild, EKS Pod Identity set them)');
    if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
        return { name: 'env', reason: 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are in the environment' };
    }
    tried.push('env: no AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment (an earlier step exports them)');
    const { imdsAnswers, imdsDisabled } = await __webpack_require__.e(/* import() */ 718).then(__webpack_require__.bind(__webpack_require__, 1718));
    if (!imdsDisabled(env) && (await imdsAnswers(context)))
        return { name: 'imds', reason: 'the EC2 instance metadata service answered' };
    tried.push(imdsDisabled(env)
        ? 'imds: AWS_EC2_METADATA_DISABLED is true'
        : 'imds: no EC2 instance metadata service answered (self-hosted runners on EC2 need an instance profile; in a container, hop limit 2)');
    throw new errors/* SourceError */.c('auto', `no source of credentials was found. Tried:\n  - ${tried.join('\n  - ')}`, 'Apply the fix for the source you mean to use, or set source explicitly');
}

;// CONCATENATED MODULE: ./build/sources/create-source.js

/** Loads only the chosen source's code and builds its provider. */
async function createSource(choice, settings, context) {
    switch (choice.name) {
        case 'keys': {
            if (!settings.keys)
                throw new errors/* SourceError */.c('keys', 'no access keys are given', 'Set aws-access-key-id and aws-secret-access-key');
            const { fromStaticKeys } = await __webpack_require__.e(/* import() */ 348).then(__webpack_require__.bind(__webpack_require__, 1348));
            return fromStaticKeys(settings.keys);
        }
        case 'env': {
            const { fromEnvironment } = await __webpack_require__.e(/* import() */ 940).then(__webpack_require__.bind(__webpack_require__, 1940));
            return fromEnvironment(context.env);
        }
        case 'oidc': {
            const { fromGitHubOidc } = await __webpack_require__.e(/* import() */ 662).then(__webpack_require__.bind(__webpack_require__, 3662));
            return fromGitHubOidc(context, settings.audience);
        }
        case 'web-identity': {
            const path = settings.webIdentityTokenFile ?? context.env.AWS_WEB_IDENTITY_TOKEN_FILE;
            if (!path) {
                throw new errors/* SourceError */.c('web-identity', 'no token file is configured', 'Set web-identity-token-file or AWS_WEB_IDENTITY_TOKEN_FILE');
            }
            const { fromWebIdentityTokenFile } = await __webpack_require__.e(/* import() */ 585).then(__webpack_require__.bind(__webpack_require__, 8585));
            return fromWebIdentityTokenFile(context, path);
        }
        case 'container': {
            const { fromContainerCredentials } = await __webpack_require__.e(/* import() */ 944).then(__webpack_require__.bind(__webpack_require__, 1944));
            return fromContainerCredentials(context);
        }
        case 'imds': {
            const { fromInstanceMetadata } = await __webpack_require__.e(/* import() */ 718).then(__webpack_require__.bind(__webpack_require__, 1718));
            return fromInstanceMetadata(context);
        }
        case 'profile': {
            const { fromSharedProfile } = await __webpack_require__.e(/* import() */ 992).then(__webpack_require__.bind(__webpack_require__, 7992));
            return fromSharedProfile(context, settings);
        }
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./build/net/agents.js


/**
 * Keep-alive agents that honour HTTP(S)_PROXY, https_proxy and NO_PROXY through Node 24's own proxy support,
 * so no proxy library is bundled.
 */
function proxyAwareAgents(env) {
    const proxyEnv = { ...env };
    return {
        http: new external_node_http_.Agent({ keepAlive: true, proxyEnv }),
        https: new external_node_https_.Agent({ keepAlive: true, proxyEnv }),
    };
}
/** For link-local endpoints (IMDS, container credentials), which a proxy must never see. */
function directAgents() {
    return { http: new external_node_http_.Agent({ keepAlive: true }), https: new external_node_https_.Agent({ keepAlive: true }) };
}

;// CONCATENATED MODULE: ./build/sts/sts-config.js
/** The STS region when none is given or found: the global partition's default. */
const DEFAULT_STS_REGION = 'us-east-1';

;// CONCATENATED MODULE: ./build/run/run-context.js



/** The network setup of one run: shared keep-alive agents, one retry policy, the STS endpoint. */
function createRunContext(settings, env, logger, mfaCodeProvider) {
    const retry = (0,net_retry/* retryPolicyFromEnv */.ed)(env);
    const proxyAgents = proxyAwareAgents(env);
    const source = {
        env,
        logger,
        proxyAgents,
        directAgents: directAgents(),
        retry,
        ...(mfaCodeProvider ? { mfaCodeProvider } : {}),
    };
    const sts = {
        region: settings.region ?? DEFAULT_STS_REGION,
        endpoint: settings.stsEndpoint,
        agents: proxyAgents,
        retry,
    };
    return { source, sts };
}

;// CONCATENATED MODULE: ./build/run/obtain-credentials.js








/**
 * Source, then the common chain once, then every profile's own roles in parallel from its end.
 * `mfaCodeProvider` (CLI at a terminal) answers a source profile's own MFA prompt.
 */
async function obtainCredentials(settings, env, logger, mfaCodeProvider) {
    const { source: sourceContext, sts } = createRunContext(settings, env, logger, mfaCodeProvider);
    const choice = await chooseSource(settings, sourceContext);
    logger.info(`source: ${choice.name} (${choice.reason})`);
    const start = await (await createSource(choice, settings, sourceContext))();
    const context = {
        sts,
        sourceName: choice.name,
        onSecret: (secret) => logger.mask(secret),
        debug: (message) => logger.debug(message),
        parameters: {
            sessionName: settings.sessionName,
            durationSeconds: settings.durationSeconds,
            externalId: settings.externalId,
            sourceIdentity: settings.sourceIdentity,
            tags: settings.sessionTags,
            transitiveTagKeys: settings.transitiveTagKeys,
            policy: settings.inlineSessionPolicy,
            policyArns: settings.managedSessionPolicies,
            mfa: settings.mfaSerial && settings.mfaCode
                ? { serialNumber: settings.mfaSerial, tokenCode: settings.mfaCode }
                : undefined,
        },
    };
    if (settings.roleArns.length === 0 && settings.profiles.every((profile) => profile.roleArns.length === 0)) {
        const main = await checkSourceIdentity(start, choice, sts);
        const profiles = settings.profiles.map((profile) => ({ name: profile.name, identity: main }));
        return { source: choice, main, profiles, hops: [] };
    }
    const common = await assumeChain(start, {
        roleArns: settings.roleArns,
        offset: 0,
        total: settings.roleArns.length,
        isChainEnd: settings.profiles.every((profile) => profile.roleArns.length === 0),
    }, context);
    // With no common role, the profiles start from the source itself (keeping its renewal), not from a chain.
    const chained = settings.roleArns.length > 0 ? common.identity : undefined;
    const hub = chained ? { kind: 'credentials', identity: chained } : start;
    const sharedToken = hub.kind === 'web-identity' && settings.profiles.length > 1 ? hub.token() : undefined;
    const profiles = await Promise.all(settings.profiles.map(async (profile) => {
        if (profile.roleArns.length === 0)
            return { name: profile.name, identity: resolved(common.identity), hops: [] };
        const from = hub.kind === 'web-identity' && sharedToken ? sharingFirstToken(hub, sharedToken) : hub;
        const chain = await assumeChain(from, {
            roleArns: profile.roleArns,
            offset: settings.roleArns.length,
            total: settings.roleArns.length + profile.roleArns.length,
            isChainEnd: true,
            label: `profile ${profile.name}`,
        }, context);
        return { name: profile.name, identity: resolved(chain.identity), hops: chain.hops };
    }));
    return {
        source: choice,
        main: chained ? resolved(chained) : undefined,
        profiles: profiles.map(({ name, identity }) => ({ name, identity })),
        hops: [...common.hops, ...profiles.flatMap((profile) => profile.hops)],
    };
}
/** With no role to assume, one GetCallerIdentity validates the source and names its account. */
async function checkSourceIdentity(start, choice, sts) {
    if (start.kind === 'web-identity') {
        throw new errors/* SourceError */.c(choice.name, 'a web identity token cannot be used without a role to assume', 'Set role-arn');
    }
    try {
        const arn = await getCallerIdentity(start.identity.credentials, sts);
        return { ...start.identity, arn, accountId: accountIdOf(arn) ?? '' };
    }
    catch (error) {
        throw diagnoseHopFailure(error, {
            position: 'credential check',
            operation: 'GetCallerIdentity',
            caller: start.identity.description,
            callerIsSource: true,
            sourceName: choice.name,
            tagsSent: false,
            endpoint: sts.endpoint ?? `sts.${sts.region}.amazonaws.com`,
        });
    }
}
function resolved(identity) {
    const arn = identity?.arn;
    if (!identity || !arn)
        throw new Error('a chain ended without an assumed-role ARN');
    return { ...identity, arn, accountId: accountIdOf(arn) ?? '' };
}
/** Profiles assumed in parallel straight from a web identity share one token; a retry still gets a fresh one. */
function sharingFirstToken(start, shared) {
    let used = false;
    return {
        ...start,
        token: () => {
            if (used)
                return start.token();
            used = true;
            return shared;
        },
    };
}


/***/ })

};
