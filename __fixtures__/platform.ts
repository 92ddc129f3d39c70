/**
 * Why a test cannot run here, for node:test's `{ skip }` (false where it can). A test that needs a thing
 * this OS lacks is reported as skipped with its reason, never passed silently.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const WINDOWS = process.platform === 'win32';
const PYTHON = '/usr/bin/python3';
let botocore: boolean | undefined;

export const skipOn = {
  /** Modes 0600/0700 and uids: Windows has neither (its ACL is tested with a faked icacls). */
  posixModes: (): string | false => WINDOWS && 'Windows has no POSIX file modes or uids',
  /** Symlinks: creating one on Windows needs a privilege or developer mode that runners do not grant. */
  symlinks: (): string | false => WINDOWS && 'creating a symlink on Windows needs a privilege',
  /** /bin/sh runs a credential_process the way the JS SDK and Go do on POSIX. */
  posixShell: (): string | false =>
    WINDOWS && 'needs /bin/sh (Windows runs credential_process through cmd.exe)',
  /** POSIX signals: on Windows, kill() ends a process at once and nothing can pass a signal on. */
  signals: (): string | false => WINDOWS && 'Windows has no signals for the CLI to pass on',
  /** Debian's python3-botocore at /usr/bin/python3, as .ci/run installs it. */
  botocore: (): string | false => {
    botocore ??= existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import botocore']).status === 0;
    return !botocore && "needs Debian's python3-botocore at /usr/bin/python3";
  },
  /** AWS CLI v2 at /usr/bin/aws, as .ci/run installs it. */
  awsCli: (): string | false => !existsSync('/usr/bin/aws') && 'needs AWS CLI v2 at /usr/bin/aws',
};
