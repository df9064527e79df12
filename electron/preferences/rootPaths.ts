// Where this computer reaches each team catalogue's named folders of originals
// (shared/originalRoots.ts): "Szkennelések" of the Fortepan catalogue is \\nas\scans here. This
// computer's own, never the catalogue's, so each archivist maps once for their own machine. A
// small JSON file beside the preferences, by catalogue identity, written atomically; a missing
// or unreadable file is "nothing mapped yet".
import fs from 'node:fs';
import path from 'node:path';
import { readJsonFile, writeJsonFile } from './jsonFile.ts';

type Mapped = Record<string, Record<string, string>>;

export class RootPaths {
  readonly file: string;

  constructor(configDirectory: string) {
    this.file = path.join(configDirectory, 'original-roots.json');
  }

  #readAll(): Mapped {
    const parsed = readJsonFile(this.file);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const out: Mapped = {};
    for (const [catalogue, roots] of Object.entries(parsed)) {
      if (typeof roots !== 'object' || roots === null) continue;
      out[catalogue] = Object.fromEntries(Object.entries(roots).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    }
    return out;
  }

  /**
   * Tells `onChange` whenever the mapping is written (by `fototar roots map` while the app runs);
   * answers a stop. The folder is watched, as the file is replaced, never written in place.
   */
  watch(onChange: () => void): () => void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const name = path.basename(this.file);
      const watcher = fs.watch(path.dirname(this.file), { persistent: false }, (_event, changed) => {
        if (changed === null || changed === name) onChange();
      });
      watcher.on('error', () => watcher.close());
      return () => watcher.close();
    } catch {
      return () => {}; // a folder that cannot be watched: the mapping is read at the next opening
    }
  }

  /** The named folders of catalogue `catalogueId` this computer has mapped: name → its path here. */
  read(catalogueId: string): Record<string, string> {
    return this.#readAll()[catalogueId] ?? {};
  }

  /** Maps `name` of catalogue `catalogueId` to `local` on this computer (null: forget it). */
  write(catalogueId: string, name: string, local: string | null): Record<string, string> {
    const all = this.#readAll();
    const roots = { ...(all[catalogueId] ?? {}) };
    if (local === null) delete roots[name];
    else roots[name] = local;
    all[catalogueId] = roots;
    writeJsonFile(this.file, all);
    return roots;
  }
}
