export const id = 585;
export const ids = [585];
export const modules = {

/***/ 8585:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fromWebIdentityTokenFile: () => (/* binding */ fromWebIdentityTokenFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9473);


/** A token file (EKS IRSA), read fresh on every call, through the kubelet's symlinks. */
function fromWebIdentityTokenFile(context, path) {
    const readToken = async () => {
        let token;
        try {
            token = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8')).trim();
        }
        catch (error) {
            const reason = error.code ?? String(error);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c('web-identity', `cannot read the token file ${path} (${reason})`, 'Check web-identity-token-file or AWS_WEB_IDENTITY_TOKEN_FILE, and that the service account token is mounted');
        }
        if (!token)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c('web-identity', `the token file ${path} is empty`, 'Check the projected service account token');
        context.logger.mask(token);
        return token;
    };
    return async () => ({
        kind: 'web-identity',
        token: readToken,
        description: `web identity token file ${path}`,
    });
}


/***/ })

};
