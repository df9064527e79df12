// A path a person typed, as the catalogue may use it: `~` and `~/…` are their home folder, and
// a relative path is refused rather than resolved against whatever folder the app was started
// in (which the person cannot see and did not mean).
import os from 'node:os';
import path from 'node:path';

export type UserPath = { ok: true; path: string } | { ok: false; error: string };

export function resolveUserPath(typed: string, home: string = os.homedir()): UserPath {
  const text = typed.trim();
  if (!text) return { ok: false, error: 'Type the path of a folder, for example ~/Pictures.' };
  if (text.includes('\0')) return { ok: false, error: 'A path cannot contain a NUL character.' };
  let expanded = text;
  if (text === '~') expanded = home;
  else if (text.startsWith('~/') || (path.sep === '\\' && text.startsWith('~\\'))) expanded = path.join(home, text.slice(2));
  else if (text.startsWith('~')) {
    return { ok: false, error: `“${text}”: only your own home folder can be written as ~ (type ~/… or the full path).` };
  }
  if (!path.isAbsolute(expanded)) {
    return { ok: false, error: `“${text}” is a relative path: type the full path (starting with ${path.sep === '\\' ? 'a drive, such as C:\\' : '/'}) or one starting with ~.` };
  }
  return { ok: true, path: path.resolve(expanded) };
}
