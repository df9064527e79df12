// Whether a process id still names the same process. A pid alone does not: after a crash or a
// reboot the number is given to another program. On Linux /proc/<pid>/stat gives the process's
// start time (clock ticks since boot, field 22), which with the pid identifies one process; on
// other systems only liveness can be checked.
import fs from 'node:fs';

/** Linux's USER_HZ, fixed at 100 on every architecture it supports for /proc. */
const TICKS_PER_SECOND = 100;

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process's start time in clock ticks since boot (Linux), or null where it cannot be read. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself hold spaces or ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19]; // field 22 overall
    return start && /^\d+$/.test(start) ? start : null;
  } catch {
    return null;
  }
}

function bootTimeMs(): number | null {
  try {
    const match = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'));
    return match ? Number(match[1]) * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * True when the process `pid` provably started after `timeMs` (wall clock), so it cannot have
 * done anything at that time. False when it did not, or when that cannot be known.
 */
export function startedAfter(pid: number, timeMs: number): boolean {
  const ticks = processStartTime(pid);
  const boot = bootTimeMs();
  if (ticks === null || boot === null || !Number.isFinite(timeMs)) return false;
  const started = boot + (Number(ticks) * 1000) / TICKS_PER_SECOND;
  // btime is whole seconds and clocks drift: allow a few seconds before calling it later.
  return started > timeMs + 3000;
}
