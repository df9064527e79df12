// A team catalogue's originals as this computer reaches them (shared/originalRoots.ts): checking
// stats each original where this computer finds it, and leaves alone the ones in a named folder it
// has not mapped, or whose folder is not there now (the share not mounted, the NAS asleep): whether
// those are there is another computer's to say, never "missing" for the whole team because one
// computer cannot see them. A relink records the new file as the team records it. Stands where the store's own
// OriginalsRecords stands, for originals/originalFiles.ts.
import fs from 'node:fs';
import type { OriginalsRecords, Relink } from '../store/originalsRecords.ts';
import { fileOnThisComputer, reachableHere, recordedFile, type RootOnThisComputer } from '../../../shared/originalRoots.ts';

export class OriginalsOnThisComputer implements OriginalsRecords {
  readonly #records: OriginalsRecords;
  readonly #roots: readonly RootOnThisComputer[];

  constructor(records: OriginalsRecords, roots: readonly RootOnThisComputer[]) {
    this.#records = records;
    this.#roots = roots;
  }

  isOpen(): boolean {
    return this.#records.isOpen();
  }

  /** The next photos this computer can check, each at its path here (pages of none are read past). */
  async filesAfter(afterId: number, limit: number): Promise<{ id: number; file: string; missing: boolean }[]> {
    // The named folders reachable now: a mapped folder that is not there is a share not mounted.
    const roots = this.#roots.map((root) => ({ ...root, local: root.local !== null && isFolderNow(root.local) ? root.local : null }));
    for (let after = afterId; ; ) {
      const rows = await this.#records.filesAfter(after, limit);
      if (!rows.length) return [];
      const here = rows.filter((row) => reachableHere(row.file, roots)).map((row) => ({ ...row, file: fileOnThisComputer(row.file, roots) }));
      if (here.length) return here;
      after = rows[rows.length - 1]!.id;
    }
  }

  async setMissing(flips: readonly { id: number; missing: boolean }[]): Promise<void> {
    await this.#records.setMissing(flips);
  }

  async byFile(file: string): Promise<{ id: number } | null> {
    return await this.#records.byFile(recordedFile(file, this.#roots));
  }

  async relink(moves: readonly Relink[], now: string): Promise<void> {
    await this.#records.relink(
      moves.map((move) => ({ ...move, file: recordedFile(move.file, this.#roots) })),
      now,
    );
  }
}

function isFolderNow(folder: string): boolean {
  return fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
