export const id = 609;
export const ids = [609];
export const modules = {

/***/ 7609:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  writeActionProfiles: () => (/* binding */ writeActionProfiles)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(5910);
// EXTERNAL MODULE: ./build/constants.js
var constants = __webpack_require__(2757);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./build/profiles/errors.js
/** A shared AWS file could not be changed safely: names the path, the problem and the fix. */
class errors_ProfileFileError extends Error {
    name = 'ProfileFileError';
    path;
    fix;
    constructor(path, problem, fix) {
        super(`${path}: ${problem}. ${fix}`);
        this.path = path;
        this.fix = fix;
    }
}
/** A profile to write is not acceptable (bad name or value): names the profile, the problem and the fix. */
class InvalidProfileError extends Error {
    name = 'InvalidProfileError';
    profile;
    fix;
    constructor(profile, problem, fix) {
        super(`Profile ${JSON.stringify(profile)}: ${problem}. ${fix}`);
        this.profile = profile;
        this.fix = fix;
    }
}

;// CONCATENATED MODULE: ./build/profiles/ini-lines.js
/**
 * A shared file as lines that keep their own line endings, so that editing a few lines leaves every other
 * byte as it was. Text is held as a "byte string" (latin1: one char per byte) so any encoding round-trips.
 */
/** Bytes to a byte string, and back: lossless for any content. */
const bytesToText = (bytes) => Buffer.from(bytes).toString('latin1');
const textToBytes = (text) => Buffer.from(text, 'latin1');
/** Our own (UTF-8) text as a byte string, for inserting into a file. */
const utf8ToText = (value) => Buffer.from(value, 'utf8').toString('latin1');
/** A byte string read as UTF-8, as both parsers read it. */
const textToUtf8 = (text) => Buffer.from(text, 'latin1').toString('utf8');
/** Index of a carriage return that does not end a CRLF, or -1. Python splits lines there; the SDK does not. */
function loneCarriageReturn(text) {
    return text.search(/\r(?!\n)/);
}
/** The file's lines; '' is no lines at all. */
function splitLines(text) {
    const lines = [];
    let start = 0;
    while (start < text.length) {
        const newline = text.indexOf('\n', start);
        if (newline === -1) {
            lines.push({ text: text.slice(start), eol: '' });
            break;
        }
        const crlf = newline > start && text[newline - 1] === '\r';
        lines.push({ text: text.slice(start, crlf ? newline - 1 : newline), eol: crlf ? '\r\n' : '\n' });
        start = newline + 1;
    }
    return lines;
}
function ini_lines_joinLines(lines) {
    return lines.map((line) => line.text + line.eol).join('');
}
/** The file's own line ending (that of its first line), LF when it has none yet. */
function eolStyle(lines) {
    return lines[0]?.eol === '\r\n' ? '\r\n' : '\n';
}

;// CONCATENATED MODULE: ./build/profiles/safe-fs.js
/**
 * File operations for the shared files that never follow a symlink and never widen permissions:
 * files 0600, directories this tool creates 0700.
 */





const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
/** O_NOFOLLOW makes open() fail on a symlink (ELOOP); Windows has no such flag (0). */
const NO_FOLLOW = external_node_fs_.constants.O_NOFOLLOW ?? 0;
const errno = (error) => error?.code;
const symlinkError = (path, fix) => new errors_ProfileFileError(path, 'is a symbolic link, and assume-aws-role never writes through one', fix);
/** Whether the file's directory exists; refuses one that is a symlink or not a directory. */
async function safe_fs_checkDirectory(file, fix) {
    const dir = (0,external_node_path_.dirname)(file);
    const stats = await (0,promises_.lstat)(dir).catch((error) => {
        if (errno(error) === 'ENOENT')
            return undefined;
        throw error;
    });
    if (stats?.isSymbolicLink())
        throw symlinkError(dir, fix);
    if (stats && !stats.isDirectory())
        throw new errors_ProfileFileError(dir, 'is not a directory', fix);
    return stats !== undefined;
}
/** Makes sure the file's directory exists and is a real directory; returns the directories it created. */
async function ensureDirectory(file, fix) {
    if (await safe_fs_checkDirectory(file, fix))
        return [];
    const dir = (0,external_node_path_.dirname)(file);
    const first = await (0,promises_.mkdir)(dir, { recursive: true, mode: DIR_MODE });
    const created = [];
    for (let path = dir; first !== undefined; path = (0,external_node_path_.dirname)(path)) {
        created.unshift(path);
        if (path === first || path === (0,external_node_path_.dirname)(path))
            break;
    }
    for (const path of created)
        await (0,promises_.chmod)(path, DIR_MODE); // in case the umask took bits away
    return created;
}
/** The file's bytes as a byte string, or undefined when it does not exist. Refuses symlinks and non-files. */
async function safe_fs_readSharedFile(path, fix) {
    await refuseSymlink(path, fix); // where O_NOFOLLOW does not exist (Windows); it guards the rest
    const handle = await (0,promises_.open)(path, external_node_fs_.constants.O_RDONLY | NO_FOLLOW).catch((error) => {
        if (errno(error) === 'ENOENT')
            return undefined;
        if (errno(error) === 'ELOOP')
            throw symlinkError(path, fix);
        throw error;
    });
    if (!handle)
        return undefined;
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            throw new errors_ProfileFileError(path, 'is not a regular file', fix);
        return bytesToText(await handle.readFile());
    }
    finally {
        await handle.close();
    }
}
/** Refuses a symlink at `path` (for checks before a rename replaces it). */
async function refuseSymlink(path, fix) {
    const stats = await (0,promises_.lstat)(path).catch(() => undefined);
    if (stats?.isSymbolicLink())
        throw symlinkError(path, fix);
}
/** Creates a new file (never an existing one or a symlink) with mode 0600 and durable content. */
async function writeNewFile(path, text) {
    const handle = await (0,promises_.open)(path, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | NO_FOLLOW, FILE_MODE);
    try {
        await handle.chmod(FILE_MODE);
        await handle.writeFile(textToBytes(text));
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
/** Makes renames and unlinks in a directory durable. Not possible on every platform: then skipped. */
async function syncDirectory(dir) {
    const handle = await (0,promises_.open)(dir, external_node_fs_.constants.O_RDONLY).catch(() => undefined);
    if (!handle)
        return;
    await handle.sync().catch(() => undefined);
    await handle.close();
}
/** unlink/rename that treat "already gone" as done. */
async function safe_fs_ignoreMissing(operation) {
    try {
        await operation;
        return true;
    }
    catch (error) {
        if (errno(error) === 'ENOENT')
            return false;
        throw error;
    }
}


;// CONCATENATED MODULE: ./build/profiles/atomic-commit.js
/**
 * Replaces several files together or not at all. Each new file is written to a temp file beside it and
 * fsynced; then a journal listing the pending renames is written beside EVERY target (each names them all);
 * writing the last journal is the commit point. Then the renames, then the journals are deleted in order.
 * Whoever next holds a target's lock calls recoverFile() before reading it: a journal whose last copy
 * exists is rolled forward (rename the temps still there), otherwise rolled back (delete the temps).
 * A single file needs no journal: its rename is atomic.
 */




const NAME_TAG = '.assume-aws-role.';
const journalPathFor = (target) => `${target}${NAME_TAG}journal`;
const tempPathFor = (target) => `${target}${NAME_TAG}${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
const isTempOf = (temp, target) => temp.startsWith(target) && /^\.assume-aws-role\.[0-9a-f]+\.tmp$/.test(temp.slice(target.length));
/** The steps commitFiles() passes to its hook for `count` files, in order. */
function commitSteps(count) {
    const each = (step) => Array.from({ length: count }, (_, index) => `${step}:${index}`);
    return count === 1
        ? ['temp:0', 'rename:0']
        : [...each('temp'), ...each('journal'), ...each('rename'), ...each('unjournal')];
}
class SimulatedCrash extends Error {
}
const syncDirectories = async (paths) => {
    for (const dir of new Set(paths.map((path) => (0,external_node_path_.dirname)(path))))
        await syncDirectory(dir);
};
async function atomic_commit_commitFiles(files, hook) {
    const step = (name) => {
        try {
            hook?.(name);
        }
        catch (error) {
            throw new SimulatedCrash('simulated crash', { cause: error });
        }
    };
    const entries = files.map(({ target }) => ({ target, temp: tempPathFor(target) }));
    const targets = files.map(({ target }) => target);
    try {
        for (const [index, { temp }] of entries.entries()) {
            await writeNewFile(temp, files[index]?.text ?? '');
            step(`temp:${index}`);
        }
        const journals = files.length > 1 ? targets.map(journalPathFor) : [];
        const journal = { version: 1, journals, entries };
        for (const [index, path] of journals.entries()) {
            const temp = tempPathFor(targets[index] ?? path);
            await writeNewFile(temp, JSON.stringify(journal));
            await (0,promises_.rename)(temp, path);
            await syncDirectory((0,external_node_path_.dirname)(path));
            step(`journal:${index}`);
        }
        for (const [index, entry] of entries.entries()) {
            await (0,promises_.rename)(entry.temp, entry.target);
            step(`rename:${index}`);
        }
        await syncDirectories(targets);
        for (const [index, path] of journals.entries()) {
            await safe_fs_ignoreMissing((0,promises_.unlink)(path));
            step(`unjournal:${index}`);
        }
        await syncDirectories(journals);
    }
    catch (error) {
        if (error instanceof SimulatedCrash)
            throw error.cause;
        for (const target of targets)
            await atomic_commit_recoverFile(target).catch(() => undefined);
        throw error;
    }
}
function parseJournal(text) {
    try {
        const journal = JSON.parse(text);
        const sane = journal.version === 1 &&
            journal.entries.every((entry) => isTempOf(entry.temp, entry.target)) &&
            journal.journals.every((path) => journal.entries.some((entry) => journalPathFor(entry.target) === path));
        return sane ? journal : undefined;
    }
    catch {
        return undefined;
    }
}
const exists = (path) => (0,promises_.stat)(path).then(() => true, () => false);
/**
 * Finishes or undoes an interrupted commit that involved `target`, then deletes its leftover temp files.
 * Call it holding the target's lock, before reading the target.
 */
async function atomic_commit_recoverFile(target) {
    const journalPath = journalPathFor(target);
    const text = await (0,promises_.readFile)(journalPath, 'latin1').catch(() => undefined);
    const journal = text === undefined ? undefined : parseJournal(text);
    if (journal) {
        const last = journal.journals.at(-1);
        const committed = last !== undefined && (await exists(last));
        for (const { temp, target: destination } of journal.entries) {
            await safe_fs_ignoreMissing(committed ? (0,promises_.rename)(temp, destination) : (0,promises_.unlink)(temp));
        }
        await syncDirectories(journal.entries.map((entry) => entry.target));
        for (const path of journal.journals)
            await safe_fs_ignoreMissing((0,promises_.unlink)(path));
        await syncDirectories(journal.journals);
    }
    else if (text !== undefined) {
        await safe_fs_ignoreMissing((0,promises_.unlink)(journalPath)); // not one of ours: it cannot be acted on
    }
    // Under the lock no commit of this target is running: any temp of it left now is garbage.
    const dir = (0,external_node_path_.dirname)(target);
    const prefix = (0,external_node_path_.basename)(target) + NAME_TAG;
    for (const name of await (0,promises_.readdir)(dir).catch(() => [])) {
        if (name.startsWith(prefix) && isTempOf((0,external_node_path_.join)(dir, name), target))
            await safe_fs_ignoreMissing((0,promises_.unlink)((0,external_node_path_.join)(dir, name)));
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./build/profiles/file-lock.js
/**
 * An inter-process lock per shared file: `FILE.assume-aws-role.lock`, created with O_EXCL and holding its
 * owner (pid, host, token). A lock whose owner process is gone, or that is older than any write could take,
 * is stale and taken over; takeovers are serialised by a second short-lived lock so that two waiters can
 * never both break the same lock and then delete each other's fresh one.
 */






const LOCK_SUFFIX = '.assume-aws-role.lock';
/** A write takes milliseconds; waiting ten seconds means another process is stuck. */
const file_lock_DEFAULT_LOCK_TIMEOUT_MS = 10_000;
/** No write holds a lock this long: its owner died or hangs (covers pids on other hosts, and reused pids). */
const STALE_LOCK_MS = 60_000;
/** An owner writes its details right after creating the lock; an empty lock older than this is a crash. */
const EMPTY_LOCK_MS = 2_000;
/** The takeover lock is held for two file operations; older than this, its holder crashed. */
const TAKEOVER_STALE_MS = 2_000;
const POLL_MS = { min: 5, spread: 20 };
const lockPathFor = (file) => file + LOCK_SUFFIX;
async function createExclusive(path, content) {
    try {
        const handle = await (0,promises_.open)(path, 'wx', FILE_MODE);
        await handle.writeFile(content).finally(() => handle.close());
        return true;
    }
    catch (error) {
        if (errno(error) === 'EEXIST')
            return false;
        throw error;
    }
}
async function readLock(path) {
    try {
        const stats = await (0,promises_.stat)(path);
        const text = await (0,promises_.readFile)(path, 'utf8');
        let owner;
        try {
            owner = JSON.parse(text);
        }
        catch {
            owner = undefined; // being written right now, or its owner crashed in between
        }
        return { owner, ageMs: Date.now() - stats.mtimeMs, identity: `${stats.ino}:${stats.mtimeMs}:${text}` };
    }
    catch (error) {
        if (errno(error) === 'ENOENT')
            return undefined;
        throw error;
    }
}
function processAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return errno(error) === 'EPERM'; // exists, but belongs to someone else
    }
}
function isStale(state) {
    if (state.ageMs > STALE_LOCK_MS)
        return true;
    if (!state.owner)
        return state.ageMs > EMPTY_LOCK_MS;
    return state.owner.host === (0,external_node_os_.hostname)() && !processAlive(state.owner.pid);
}
/** Deletes the lock if it is still the stale one we saw; one process at a time decides. True if it did. */
async function breakStaleLock(path, seen) {
    const takeover = `${path}.takeover`;
    if (!(await createExclusive(takeover, String(process.pid)))) {
        const age = await (0,promises_.stat)(takeover).then((stats) => Date.now() - stats.mtimeMs, () => 0);
        if (age > TAKEOVER_STALE_MS)
            await safe_fs_ignoreMissing((0,promises_.unlink)(takeover));
        return false;
    }
    try {
        const now = await readLock(path);
        return now?.identity === seen.identity && (await safe_fs_ignoreMissing((0,promises_.unlink)(path)));
    }
    finally {
        await safe_fs_ignoreMissing((0,promises_.unlink)(takeover));
    }
}
async function acquireLock(path, timeoutMs) {
    const token = (0,external_node_crypto_.randomBytes)(12).toString('hex');
    const content = JSON.stringify({ pid: process.pid, host: (0,external_node_os_.hostname)(), token });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        if (await createExclusive(path, content))
            return { path, token };
        const state = await readLock(path);
        if (!state)
            continue; // released in between
        if (isStale(state) && (await breakStaleLock(path, state)))
            continue;
        if (Date.now() >= deadline) {
            const who = state.owner ? `process ${state.owner.pid} on ${state.owner.host}` : 'another process';
            throw new errors_ProfileFileError(path, `${who} has held this lock for ${Math.round(state.ageMs)} ms (waited ${timeoutMs} ms)`, 'Retry when it is done; if no assume-aws-role process is running, delete the lock file');
        }
        await (0,external_node_timers_promises_.setTimeout)(POLL_MS.min + Math.random() * POLL_MS.spread);
    }
}
async function lockStillHeld(lock) {
    return (await readLock(lock.path))?.owner?.token === lock.token;
}
async function releaseLock(lock) {
    if (await lockStillHeld(lock))
        await safe_fs_ignoreMissing((0,promises_.unlink)(lock.path));
}
/**
 * Runs `action` holding the locks of all `files`, taken in sorted order so two callers never deadlock.
 * `action` gets a check to call just before it commits: it throws if a lock was taken over meanwhile.
 */
async function file_lock_withFileLocks(files, timeoutMs, action) {
    const held = [];
    const assertHeld = async () => {
        for (const lock of held) {
            if (!(await lockStillHeld(lock))) {
                throw new errors_ProfileFileError(lock.path, 'was taken over as stale while this process held it', 'Retry');
            }
        }
    };
    try {
        for (const file of [...new Set(files)].sort())
            held.push(await acquireLock(lockPathFor(file), timeoutMs));
        return await action(assertHeld);
    }
    finally {
        for (const lock of held.reverse())
            await releaseLock(lock);
    }
}

;// CONCATENATED MODULE: ./build/profiles/paths.js


const CREDENTIALS_FILE_VAR = 'AWS_SHARED_CREDENTIALS_FILE';
const CONFIG_FILE_VAR = 'AWS_CONFIG_FILE';
/**
 * The paths botocore and the JS SDK both read: the env override (a leading `~/` expanded, as the SDK does),
 * else `~/.aws/credentials` and `~/.aws/config`. An empty variable counts as unset, as in the SDK.
 */
function sharedFilePaths(env, homeDir) {
    return {
        credentialsFile: fromEnv(env, CREDENTIALS_FILE_VAR, homeDir) ?? (0,external_node_path_.join)(homeDir, '.aws', 'credentials'),
        configFile: fromEnv(env, CONFIG_FILE_VAR, homeDir) ?? (0,external_node_path_.join)(homeDir, '.aws', 'config'),
    };
}
function fromEnv(env, name, homeDir) {
    const value = env[name];
    if (!value)
        return undefined;
    // botocore expands $VARS and ~user, the JS SDK does not: the two would read different files.
    if (value.includes('$') || /^~(?!\/)/.test(value)) {
        throw new errors_ProfileFileError(value, `${name} uses a variable or ~user, which botocore expands and the JS SDK does not`, `Set ${name} to a plain path (a leading ~/ is fine)`);
    }
    return (0,external_node_path_.resolve)(value.startsWith('~/') ? (0,external_node_path_.join)(homeDir, value.slice(2)) : value);
}

;// CONCATENATED MODULE: ./build/profiles/shlex-split.js
/**
 * Python's `shlex.split(s)` (POSIX mode, no comments), which botocore uses to read `[profile NAME]`
 * headers. Returns undefined where shlex raises (unclosed quote, trailing backslash): botocore then skips
 * the section.
 */
const WHITESPACE = ' \t\r\n';
const QUOTES = `'"`;
const ESCAPE = '\\';
function shlexSplit(input) {
    const words = [];
    let word = '';
    let inWord = false; // a word has started (it may still be empty: "")
    let quote = ''; // the open quote, if any
    for (let i = 0; i < input.length; i++) {
        const char = input.charAt(i);
        if (quote) {
            if (char === quote) {
                quote = '';
            }
            else if (char === ESCAPE && quote === '"') {
                // In double quotes a backslash only escapes a backslash or the quote itself.
                const next = input.charAt(++i);
                if (i >= input.length)
                    return undefined;
                word += next === ESCAPE || next === quote ? next : char + next;
            }
            else {
                word += char;
            }
        }
        else if (WHITESPACE.includes(char)) {
            if (inWord)
                words.push(word);
            word = '';
            inWord = false;
        }
        else if (QUOTES.includes(char)) {
            quote = char;
            inWord = true;
        }
        else if (char === ESCAPE) {
            if (i + 1 >= input.length)
                return undefined;
            word += input.charAt(++i);
            inWord = true;
        }
        else {
            word += char;
            inWord = true;
        }
    }
    if (quote)
        return undefined;
    if (inWord)
        words.push(word);
    return words;
}

;// CONCATENATED MODULE: ./build/profiles/ini-sections.js
/**
 * Finding a profile's section in a shared file the way botocore and the JS SDK both would, and editing
 * exactly that section's lines.
 */


/** The first line of every section this tool writes (a full-line comment inside the section). */
const MARKER_PREFIX = '# assume-aws-role: managed';
/** The header this tool writes for a profile. */
function headerFor(kind, name) {
    return kind === 'credentials' || name === 'default' ? `[${name}]` : `[profile ${name}]`;
}
/** Which profile botocore reads from a section name (configloader.build_profile_map). */
function botocoreProfile(kind, header) {
    if (kind === 'credentials' || header === 'default')
        return header;
    if (!header.startsWith('profile'))
        return undefined;
    const parts = shlexSplit(header);
    return parts?.length === 2 ? parts[1] : undefined;
}
/** Which profile the SDK reads from a section name (parseIni + getConfigData). */
const SDK_PREFIXED = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
function sdkProfile(kind, header) {
    const prefixed = SDK_PREFIXED.exec(header);
    if (kind === 'credentials')
        return prefixed ? undefined : header;
    if (header === 'default')
        return header;
    return prefixed?.[1] === 'profile' ? prefixed[3] : undefined;
}
const isHeader = (view) => view.botocoreHeader !== undefined || view.sdkHeader !== undefined;
const bothHeader = (view) => view.botocoreHeader !== undefined && view.sdkHeader !== undefined;
/** The one section either parser reads as profile `name`, or why it cannot be edited safely. */
function ini_sections_findProfileSection(lines, views, kind, name) {
    const starts = views.flatMap((view, index) => {
        const byBotocore = view.botocoreHeader !== undefined && botocoreProfile(kind, view.botocoreHeader) === name;
        const bySdk = view.sdkHeader !== undefined && sdkProfile(kind, view.sdkHeader) === name;
        return byBotocore || bySdk ? [index] : [];
    });
    const [start] = starts;
    if (start === undefined)
        return { found: 'none' };
    const lineNumbers = starts.map((index) => index + 1).join(', ');
    if (starts.length > 1) {
        return {
            found: 'problem',
            problem: `profile '${name}' has ${starts.length} sections (lines ${lineNumbers})`,
        };
    }
    const unclear = (index, why) => ({
        found: 'problem',
        problem: `line ${index + 1} (${JSON.stringify(textToUtf8(lines[index]?.text ?? ''))}) ${why}`,
    });
    if (!bothHeader(views[start])) {
        return unclear(start, 'is a section header to only one of botocore and the JS SDK');
    }
    let next = start + 1;
    while (next < views.length && !isHeader(views[next]))
        next++;
    if (next < views.length) {
        if (!bothHeader(views[next])) {
            return unclear(next, 'is a section header to only one of botocore and the JS SDK');
        }
        // After our unindented keys, an indented header would become a continuation line to botocore.
        if (/^\s/.test(lines[next]?.text ?? ''))
            return unclear(next, 'is an indented section header');
    }
    let end = next - 1;
    while (end > start && views[end]?.trivia)
        end--;
    const managed = lines.slice(start + 1, end + 1).some((line) => line.text.startsWith(MARKER_PREFIX));
    return { found: 'one', span: { start, end, managed } };
}
/** The exact bytes of a span: its lines with their inner line endings, without the last one's. */
function ini_sections_spanText(lines, span) {
    const text = lines
        .slice(span.start, span.end + 1)
        .map((line) => line.text + line.eol)
        .join('');
    const lastEol = lines[span.end]?.eol ?? '';
    return lastEol ? text.slice(0, -lastEol.length) : text;
}
/** Lines of a section as Line objects: all end with `eol`, except that the last one ends with `lastEol`. */
function toLines(texts, eol, lastEol) {
    return texts.map((text, index) => ({ text, eol: index === texts.length - 1 ? lastEol : eol }));
}
/** Replaces a span in place; the new last line keeps the old last line's ending. */
function replaceSpan(lines, span, texts, eol) {
    lines.splice(span.start, span.end - span.start + 1, ...toLines(texts, eol, lines[span.end]?.eol ?? eol));
}
/**
 * Appends a section. A file without a final line ending keeps lacking one: the break goes before our
 * header instead, so removing the section later restores the file byte for byte.
 */
function appendSection(lines, texts, eol) {
    const last = lines.at(-1);
    if (last && last.eol === '') {
        lines[lines.length - 1] = { text: last.text, eol };
        lines.push(...toLines(texts, eol, ''));
    }
    else {
        lines.push(...toLines(texts, eol, eol));
    }
}
/** Removes a span; the inverse of appendSection when the span ends the file without a line ending. */
function ini_sections_removeSpan(lines, span) {
    const before = lines[span.start - 1];
    if (lines[span.end]?.eol === '' && before)
        lines[span.start - 1] = { text: before.text, eol: '' };
    lines.splice(span.start, span.end - span.start + 1);
}

;// CONCATENATED MODULE: ./build/profiles/ini-views.js
/**
 * How botocore (Python configparser) and the JS SDK (@smithy parseIni) each read every line of a shared
 * file: which lines are section headers, and what section name they open. The two disagree on edge cases
 * (an indented header is a continuation line to botocore; a header followed by text is no header to the
 * SDK), so callers look at both views.
 */

/** Python's str.isspace() characters (str.strip() and the regex \s use the same set). */
const PYTHON_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PYTHON_EDGE_SPACE = new RegExp(`^[${PYTHON_SPACE}]+|[${PYTHON_SPACE}]+$`, 'g');
const PYTHON_NON_SPACE = new RegExp(`[^${PYTHON_SPACE}]`);
const pythonStrip = (text) => text.replace(PYTHON_EDGE_SPACE, '');
function ini_views_readLineViews(lines) {
    const views = [];
    // configparser's state: inside a section, the current option (so indented lines continue it), its indent.
    let inSection = false;
    let hasOption = false;
    let indentLevel = 0;
    for (const line of lines) {
        const text = textToUtf8(line.text);
        const sdkHeader = readSdkHeader(text);
        const value = pythonStrip(text);
        if (value === '' || value.startsWith('#') || value.startsWith(';')) {
            views.push({ sdkHeader, trivia: true });
            continue;
        }
        const indent = text.search(PYTHON_NON_SPACE);
        if (inSection && hasOption && indent > indentLevel) {
            views.push({ sdkHeader, trivia: false }); // a continuation of the option above
            continue;
        }
        indentLevel = indent;
        const close = value.lastIndexOf(']');
        if (value.startsWith('[') && close >= 2) {
            inSection = true;
            hasOption = false;
            views.push({ botocoreHeader: value.slice(1, close), sdkHeader, trivia: false });
            continue;
        }
        // An option line: the name is what precedes the first '=' or ':'; an empty name opens nothing.
        const delimiter = value.search(/[=:]/);
        if (inSection && delimiter !== -1)
            hasOption = pythonStrip(value.slice(0, delimiter)) !== '';
        views.push({ sdkHeader, trivia: false });
    }
    return views;
}
/** parseIni: cut at an inline comment, trim, and a line in brackets is a header. */
function readSdkHeader(text) {
    const trimmed = (text.split(/(?:^|\s)[;#]/)[0] ?? '').trim();
    if (trimmed.length < 2 || !trimmed.startsWith('[') || !trimmed.endsWith(']'))
        return undefined;
    return trimmed.slice(1, -1);
}

;// CONCATENATED MODULE: ./build/profiles/render-section.js

/** The `key = value` pairs a profile puts into one file; empty when it has nothing for that file. */
function sectionValues(kind, profile) {
    if (kind === 'credentials') {
        const { credentials } = profile;
        if (!credentials)
            return [];
        const values = [
            ['aws_access_key_id', credentials.accessKeyId],
            ['aws_secret_access_key', credentials.secretAccessKey],
        ];
        if (credentials.sessionToken !== undefined)
            values.push(['aws_session_token', credentials.sessionToken]);
        return values;
    }
    const values = [];
    if (profile.region !== undefined)
        values.push(['region', profile.region]);
    if (profile.credentialProcess !== undefined)
        values.push(['credential_process', profile.credentialProcess]);
    return values;
}
/** The marker comment: recognisable by its prefix; the rest tells a reader where it came from. */
function markerLine(jobId, expiration) {
    const details = [jobId && `job ${jobId}`, expiration && `expires ${expiration.toISOString()}`].filter(Boolean);
    return details.length > 0 ? `${MARKER_PREFIX} (${details.join(', ')})` : MARKER_PREFIX;
}
/** The section's lines (without line endings), or undefined when the profile has nothing for this file. */
function renderSection(kind, profile, jobId) {
    const values = sectionValues(kind, profile);
    if (values.length === 0)
        return undefined;
    const expiration = kind === 'credentials' ? profile.credentials?.expiration : undefined;
    return [
        headerFor(kind, profile.name),
        markerLine(jobId, expiration),
        ...values.map(([key, value]) => `${key} = ${value}`),
    ];
}

;// CONCATENATED MODULE: ./build/profiles/validate.js
/**
 * Names and values that botocore and the JS SDK read the same way, and that cannot inject lines.
 * See /work/shared/reference/aws-facts.md ("Shared config and credentials files").
 */
/** Both parsers read these names identically: the SDK only accepts [\w-@+.%:/] in a header. */
const PROFILE_NAME = /^[A-Za-z0-9_.@+%:-]{1,64}$/;
/** Names the allow-list admits but a parser treats specially. */
const RESERVED_NAMES = new Map([
    ['DEFAULT', "botocore's INI parser turns a [DEFAULT] section into defaults for every other profile"],
    ['__proto__', 'the JS SDK refuses to read a file with this section name'],
]);
/** The problem with a profile name, or undefined when it is fine. */
function validate_validateProfileName(name) {
    const reserved = RESERVED_NAMES.get(name);
    if (reserved)
        return `profile name '${name}' is reserved: ${reserved}`;
    if (PROFILE_NAME.test(name))
        return undefined;
    if (/[\r\n]/.test(name))
        return 'a profile name must not contain a line break';
    if (name.length === 0)
        return 'a profile name must not be empty';
    if (name.length > 64)
        return `a profile name must be at most 64 characters (got ${name.length})`;
    return `profile name ${JSON.stringify(name)} may only contain letters, digits and _ . @ + % : -`;
}
/**
 * The problem with a value written after `key = `, or undefined when it is fine.
 * Line breaks would inject lines; control characters and edge whitespace are read differently;
 * the JS SDK cuts a value at ` #` or ` ;` (an inline comment) while botocore keeps it.
 */
function validateValue(key, value) {
    if (/[\r\n]/.test(value))
        return `${key} must not contain a line break`;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
    if (/[\u0000-\u001f\u007f]/.test(value))
        return `${key} must not contain control characters`;
    if (value.trim() === '')
        return `${key} must not be empty`;
    if (value.trim() !== value)
        return `${key} must not start or end with whitespace`;
    if (/(^|\s)[#;]/.test(value)) {
        return `${key} must not contain '#' or ';' at its start or after a space: the JS SDK reads that as a comment`;
    }
    return undefined;
}
/** The problem with text that goes into the marker comment, or undefined when it is fine. */
function validateCommentText(label, text) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
    if (/[\u0000-\u001f\u007f]/.test(text))
        return `${label} must not contain line breaks or control characters`;
    return undefined;
}

;// CONCATENATED MODULE: ./build/profiles/written-record.js
/**
 * The record of exactly what a write changed, handed from the main step to the post step as JSON.
 * It holds hashes, never the secrets themselves.
 */





const written_record_sectionHash = (text) => (0,external_node_crypto_.createHash)('sha256').update(textToBytes(text)).digest('hex');
const emptyRecord = () => ({ version: 1, files: [], createdDirs: [] });
/** One record for several writes (`later` is the more recent one: its entry for a profile wins). */
function mergeWrittenProfiles(earlier, later) {
    const files = new Map(earlier.files.map((file) => [file.path, { ...file, sections: { ...file.sections } }]));
    for (const file of later.files) {
        const known = files.get(file.path);
        if (known && known.kind !== file.kind) {
            throw new ProfileFileError(file.path, 'is recorded both as a credentials file and as a config file', 'Point AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE at two different files');
        }
        files.set(file.path, {
            path: file.path,
            kind: file.kind,
            createdFile: (known?.createdFile ?? false) || file.createdFile,
            sections: { ...known?.sections, ...file.sections },
        });
    }
    const createdDirs = [...new Set([...earlier.createdDirs, ...later.createdDirs])];
    return { version: 1, files: [...files.values()], createdDirs };
}
/** Checks a record that came back through JSON; throws on anything this module did not produce. */
function written_record_checkWrittenProfiles(value) {
    const bad = (why) => {
        throw new ProfileFileError('(written-profiles record)', why, 'Pass the record that writeProfiles returned');
    };
    const record = value;
    if (typeof record !== 'object' || record === null || record.version !== 1)
        bad('unknown record version');
    const { files, createdDirs } = record;
    if (!Array.isArray(files) || !Array.isArray(createdDirs))
        bad('files and createdDirs must be arrays');
    for (const dir of createdDirs)
        if (typeof dir !== 'string' || !isAbsolute(dir))
            bad('a directory is not absolute');
    for (const file of files) {
        if (typeof file?.path !== 'string' || !isAbsolute(file.path))
            bad('a file path is not absolute');
        if (file.kind !== 'credentials' && file.kind !== 'config')
            bad(`unknown file kind for ${file.path}`);
        if (typeof file.createdFile !== 'boolean')
            bad(`createdFile missing for ${file.path}`);
        if (typeof file.sections !== 'object' || file.sections === null)
            bad(`sections missing for ${file.path}`);
        for (const [name, hash] of Object.entries(file.sections)) {
            const problem = validateProfileName(name);
            if (problem)
                bad(problem);
            if (hash !== null && !/^[0-9a-f]{64}$/.test(String(hash)))
                bad(`bad hash for profile '${name}'`);
        }
    }
    return record;
}

;// CONCATENATED MODULE: ./build/profiles/plan-edits.js
/**
 * The pure part of a write or a cleanup: from the files' current bytes to their new bytes, touching only
 * the named profiles' sections. No I/O, so every rule here is unit- and property-testable.
 */






const OVERWRITE_FIX = 'Set overwrite-profile: true to replace it, or choose another profile name';
const DUPLICATE_FIX = 'Edit the file so the profile has exactly one section, or choose another profile name';
function linesOf(file) {
    const text = file.text ?? '';
    const cr = loneCarriageReturn(text);
    if (cr !== -1) {
        throw new errors_ProfileFileError(file.path, `has a carriage return without a line feed (byte ${cr}); botocore starts a new line there, the JS SDK does not`, 'Convert the file to LF or CRLF line endings');
    }
    return splitLines(text);
}
/** The profile's section in a file, refusing duplicates, unclear headers and (without overwrite) others'. */
function ownedSection(file, lines, name, overwrite) {
    const found = ini_sections_findProfileSection(lines, ini_views_readLineViews(lines), file.kind, name);
    if (found.found === 'problem') {
        throw new errors_ProfileFileError(file.path, `cannot edit profile '${name}': ${found.problem}`, DUPLICATE_FIX);
    }
    if (found.found === 'none')
        return undefined;
    if (!found.span.managed && !overwrite) {
        const header = textToUtf8(lines[found.span.start]?.text ?? headerFor(file.kind, name)).trim();
        throw new errors_ProfileFileError(file.path, `section ${header} (line ${found.span.start + 1}) was not written by assume-aws-role`, OVERWRITE_FIX);
    }
    return found.span;
}
/** Writes each profile into both files: a section where it has values, none where it has not. */
function planWrite(files, profiles, options) {
    const all = files.map((file) => ({ file, lines: linesOf(file) }));
    // Refuse before editing anything: every existing section must be ours (or overwrite allowed).
    for (const { file, lines } of all) {
        for (const profile of profiles)
            ownedSection(file, lines, profile.name, options.overwrite);
    }
    return all.map(({ file, lines }) => {
        const eol = eolStyle(lines);
        const sections = {};
        for (const profile of profiles) {
            const span = ownedSection(file, lines, profile.name, true);
            const texts = renderSection(file.kind, profile, options.jobId)?.map(utf8ToText);
            if (texts && span)
                replaceSpan(lines, span, texts, eol);
            else if (texts)
                appendSection(lines, texts, eol);
            else if (span)
                ini_sections_removeSpan(lines, span);
            sections[profile.name] = texts ? written_record_sectionHash(texts.join(eol)) : null;
        }
        for (const [name, hash] of Object.entries(sections))
            assertWritten(file, lines, name, hash);
        return { ...file, newText: ini_lines_joinLines(lines), sections };
    });
}
/** Postcondition: both parsers now find exactly the section we meant (or none). */
function assertWritten(file, lines, name, hash) {
    const found = ini_sections_findProfileSection(lines, ini_views_readLineViews(lines), file.kind, name);
    const ok = hash === null
        ? found.found === 'none'
        : found.found === 'one' && found.span.managed && written_record_sectionHash(ini_sections_spanText(lines, found.span)) === hash;
    if (!ok)
        throw new Error(`internal: profile '${name}' did not come out as planned in ${file.path}`);
}
/** Removes the recorded sections that still hold exactly what was written; warns about the rest. */
function plan_edits_planRemoval(file, sections) {
    const warnings = [];
    const lines = linesOf(file);
    for (const [name, hash] of Object.entries(sections)) {
        if (hash === null)
            continue;
        const where = `profile '${name}' in ${file.path}`;
        const found = findProfileSection(lines, readLineViews(lines), file.kind, name);
        if (found.found === 'none')
            warnings.push(`${where} is already gone`);
        else if (found.found === 'problem')
            warnings.push(`${where} left in place: ${found.problem}`);
        else if (sectionHash(spanText(lines, found.span)) !== hash) {
            warnings.push(`${where} left in place: it changed after assume-aws-role wrote it`);
        }
        else
            removeSpan(lines, found.span);
    }
    return { ...file, newText: joinLines(lines), warnings };
}

;// CONCATENATED MODULE: ./build/profiles/shared-files.js
/** The two shared files as this module handles them: absolute, distinct, each with its own fix text. */



const shared_files_fixFor = (kind) => `Set ${kind === 'credentials' ? CREDENTIALS_FILE_VAR : CONFIG_FILE_VAR} to the real file's path ` +
    '(not a path through a symbolic link)';
function sharedFiles(paths) {
    const credentials = (0,external_node_path_.resolve)(paths.credentialsFile);
    const config = (0,external_node_path_.resolve)(paths.configFile);
    if (credentials === config) {
        throw new errors_ProfileFileError(credentials, 'is both the credentials file and the config file', `Point ${CREDENTIALS_FILE_VAR} and ${CONFIG_FILE_VAR} at two different files`);
    }
    return [
        { path: credentials, kind: 'credentials', fix: shared_files_fixFor('credentials') },
        { path: config, kind: 'config', fix: shared_files_fixFor('config') },
    ];
}

;// CONCATENATED MODULE: ./build/profiles/remove-profiles.js
/**
 * Cleanup (the post step): removes exactly the sections a record wrote, if they still hold exactly what was
 * written, then the files and directories the record created if nothing else is left in them. Warns about
 * everything else and leaves it alone.
 */








const hasSections = (file) => Object.values(file.sections).some((hash) => hash !== null);
/** Returns warnings; throws only when a file cannot be handled safely (a symlink, a lock held too long). */
async function removeProfiles(record, options = {}) {
    const { files, createdDirs } = checkWrittenProfiles(record);
    const warnings = [];
    const present = [];
    for (const file of files) {
        if (await checkDirectory(file.path, fixFor(file.kind)))
            present.push(file);
        else if (hasSections(file))
            warnings.push(`${file.path} is already gone (its directory no longer exists)`);
    }
    await withFileLocks(present.map((file) => file.path), options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, async (assertHeld) => {
        for (const file of present)
            await recoverFile(file.path);
        const plans = [];
        for (const file of present) {
            const text = await readSharedFile(file.path, fixFor(file.kind));
            if (text === undefined) {
                if (hasSections(file))
                    warnings.push(`${file.path} is already gone`);
                continue;
            }
            try {
                const plan = planRemoval({ path: file.path, kind: file.kind, text }, file.sections);
                warnings.push(...plan.warnings);
                plans.push({ file, plan });
            }
            catch (error) {
                if (!(error instanceof ProfileFileError))
                    throw error;
                warnings.push(`${file.path} left as it is: ${error.message}`);
            }
        }
        const toWrite = plans.filter(({ plan }) => plan.newText !== plan.text);
        await assertHeld();
        await commitFiles(toWrite.map(({ plan }) => ({ target: plan.path, text: plan.newText })), options.onCommitStep);
        // A file this record created and that now holds nothing else goes too.
        for (const { file, plan } of plans) {
            if (file.createdFile && plan.newText === '')
                await ignoreMissing(unlink(file.path));
        }
    });
    for (const dir of [...createdDirs].sort((a, b) => b.length - a.length)) {
        await rmdir(dir).catch(() => undefined); // not empty (or already gone): it stays
    }
    return warnings;
}

;// CONCATENATED MODULE: ./build/profiles/check-profiles.js
/** Refuses, before any file is touched, a list of profiles that could not be written safely. */



function checkProfiles(profiles, jobId) {
    const jobProblem = jobId === undefined ? undefined : validateCommentText('the job id', jobId);
    if (jobProblem)
        throw new InvalidProfileError(jobId ?? '', jobProblem, 'Pass a job id on one line');
    const seen = new Set();
    for (const profile of profiles) {
        const { name } = profile;
        const nameProblem = validate_validateProfileName(name);
        if (nameProblem)
            throw new InvalidProfileError(name, nameProblem, 'Choose another profile name');
        if (seen.has(name))
            throw new InvalidProfileError(name, 'is listed twice', 'List each profile once');
        seen.add(name);
        if (profile.credentials && profile.credentialProcess !== undefined) {
            throw new InvalidProfileError(name, 'has both credentials and a credential_process', 'Write either fixed credentials or a refreshing credential_process');
        }
        const expiration = profile.credentials?.expiration;
        if (expiration !== undefined && Number.isNaN(expiration.getTime())) {
            throw new InvalidProfileError(name, 'has an invalid expiration date', 'Pass a valid Date or none');
        }
        const values = [...sectionValues('credentials', profile), ...sectionValues('config', profile)];
        if (values.length === 0) {
            throw new InvalidProfileError(name, 'has nothing to write', 'Give it credentials, a region or a credential_process');
        }
        for (const [key, value] of values) {
            const problem = validateValue(key, value);
            if (problem)
                throw new InvalidProfileError(name, problem, 'Fix the value; nothing was written');
        }
    }
}

;// CONCATENATED MODULE: ./build/profiles/write-profiles.js
/** Writes named profiles into both shared files, under their locks, both files or neither. */






const changed = (edit) => edit.newText !== (edit.text ?? '');
async function writeProfiles(paths, profiles, options) {
    checkProfiles(profiles, options.jobId);
    const files = sharedFiles(paths);
    const createdDirs = [];
    for (const file of files)
        createdDirs.push(...(await ensureDirectory(file.path, file.fix)));
    const timeout = options.lockTimeoutMs ?? file_lock_DEFAULT_LOCK_TIMEOUT_MS;
    return file_lock_withFileLocks(files.map((file) => file.path), timeout, async (assertHeld) => {
        for (const file of files)
            await atomic_commit_recoverFile(file.path);
        const contents = [];
        for (const file of files)
            contents.push({ ...file, text: await safe_fs_readSharedFile(file.path, file.fix) });
        const edits = planWrite(contents, profiles, options);
        const toWrite = edits.filter(changed);
        await assertHeld();
        await atomic_commit_commitFiles(toWrite.map((edit) => ({ target: edit.path, text: edit.newText })), options.onCommitStep);
        return {
            version: 1,
            files: edits.map((edit) => ({
                path: edit.path,
                kind: edit.kind,
                createdFile: edit.text === undefined && changed(edit),
                sections: edit.sections,
            })),
            createdDirs,
        };
    });
}

;// CONCATENATED MODULE: ./build/profiles/index.js










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

;// CONCATENATED MODULE: ./build/run/refresh-command.js

/**
 * The `credential_process` line for a profile: the bundled CLI, asked for the same chain in `process`
 * format with its cache on. Settings are already validated, so no value holds CR or LF.
 */
function refreshCommand(settings, profile, runtime) {
    const args = [
        runtime.nodePath,
        runtime.cliPath,
        '--format',
        'process',
        '--cache',
        '--source',
        runtime.source,
    ];
    const option = (name, value) => {
        if (value !== undefined)
            args.push(`--${name}`, String(value));
    };
    for (const roleArn of [...settings.roleArns, ...profile.roleArns])
        option('role-arn', roleArn);
    option('session-name', settings.sessionName);
    option('duration', settings.durationSeconds);
    option('region', settings.region);
    option('sts-endpoint', settings.stsEndpoint);
    if (runtime.source === 'oidc')
        option('audience', settings.audience);
    if (runtime.source === 'web-identity' && settings.webIdentityTokenFile !== undefined) {
        const path = runtime.platform === 'win32' ? external_node_path_.win32 : external_node_path_.posix;
        option('web-identity-token-file', path.resolve(runtime.cwd ?? process.cwd(), settings.webIdentityTokenFile));
    }
    option('external-id', settings.externalId);
    option('source-identity', settings.sourceIdentity);
    for (const tag of settings.sessionTags)
        option('tag', `${tag.key}=${tag.value}`);
    for (const key of settings.transitiveTagKeys)
        option('transitive-tag-key', key);
    if (settings.inlineSessionPolicy !== undefined)
        option('policy', withoutWhitespace(settings.inlineSessionPolicy));
    for (const arn of settings.managedSessionPolicies)
        option('policy-arn', arn);
    return args.map((arg) => (runtime.platform === 'win32' ? windowsQuote(arg) : posixQuote(arg))).join(' ');
}
/**
 * The compact policy with every whitespace character (all inside JSON strings) written as a \u escape: the
 * same document to any JSON parser, but no ' ;' or ' #' that the JS SDK's INI parser would cut off as a
 * comment, so every valid policy can go into the profile.
 */
function withoutWhitespace(policy) {
    return policy.replace(/\s/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** Single quotes read the same to sh (the JS SDK) and to shlex (botocore). */
function posixQuote(arg) {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
function windowsQuote(arg) {
    return /^[\w@%+=:,./\\-]+$/.test(arg) ? arg : `"${arg.replaceAll('"', '\\"')}"`;
}

;// CONCATENATED MODULE: ./build/action/write-action-profiles.js







/** Writes the profiles into the shared files and records them in the state for the post step's cleanup. */
async function writeActionProfiles(settings, obtained, env) {
    const paths = sharedFilePaths(env, env.HOME || (0,external_node_os_.homedir)());
    const runtime = {
        nodePath: process.execPath,
        // The runner starts dist/main.js; the CLI bundle sits beside it.
        cliPath: (0,external_node_path_.join)((0,external_node_path_.dirname)(process.argv[1] ?? '.'), 'cli.js'),
        source: obtained.source.name,
        platform: process.platform,
        cwd: process.cwd(),
    };
    const profiles = profilesToWrite(settings, obtained, (target) => refreshCommand(settings, target, runtime));
    const record = await writeProfiles(paths, profiles, {
        overwrite: settings.overwriteProfile,
        jobId: [env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('/'),
    });
    core/* saveState */.LZ(constants/* State */.Uw.writtenProfiles, JSON.stringify(record));
    core/* info */.pq(`wrote profile(s) ${profiles.map((profile) => profile.name).join(', ')} to ${paths.credentialsFile} and ${paths.configFile}`);
    return obtained.profiles.map(({ name, identity }) => ({
        name,
        arn: identity.arn,
        accountId: identity.accountId,
        expiration: settings.refresh ? undefined : identity.credentials.expiration?.toISOString(),
        refresh: settings.refresh,
    }));
}


/***/ })

};
