export const id = 877;
export const ids = [877];
export const modules = {

/***/ 5877:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   containerCredentialsConfigured: () => (/* binding */ containerCredentialsConfigured),
/* harmony export */   fromContainerCredentials: () => (/* binding */ fromContainerCredentials)
/* harmony export */ });
/* harmony import */ var _aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9719);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);


const TIMEOUT_MS = 2000; // the agent is on the same host or link; slower means it is not there
function containerCredentialsConfigured(env) {
    return Boolean(env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI);
}
/** ECS, CodeBuild and EKS Pod Identity credentials, through the SDK's own HTTP provider. */
function fromContainerCredentials(context) {
    const { env } = context;
    const where = env.AWS_CONTAINER_CREDENTIALS_FULL_URI ??
        `169.254.170.2${env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ?? ''}`;
    const fetchIdentity = async () => {
        if (!containerCredentialsConfigured(env)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SourceError */ .c('container', 'neither AWS_CONTAINER_CREDENTIALS_FULL_URI nor AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is set', 'Run the job in an ECS task, CodeBuild, or an EKS pod with Pod Identity, or choose another source');
        }
        const provider = (0,_aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_1__/* .fromHttp */ .bn)({
            awsContainerCredentialsFullUri: env.AWS_CONTAINER_CREDENTIALS_FULL_URI,
            awsContainerCredentialsRelativeUri: env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI,
            awsContainerAuthorizationToken: env.AWS_CONTAINER_AUTHORIZATION_TOKEN,
            awsContainerAuthorizationTokenFile: env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE,
            timeout: TIMEOUT_MS,
            maxRetries: Math.max(0, context.retry.maxAttempts - 1),
        });
        try {
            const credentials = await provider();
            context.logger.mask(credentials.accessKeyId);
            context.logger.mask(credentials.secretAccessKey);
            if (credentials.sessionToken)
                context.logger.mask(credentials.sessionToken);
            return {
                credentials: {
                    accessKeyId: credentials.accessKeyId,
                    secretAccessKey: credentials.secretAccessKey,
                    sessionToken: credentials.sessionToken,
                    expiration: credentials.expiration,
                },
                isRoleSession: true,
                description: `container credentials from ${where}`,
            };
        }
        catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SourceError */ .c('container', `could not get credentials from ${where}: ${reason}`, 'Check the task role (ECS, CodeBuild) or the Pod Identity association (EKS), and that the authorization token is readable');
        }
    };
    return async () => ({ kind: 'credentials', identity: await fetchIdentity(), renew: fetchIdentity });
}


/***/ })

};
