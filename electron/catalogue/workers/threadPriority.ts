// Work nobody waits for at this moment — the opening check of the database, a backup's integrity
// check — runs in worker threads at a lower CPU priority, so that on a two-core laptop the window
// the person scrolls (and the server answering it) is scheduled first. At a million photos the
// opening check alone is about 16 s of a core; at normal priority it halved the CPU the grid got
// in the first seconds after opening (scripts/bench-grid.ts).
//
// Linux schedules threads, and setpriority() on a thread's id sets that thread's nice value only
// (no privilege is needed to lower one's own priority). Node has no thread id, so the thread reads
// it from /proc/thread-self. On macOS and Windows there is no per-thread setpriority to reach from
// Node: the snippet does nothing there, and the work runs as before.

/** The nice value of background threads: below the window's and the server's (0), above idle. */
export const BACKGROUND_NICE = 10;

/**
 * Source code a worker runs first (workers given as a string, as databaseCheck.ts's): lowers the
 * calling thread's own priority where the system allows it, and does nothing where it does not.
 */
export const LOWER_THREAD_PRIORITY_SOURCE = `
if (process.platform === 'linux') {
  try {
    const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0) require('node:os').setPriority(tid, ${BACKGROUND_NICE});
  } catch {}
}
`;
