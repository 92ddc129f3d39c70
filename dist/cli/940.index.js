export const id = 940;
export const ids = [940];
export const modules = {

/***/ 1940:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fromEnvironment: () => (/* binding */ fromEnvironment)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5320);


/** The AWS_* credentials an earlier step exported: how one step chains onto another. */
function fromEnvironment(env) {
    return async () => {
        const accessKeyId = env.AWS_ACCESS_KEY_ID;
        const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
        if (!accessKeyId || !secretAccessKey) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SourceError */ .c('env', 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set in the environment', 'Run a step that exports credentials first (for example this action), or choose another source');
        }
        const sessionToken = env.AWS_SESSION_TOKEN || env.AWS_SECURITY_TOKEN || undefined;
        const expires = env.AWS_CREDENTIAL_EXPIRATION ? new Date(env.AWS_CREDENTIAL_EXPIRATION) : undefined;
        return {
            kind: 'credentials',
            identity: {
                credentials: {
                    accessKeyId,
                    secretAccessKey,
                    sessionToken,
                    expiration: expires && !Number.isNaN(expires.getTime()) ? expires : undefined,
                },
                isRoleSession: sessionToken !== undefined,
                description: `access key ${(0,_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .lastFour */ .x)(accessKeyId)} from the environment`,
            },
        };
    };
}


/***/ })

};
