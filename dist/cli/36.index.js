export const id = 36;
export const ids = [36];
export const modules = {

/***/ 8036:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   execCommand: () => (/* binding */ execCommand)
/* harmony export */ });
/* unused harmony export FORWARDED_SIGNALS */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var _command_start_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7186);
/* harmony import */ var _exit_codes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5158);
// node:child_process, not @actions/exec: that pipes stdio and hides the child, so prompts, colours
// and signal forwarding would not work.



/** Passed on to the command, so that stopping this process stops it (and its status is still reported). */
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/**
 * Runs `command` with stdio inherited and resolves to its exit status (128 + N when signal N killed
 * it). No shell is involved, on any platform: the arguments reach the command exactly as given.
 */
function execCommand(command, options) {
    const [file = '', ...args] = command;
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, args, { env: options.env, stdio: 'inherit', shell: false });
        const forward = (signal) => {
            if (signal === 'SIGINT' && options.terminalDeliversInterrupt)
                return;
            if (child.exitCode === null && child.signalCode === null)
                child.kill(signal);
        };
        for (const signal of FORWARDED_SIGNALS)
            process.on(signal, forward);
        const stopForwarding = () => {
            for (const signal of FORWARDED_SIGNALS)
                process.off(signal, forward);
        };
        child.once('error', (error) => {
            stopForwarding();
            reject(new _command_start_error_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandStartError */ .w(file, error));
        });
        child.once('exit', (code, signal) => {
            stopForwarding();
            resolve((0,_exit_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .childExitCode */ .S0)(code, signal));
        });
    });
}


/***/ })

};
