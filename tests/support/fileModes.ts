// Running a command that is held to file modes even when the tests run as root. Root ignores
// a folder's missing write bit through two capabilities (CAP_DAC_OVERRIDE, and CAP_FOWNER for
// changing modes back); `setpriv` (util-linux, on every Linux system) starts the command as
// root still, so it reaches the same Node and sources wherever the clone lives (a 0700 folder
// included, which a switch to "nobody" cannot enter), but without those capabilities.
const DROPPED = ['dac_override', 'dac_read_search', 'fowner'];

/** `command args…` as a [command, args] pair that honours file modes for root too. */
export function honouringFileModes(command: string, args: readonly string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, [...args]];
  const caps = DROPPED.map((cap) => `-${cap}`).join(',');
  // Both sets: the bounding set stops exec from granting root the capability again, the
  // inheritable set stops it being passed on.
  return ['setpriv', [`--bounding-set=${caps}`, `--inh-caps=${caps}`, '--', command, ...args]];
}
