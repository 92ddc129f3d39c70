export const id = 348;
export const ids = [348];
export const modules = {

/***/ 1348:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fromStaticKeys: () => (/* binding */ fromStaticKeys)
/* harmony export */ });
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5320);

/** The keys given as inputs. Temporary keys (with a session token) count as a role session. */
function fromStaticKeys(keys) {
    return async () => ({
        kind: 'credentials',
        identity: {
            credentials: { ...keys },
            isRoleSession: keys.sessionToken !== undefined,
            description: `access key ${(0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .lastFour */ .x)(keys.accessKeyId)} from the key inputs`,
        },
    });
}


/***/ })

};
