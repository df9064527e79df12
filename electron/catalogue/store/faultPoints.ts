// Named steps of backup and restore, for the fault-injection tests (tests/unit/electron/catalogue/store/): they
// kill the real `fototar backup` / `fototar restore` at each step and in between, and check
// that nothing is lost or left behind. Unless FOTOTAR_FAULT is set this does nothing.
//   FOTOTAR_FAULT=pause:<step>  stop at that step (until killed)
//   FOTOTAR_FAULT=slow:<ms>     wait that long at every step (so kills land in between)
// Either way each step is announced on stderr as `fault-point <step>`.
import fs from 'node:fs';

export function faultPoint(step: string): void {
  const setting = process.env.FOTOTAR_FAULT;
  if (!setting) return;
  fs.writeSync(2, `fault-point ${step}\n`);
  // Steps have colons of their own ("restore:renamed"): split at the first one only.
  const colon = setting.indexOf(':');
  const mode = setting.slice(0, colon);
  const value = setting.slice(colon + 1);
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  if (mode === 'pause' && value === step) for (;;) Atomics.wait(sleeper, 0, 0, 60_000);
  if (mode === 'slow') Atomics.wait(sleeper, 0, 0, Number(value) || 0);
}
