// The small JSON files of the person's configuration folder (preferences, mapped folders, recent
// catalogues, kept passwords): read as "nothing yet" when missing or unreadable, and written
// whole through a partial file renamed into place, so a crash mid-write never leaves half a file.
import fs from 'node:fs';
import path from 'node:path';

/** The file's JSON, or undefined when it is missing or not JSON. */
export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes `value` as the whole file; `mode` 0o600 for what only its owner may read. */
export function writeJsonFile(file: string, value: unknown, mode?: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(value, null, 2)}\n`, mode === undefined ? {} : { mode });
  fs.renameSync(partial, file);
}
