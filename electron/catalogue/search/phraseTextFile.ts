// A loaded index's phrase text, read from its file when a phrase needs it instead of being held
// in memory. The text is two-fifths of the index file (207 MB of 540 at a million photos) and
// only phrase queries read it; kept resident it put the index over its memory budget. The
// operating system's page cache keeps it warm without counting against the app.
//
// Photos are read a block at a time (BLOCK_SLOTS neighbours, under a megabyte), and the last few
// blocks are kept: a phrase query checks its candidates in slot order, so each block is read
// once per query. The file is opened per block and never held open, so nothing stops the
// index file being replaced (a rebuild renames a new one over it; on Windows an open file
// cannot be replaced). The file's identity is checked at every read: text from another file
// is never returned as this one's.
import fs from 'node:fs';

const BLOCK_SLOTS = 4096;
const KEPT_BLOCKS = 4;
const decoder = new TextDecoder();

/** Which file the index was read from: text is read only from the same one. */
export interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
}

export function identityOf(stat: Pick<fs.Stats, 'size' | 'mtimeMs' | 'ino'>): FileIdentity {
  return { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
}

export class PhraseTextFile {
  readonly #file: string;
  readonly #position: number;
  readonly #length: number;
  readonly #textStart: Uint32Array;
  readonly #identity: FileIdentity;
  /** Block number → the bytes of its slots' text; oldest first (Map keeps insertion order). */
  readonly #blocks = new Map<number, Uint8Array>();

  /**
   * `identity`: the file as it was when the index was read from it; `position`, `length`: where
   * the text section lies in it; `textStart`: each slot's offset in the section.
   */
  constructor(file: string, identity: FileIdentity, position: number, length: number, textStart: Uint32Array) {
    this.#file = file;
    this.#identity = identity;
    this.#position = position;
    this.#length = length;
    this.#textStart = textStart;
  }

  /** One slot's folded phrase text. */
  text(slot: number): string {
    const block = Math.floor(slot / BLOCK_SLOTS);
    let bytes = this.#blocks.get(block);
    if (bytes) {
      this.#blocks.delete(block);
    } else {
      const first = block * BLOCK_SLOTS;
      const last = Math.min(first + BLOCK_SLOTS, this.#textStart.length - 1);
      bytes = this.#read(this.#textStart[first], this.#textStart[last] - this.#textStart[first]);
      if (this.#blocks.size >= KEPT_BLOCKS) this.#blocks.delete(this.#blocks.keys().next().value!);
    }
    this.#blocks.set(block, bytes);
    const base = this.#textStart[block * BLOCK_SLOTS];
    return decoder.decode(bytes.subarray(this.#textStart[slot] - base, this.#textStart[slot + 1] - base));
  }

  /** The whole text section, for writing the index again or before its file is replaced. */
  readAll(): Uint8Array {
    return this.#read(0, this.#length);
  }

  #read(offset: number, length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    const fd = fs.openSync(this.#file, 'r');
    try {
      if (!sameFile(this.#identity, fs.fstatSync(fd))) throw new Error('the search index file was replaced while in use; the index is read again at the next change');
      if (fs.readSync(fd, bytes, 0, length, this.#position + offset) < length) throw new Error('the search index file is shorter than its header says');
    } finally {
      fs.closeSync(fd);
    }
    return bytes;
  }
}

function sameFile(identity: FileIdentity, stat: fs.Stats): boolean {
  return identity.size === stat.size && identity.mtimeMs === stat.mtimeMs && identity.ino === stat.ino;
}
