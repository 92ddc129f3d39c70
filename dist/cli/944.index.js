export const id = 944;
export const ids = [944];
export const modules = {

/***/ 1944:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  containerCredentialsConfigured: () => (/* reexport */ containerCredentialsConfigured),
  fromContainerCredentials: () => (/* binding */ fromContainerCredentials)
});

// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(9473);
// EXTERNAL MODULE: ./build/net/http-request.js
var http_request = __webpack_require__(4906);
// EXTERNAL MODULE: ./build/net/retry.js
var retry = __webpack_require__(2426);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./build/sources/container-endpoint.js


const ECS_AGENT = 'http://169.254.170.2';
/** Hosts a plain-http FULL_URI may name, as the SDKs allow: loopback, the ECS and EKS Pod Identity agents. */
const HTTP_HOSTS = new Set(['169.254.170.2', '169.254.170.23', '[fd00:ec2::23]', 'localhost', '[::1]']);
function containerCredentialsConfigured(env) {
    return Boolean(env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI);
}
/** The agent's URL: RELATIVE_URI on the ECS agent wins, else FULL_URI, which must be https or a known agent. */
function containerCredentialsUrl(env) {
    const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
    if (relative)
        return new URL(relative, ECS_AGENT);
    const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
    if (!full) {
        throw new errors/* SourceError */.c('container', 'neither AWS_CONTAINER_CREDENTIALS_FULL_URI nor AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is set', 'Run the job in an ECS task, CodeBuild, or an EKS pod with Pod Identity, or choose another source');
    }
    const url = new URL(full);
    const loopback = /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
    if (url.protocol !== 'https:' &&
        !(url.protocol === 'http:' && (loopback || HTTP_HOSTS.has(url.hostname)))) {
        throw new errors/* SourceError */.c('container', `AWS_CONTAINER_CREDENTIALS_FULL_URI names ${url.host} over ${url.protocol}, which is neither https nor a local agent`, 'Use https, a loopback address, or the ECS / EKS Pod Identity agent address');
    }
    return url;
}
/** The Authorization header: the token file is read afresh on every call, since the agent rotates it. */
async function containerAuthorization(env) {
    const file = env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE;
    const token = file ? (await (0,promises_.readFile)(file, 'utf8')).trim() : env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
    if (token && /[\r\n]/.test(token)) {
        throw new errors/* SourceError */.c('container', 'the container authorization token has a line break', 'Check the token file');
    }
    return token || undefined;
}

;// CONCATENATED MODULE: ./build/sources/container-credentials.js





const TIMEOUT_MS = 2000; // the agent is on the same host or link; slower means it is not there
class AgentStatusError extends Error {
    name = 'AgentStatusError';
    status;
    constructor(status) {
        super(`the agent answered ${status}`);
        this.status = status;
    }
}
/** The agent's 5xx, 429 and network faults are worth another attempt; a refusal (403) is not. */
function classify(error) {
    if (error instanceof AgentStatusError)
        return error.status >= 500 || error.status === 429 ? 'retry' : 'fail';
    return (0,http_request/* isTransientNetworkError */.l)(error) ? 'retry' : 'fail';
}
/**
 * ECS, CodeBuild and EKS Pod Identity credentials. Fetched with a hard time limit on each attempt:
 * the SDK's provider only warns when the agent never answers, and the step would hang.
 */
function fromContainerCredentials(context) {
    const { env, logger } = context;
    const fetchIdentity = async () => {
        const url = containerCredentialsUrl(env);
        const attempt = async () => {
            const authorization = await containerAuthorization(env);
            const response = await (0,http_request/* httpRequest */.aj)(url.href, {
                headers: authorization ? { authorization } : {},
                timeoutMs: TIMEOUT_MS,
                agents: context.directAgents,
            });
            if (response.status !== 200)
                throw new AgentStatusError(response.status);
            return JSON.parse(response.body);
        };
        let body;
        try {
            body = await (0,retry/* withRetry */.bD)(attempt, context.retry, classify);
        }
        catch (error) {
            if (error instanceof errors/* SourceError */.c)
                throw error;
            const reason = error instanceof Error ? error.message : String(error);
            throw new errors/* SourceError */.c('container', `could not get credentials from ${url.host}${url.pathname}: ${reason}`, 'Check the task role (ECS, CodeBuild) or the Pod Identity association (EKS), and that the authorization token is readable');
        }
        const { AccessKeyId, SecretAccessKey, Token, Expiration } = body;
        if (typeof AccessKeyId !== 'string' ||
            typeof SecretAccessKey !== 'string' ||
            !AccessKeyId ||
            !SecretAccessKey) {
            throw new errors/* SourceError */.c('container', `the agent at ${url.host} returned no credentials`, 'Check the task or pod role');
        }
        for (const secret of [AccessKeyId, SecretAccessKey, Token])
            if (typeof secret === 'string')
                logger.mask(secret);
        return {
            credentials: {
                accessKeyId: AccessKeyId,
                secretAccessKey: SecretAccessKey,
                sessionToken: typeof Token === 'string' ? Token : undefined,
                expiration: typeof Expiration === 'string' ? new Date(Expiration) : undefined,
            },
            isRoleSession: true,
            description: `container credentials from ${url.host}`,
        };
    };
    return async () => ({ kind: 'credentials', identity: await fetchIdentity(), renew: fetchIdentity });
}


/***/ })

};
