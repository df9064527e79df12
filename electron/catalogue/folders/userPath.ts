// A path a person typed, as the catalogue may use it: `~` and `~/…` are their home folder, and
// a relative path is refused rather than resolved against whatever folder the app was started
// in (which the person cannot see and did not mean).
import os from 'node:os';
import path from 'node:path';
import type { MessageRef } from '../../../shared/errorMessages.ts';

export type UserPath = { ok: true; path: string } | { ok: false; problem: MessageRef };

export function resolveUserPath(typed: string, home: string = os.homedir()): UserPath {
  const text = typed.trim();
  if (!text) return { ok: false, problem: { key: 'pathEmpty' } };
  if (text.includes('\0')) return { ok: false, problem: { key: 'pathNul' } };
  let expanded = text;
  if (text === '~') expanded = home;
  else if (text.startsWith('~/') || (path.sep === '\\' && text.startsWith('~\\'))) expanded = path.join(home, text.slice(2));
  else if (text.startsWith('~')) {
    return { ok: false, problem: { key: 'pathOtherHome', params: { path: text } } };
  }
  if (!path.isAbsolute(expanded)) {
    return { ok: false, problem: { key: path.sep === '\\' ? 'pathRelativeWindows' : 'pathRelative', params: { path: text } } };
  }
  return { ok: true, path: path.resolve(expanded) };
}
