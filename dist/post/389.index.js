export const id = 389;
export const ids = [389];
export const modules = {

/***/ 389:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(659);

/** Removes exactly the profiles main wrote, if they still hold what it wrote. Warns; never fails the job. */
async function runPost(recorded, cleanup) {
    if (!cleanup) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('cleanup is false: the profiles written by this step stay in the shared files');
        return;
    }
    try {
        const { removeProfiles } = await __webpack_require__.e(/* import() */ 664).then(__webpack_require__.bind(__webpack_require__, 664));
        const warnings = await removeProfiles(JSON.parse(recorded));
        for (const warning of warnings)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`cleanup: ${warning}`);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('removed the profiles this step wrote');
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
}


/***/ })

};
