/**
 * Windows ignores file modes: a file is private only through its ACL. A new credential file or directory
 * gets an ACL with inheritance removed and one entry, full control for the current user's SID:
 *
 *   icacls <path> /inheritance:r /grant:r *<SID>:(F)            (a file)
 *   icacls <path> /inheritance:r /grant:r *<SID>:(OI)(CI)(F)    (a directory: files made in it inherit it)
 *
 * The SID comes from `whoami /user` (not %USERNAME%, which is only an environment variable, and which for
 * a runner service running as NETWORK SERVICE names the machine account). Both tools are run by absolute
 * path under %SystemRoot%\System32, without a shell. On other platforms this does nothing: modes do the job.
 * https://learn.microsoft.com/windows-server/administration/windows-commands/icacls
 */
import { win32 } from 'node:path';
import { type RunTool, runWithActionsExec } from './run-tool.ts';

export type PrivateKind = 'file' | 'directory';

/** A file could not be made private: names the path, the problem and the fix. */
export class AclError extends Error {
  override name = 'AclError';
  readonly path: string;

  constructor(path: string, problem: string, fix: string) {
    super(`${path}: ${problem}. ${fix}`);
    this.path = path;
  }
}

export interface AclDeps {
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  readonly run: RunTool;
}

const SID = /^S-1-\d+(-\d+)+$/;
const DEFAULT_SYSTEM_ROOT = 'C:\\Windows';
const FIX =
  'Check that icacls.exe and whoami.exe run for this account, or write to a directory only you can read';

/** System32 from %SystemRoot%, when that is a plain absolute path; else the default location. */
export function system32(env: NodeJS.ProcessEnv): string {
  const root = env.SystemRoot ?? env.SYSTEMROOT;
  const usable = root !== undefined && /^[A-Za-z]:\\[^"%<>|?*]*$/.test(root);
  return win32.join(usable ? root : DEFAULT_SYSTEM_ROOT, 'System32');
}

/** The current user's SID, as `whoami /user /fo csv /nh` prints it in its last field. */
export async function currentUserSid(deps: AclDeps): Promise<string> {
  const whoami = win32.join(system32(deps.env), 'whoami.exe');
  const result = await deps.run(whoami, ['/user', '/fo', 'csv', '/nh']);
  const sid = /"([^"]*)"\s*$/.exec(result.stdout)?.[1];
  if (result.exitCode !== 0 || sid === undefined || !SID.test(sid)) {
    throw new AclError(whoami, `did not report the current user's SID (exit code ${result.exitCode})`, FIX);
  }
  return sid;
}

/** The icacls arguments that leave `path` readable and writable by `sid` alone. */
export function ownerOnlyArgs(path: string, kind: PrivateKind, sid: string): string[] {
  const rights = kind === 'directory' ? '(OI)(CI)(F)' : '(F)';
  return [path, '/inheritance:r', '/grant:r', `*${sid}:${rights}`];
}

const realDeps = (): AclDeps => ({ platform: process.platform, env: process.env, run: runWithActionsExec });

/** One `whoami` per runner of tools (so per process in real use): the SID does not change while it runs. */
const sids = new WeakMap<RunTool, Promise<string>>();

function cachedSid(deps: AclDeps): Promise<string> {
  let sid = sids.get(deps.run);
  if (sid === undefined) {
    sid = currentUserSid(deps);
    sids.set(deps.run, sid);
    sid.catch(() => sids.delete(deps.run));
  }
  return sid;
}

/**
 * Restricts a file or directory this tool has just created (and not yet filled) to the current user.
 * Does nothing off Windows. Throws AclError when Windows will not apply the ACL: secrets are then not
 * written, rather than written where others may read them.
 */
export async function restrictToOwner(
  path: string,
  kind: PrivateKind,
  deps: AclDeps = realDeps(),
): Promise<void> {
  if (deps.platform !== 'win32') return;
  const sid = await cachedSid(deps);
  const icacls = win32.join(system32(deps.env), 'icacls.exe');
  const result = await deps.run(icacls, ownerOnlyArgs(path, kind, sid));
  if (result.exitCode !== 0) {
    throw new AclError(path, `icacls could not restrict it to you (exit code ${result.exitCode})`, FIX);
  }
}
