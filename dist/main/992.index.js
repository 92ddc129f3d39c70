export const id = 992;
export const ids = [992];
export const modules = {

/***/ 7992:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fromSharedProfile: () => (/* binding */ fromSharedProfile)
/* harmony export */ });
/* harmony import */ var _aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9719);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);


/** The CLI's `--source-profile`: any profile the SDK can resolve (keys, SSO, credential_process, role profiles). */
function fromSharedProfile(context, settings) {
    const profile = settings.sourceProfile;
    return async () => {
        if (!profile)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SourceError */ .c('profile', 'no source profile is named', 'Pass --source-profile NAME');
        try {
            const credentials = await (0,_aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_1__/* .fromIni */ .nJ)({ profile, mfaCodeProvider: context.mfaCodeProvider })();
            context.logger.mask(credentials.secretAccessKey);
            if (credentials.sessionToken)
                context.logger.mask(credentials.sessionToken);
            return {
                kind: 'credentials',
                identity: {
                    credentials,
                    isRoleSession: credentials.sessionToken !== undefined,
                    description: `profile ${profile}`,
                },
            };
        }
        catch (error) {
            const reason = (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '');
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SourceError */ .c('profile', `could not get credentials from profile '${profile}': ${reason}`, 'Check the profile with: aws sts get-caller-identity --profile NAME');
        }
    };
}


/***/ })

};
