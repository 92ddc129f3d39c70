/**
 * When a process started, from the system, to tell a lock's owner from a later process that was given
 * the same pid. Linux only (/proc); elsewhere undefined, and a lock of a reused pid waits out its age.
 */
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node runs on

export function processStartMs(pid: number): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    // Field 22 (starttime, in ticks since boot) comes after the command name, which may hold spaces: ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(bootSeconds)) return undefined;
    return bootSeconds * 1000 + (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
