export const id = 662;
export const ids = [662];
export const modules = {

/***/ 3662:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fromGitHubOidc: () => (/* binding */ fromGitHubOidc),
/* harmony export */   oidcAvailable: () => (/* binding */ oidcAvailable)
/* harmony export */ });
/* unused harmony exports OIDC_URL_ENV, OIDC_TOKEN_ENV */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);
/* harmony import */ var _net_http_request_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4906);
/* harmony import */ var _net_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2426);



const OIDC_URL_ENV = 'ACTIONS_ID_TOKEN_REQUEST_URL';
const OIDC_TOKEN_ENV = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';
const PERMISSION_FIX = "Give the job 'permissions: id-token: write' (a job-level permissions block replaces the defaults, so list contents: read too)";
function oidcAvailable(env) {
    return Boolean(env[OIDC_URL_ENV] && env[OIDC_TOKEN_ENV]);
}
class OidcStatusError extends Error {
    name = 'OidcStatusError';
    status;
    constructor(status, body) {
        super(`the token endpoint answered ${status}${body ? `: ${body.slice(0, 200)}` : ''}`);
        this.status = status;
    }
}
function classify(error) {
    if (error instanceof OidcStatusError) {
        if (error.status === 429)
            return 'throttle';
        return error.status >= 500 ? 'retry' : 'fail';
    }
    return (0,_net_http_request_js__WEBPACK_IMPORTED_MODULE_1__/* .isTransientNetworkError */ .l)(error) ? 'retry' : 'fail';
}
/**
 * GitHub's OIDC token for AssumeRoleWithWebIdentity. Unlike the toolkit's client, network errors
 * and 429 are retried too, and each call gets a fresh token.
 */
function fromGitHubOidc(context, audience) {
    const { env, logger } = context;
    const requestToken = async () => {
        const url = env[OIDC_URL_ENV];
        const bearer = env[OIDC_TOKEN_ENV];
        if (!url || !bearer) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SourceError */ .c('oidc', `${OIDC_URL_ENV} and ${OIDC_TOKEN_ENV} are not set, so no ID token can be requested`, PERMISSION_FIX);
        }
        const target = `${url}${url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
        try {
            const response = await (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(async () => {
                const answer = await (0,_net_http_request_js__WEBPACK_IMPORTED_MODULE_1__/* .httpRequest */ .aj)(target, {
                    headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
                    timeoutMs: context.retry.requestTimeoutMs,
                    agents: context.proxyAgents,
                });
                if (answer.status !== 200)
                    throw new OidcStatusError(answer.status, answer.body);
                return answer.body;
            }, context.retry, classify, ({ attempt, error }) => logger.debug(`oidc: token request attempt ${attempt} failed (${String(error)}), retrying`));
            const token = JSON.parse(response).value;
            if (typeof token !== 'string' || !token)
                throw new Error('the token endpoint returned no token');
            logger.mask(token);
            return token;
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SourceError */ .c)
                throw error;
            const reason = error instanceof Error ? error.message : String(error);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SourceError */ .c('oidc', `could not get a GitHub OIDC token: ${reason}`, fixFor(error));
        }
    };
    return async () => ({
        kind: 'web-identity',
        token: requestToken,
        description: `GitHub OIDC token (audience ${audience})`,
    });
}
function fixFor(error) {
    if (error instanceof OidcStatusError && (error.status === 401 || error.status === 403)) {
        return `The runner refused the request token. ${PERMISSION_FIX}`;
    }
    if (error instanceof OidcStatusError || error instanceof SyntaxError) {
        return "GitHub's token endpoint did not answer as expected after retries; rerun the job";
    }
    return 'The token endpoint could not be reached after retries: check HTTPS_PROXY / NO_PROXY on the runner, then rerun';
}


/***/ })

};
