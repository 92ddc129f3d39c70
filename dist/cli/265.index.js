export const id = 265;
export const ids = [265];
export const modules = {

/***/ 2265:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  writeCliProfiles: () => (/* binding */ writeCliProfiles)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./build/run/profiles-to-write.js
/** What each profile becomes in the shared files: its credentials, or with refresh a credential_process. */
function profilesToWrite(settings, obtained, commandFor) {
    return settings.profiles.map((target) => {
        const identity = obtained.profiles.find((profile) => profile.name === target.name)?.identity;
        if (!identity)
            throw new Error(`no credentials were obtained for profile ${target.name}`);
        return settings.refresh && commandFor
            ? { name: target.name, region: settings.region, credentialProcess: commandFor(target) }
            : { name: target.name, region: settings.region, credentials: identity.credentials };
    });
}

;// CONCATENATED MODULE: ./build/cli/write-cli-profiles.js


/**
 * `--profile NAME` / `--profiles`: the same sections the action writes, into the same shared files.
 * They stay until overwritten; the CLI has no post step to remove them.
 */
async function writeCliProfiles(settings, obtained, env, logger) {
    const { sharedFilePaths, writeProfiles } = await __webpack_require__.e(/* import() */ 947).then(__webpack_require__.bind(__webpack_require__, 3947));
    const paths = sharedFilePaths(env, env.HOME || (0,external_node_os_.homedir)());
    const profiles = profilesToWrite(settings, obtained);
    await writeProfiles(paths, profiles, {
        overwrite: settings.overwriteProfile,
        jobId: `cli:${settings.sessionName}`,
    });
    const expirations = obtained.profiles.flatMap(({ identity }) => identity.credentials.expiration ?? []);
    const first = expirations.sort((a, b) => a.getTime() - b.getTime())[0];
    logger.note(`wrote profile ${profiles.map((profile) => profile.name).join(', ')} to ${paths.credentialsFile}` +
        (settings.region ? ` and ${paths.configFile}` : '') +
        (first ? `; valid until ${first.toISOString()}` : ''));
}


/***/ })

};
