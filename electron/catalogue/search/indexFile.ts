// The persisted base index (search-index.bin in the catalogue folder), so opening a catalogue
// loads the index instead of rebuilding it: one read, typed-array views onto the bytes, no
// per-posting parsing (200,000 photos load in well under a second; Lunr's JSON took 3.3 s).
//
// Layout: "FTSIDX02", u32 header length, header JSON (format, seq, counts, terms, facet
// dictionary, sections), then each section's bytes at an 8-byte aligned offset.
// Written to a temporary file and renamed, so a crash leaves the old index or the new one.
import fs from 'node:fs';
import type { BaseIndex } from './searchIndex.ts';
import { identityOf, PhraseTextFile, type FileIdentity } from './phraseTextFile.ts';

// 3: each photo's marks (rating, flag, label); 4: a hierarchical tag's levels are kept apart in
// the phrase text (searchDocument.ts). An index of an earlier format is rebuilt once.
const MAGIC = 'FTSIDX04';
export const INDEX_FORMAT = 4;

type ArrayKey = 'termStart' | 'termDf' | 'postDoc' | 'postScore' | 'postMask' | 'docId' | 'fortepanId' | 'yearFrom' | 'yearTo' | 'donor' | 'placeStart' | 'placeVals' | 'tagStart' | 'tagVals' | 'marks' | 'textStart' | 'text';

const ARRAYS: Record<ArrayKey, new (buffer: ArrayBuffer, offset: number, length: number) => ArrayLike<number>> = {
  termStart: Uint32Array,
  termDf: Uint32Array,
  postDoc: Int32Array,
  postScore: Float32Array,
  postMask: Uint16Array,
  docId: Int32Array,
  fortepanId: Int32Array,
  yearFrom: Int16Array,
  yearTo: Int16Array,
  donor: Int32Array,
  placeStart: Uint32Array,
  placeVals: Int32Array,
  tagStart: Uint32Array,
  tagVals: Int32Array,
  marks: Uint8Array,
  textStart: Uint32Array,
  text: Uint8Array,
};

interface Header {
  format: number;
  seq: number;
  terms: string[];
  dict: string[];
  sections: { name: ArrayKey; offset: number; length: number }[];
}

const align = (n: number) => (n + 7) & ~7;

export function writeIndexFile(file: string, base: BaseIndex): void {
  const names = Object.keys(ARRAYS) as ArrayKey[];
  const sections: Header['sections'] = [];
  // Offsets are relative to the end of the header block; the header is measured first.
  let offset = 0;
  const text = base.text ?? base.textFile!.readAll();
  for (const name of names) {
    const array = (name === 'text' ? text : base[name]) as unknown as ArrayBufferView;
    sections.push({ name, offset, length: (array as unknown as ArrayLike<number>).length });
    offset = align(offset + array.byteLength);
  }
  const header: Header = { format: INDEX_FORMAT, seq: base.seq, terms: base.terms, dict: base.dict, sections };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const dataStart = align(8 + 4 + headerBytes.length);
  const head = Buffer.alloc(12);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(headerBytes.length, 8);
  // Each section is written from its own array at its place: no copy of the whole index in
  // memory first (540 MB at a million photos, and a second of copying in the builder).
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  try {
    fs.writeSync(fd, head, 0, 12, 0);
    fs.writeSync(fd, headerBytes, 0, headerBytes.length, 12);
    for (const section of sections) {
      const array = (section.name === 'text' ? text : base[section.name]) as unknown as ArrayBufferView;
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done, dataStart + section.offset + done);
    }
    // The gaps between sections read as zeros; the file ends where the last section's padding does.
    fs.ftruncateSync(fd, dataStart + offset);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(temporary, file);
}

/** The bytes of an index file before its phrase text: what opening needs. */
export interface IndexBytes {
  file: string;
  /** The file read (its phrase text is read from it later, and only from it). */
  identity: FileIdentity;
  header: string;
  dataStart: number;
  /** The sections before the text, 8-byte aligned (transferable to the worker). */
  data: ArrayBuffer;
  /** False when the posting lists in `data` are still to be read (see BaseIndex.ensurePostings). */
  postingsLoaded: boolean;
}

function textSectionOf(header: Header) {
  return header.sections.find((s) => s.name === 'text');
}

/** The section table, found at the end of the header's JSON without parsing all of it. */
function sectionsIn(header: string): Header['sections'] | null {
  const at = header.lastIndexOf('"sections":');
  if (at < 0) return null;
  try {
    return JSON.parse(header.slice(at + '"sections":'.length, -1)) as Header['sections'];
  } catch {
    return null;
  }
}

const POSTING_SECTIONS = ['postDoc', 'postScore', 'postMask'] as const;

/**
 * Reads an index file's header and sections (not the phrase text) without blocking the thread:
 * the main process starts this at open, in parallel with the worker loading its code, and
 * hands the bytes over. Null when there is no usable file.
 */
export async function readIndexBytes(file: string): Promise<IndexBytes | null> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch {
    return null;
  }
  try {
    const identity = identityOf(await handle.stat());
    const head = Buffer.alloc(12);
    if ((await handle.read(head, 0, 12, 0)).bytesRead < 12 || head.toString('latin1', 0, 8) !== MAGIC) return null;
    const headerLength = head.readUInt32LE(8);
    const headerBytes = Buffer.alloc(headerLength);
    if ((await handle.read(headerBytes, 0, headerLength, 12)).bytesRead < headerLength) return null;
    const header = headerBytes.toString('utf8');
    // Only the section table is needed here; parsing the whole header (every term) is the
    // worker's job, not the main thread's.
    const sections = sectionsIn(header);
    const text = sections?.find((x) => x.name === 'text');
    const postDoc = sections?.find((x) => x.name === 'postDoc');
    const docId = sections?.find((x) => x.name === 'docId');
    if (!text || !postDoc || !docId) return null;
    const dataStart = align(12 + headerLength);
    // The buffer has room for every section before the text, but the posting lists (half the
    // file) are left unread: the worker reads each term's lists when a query first needs them
    // and the rest in the background. Opening reads the term table and the per-photo columns.
    const data = new ArrayBuffer(text.offset);
    const bytes = new Uint8Array(data);
    if ((await handle.read(bytes, 0, postDoc.offset, dataStart)).bytesRead < postDoc.offset) return null;
    const rest = text.offset - docId.offset;
    if ((await handle.read(bytes, docId.offset, rest, dataStart + docId.offset)).bytesRead < rest) return null;
    return { file, identity, header, dataStart, data, postingsLoaded: false };
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** The base index from its bytes, or null when they are not a usable index. */
export function parseIndexBytes(bytes: IndexBytes): BaseIndex | null {
  try {
    const header = JSON.parse(bytes.header) as Header;
    const textSection = textSectionOf(header);
    if (header.format !== INDEX_FORMAT || !textSection) return null;
    const arrays = {} as Record<ArrayKey, ArrayLike<number>>;
    for (const section of header.sections) {
      const Type = ARRAYS[section.name];
      if (!Type) return null;
      if (section.name !== 'text') arrays[section.name] = new Type(bytes.data, section.offset, section.length);
    }
    const text = new PhraseTextFile(bytes.file, bytes.identity, bytes.dataStart + textSection.offset, textSection.length, arrays.textStart as Uint32Array);
    const base: BaseIndex = {
      ...(arrays as unknown as Omit<BaseIndex, 'terms' | 'dict' | 'seq' | 'text'>),
      terms: header.terms,
      dict: header.dict,
      seq: header.seq,
      text: null,
      textFile: text,
    };
    if (base.termStart.length !== base.terms.length + 1 || base.textStart.length !== base.docId.length + 1) return null;
    if (!bytes.postingsLoaded) lazyPostings(base, bytes.file, bytes.dataStart, header.sections);
    return base;
  } catch {
    return null;
  }
}

/** The persisted base read synchronously (the background rebuild's swap), or null. */
export function readIndexFile(file: string): BaseIndex | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const identity = identityOf(fs.fstatSync(fd));
    const head = Buffer.alloc(12);
    if (fs.readSync(fd, head, 0, 12, 0) < 12 || head.toString('latin1', 0, 8) !== MAGIC) return null;
    const headerLength = head.readUInt32LE(8);
    const headerBytes = Buffer.alloc(headerLength);
    if (fs.readSync(fd, headerBytes, 0, headerLength, 12) < headerLength) return null;
    const header = headerBytes.toString('utf8');
    const text = textSectionOf(JSON.parse(header) as Header);
    if (!text) return null;
    const dataStart = align(12 + headerLength);
    const data = new ArrayBuffer(text.offset);
    if (fs.readSync(fd, new Uint8Array(data), 0, text.offset, dataStart) < text.offset) return null;
    return parseIndexBytes({ file, identity, header, dataStart, data, postingsLoaded: true });
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Posting lists read on demand: `ensurePostings(r0, r1)` reads the lists of terms r0..r1-1 (one
 * contiguous stretch per section: a prefix's terms are neighbours) unless read already, and
 * `readPostingsInBackground` reads them all without blocking the thread.
 */
function lazyPostings(base: BaseIndex, file: string, dataStart: number, sections: Header['sections']): void {
  const loaded = new Uint8Array(base.terms.length);
  let all = false;
  const views = POSTING_SECTIONS.map((name) => {
    const section = sections.find((x) => x.name === name)!;
    const array = base[name];
    return { bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength), position: dataStart + section.offset, size: array.BYTES_PER_ELEMENT };
  });
  base.ensurePostings = (r0, r1) => {
    if (all) return;
    let first = r0;
    while (first < r1 && loaded[first]) first++;
    if (first >= r1) return;
    const from = base.termStart[first];
    const to = base.termStart[r1];
    if (to > from) {
      const fd = fs.openSync(file, 'r');
      try {
        for (const v of views) fs.readSync(fd, v.bytes, from * v.size, (to - from) * v.size, v.position + from * v.size);
      } finally {
        fs.closeSync(fd);
      }
    }
    loaded.fill(1, first, r1);
  };
  postingReaders.set(base, async () => {
    const handle = await fs.promises.open(file, 'r');
    try {
      for (const v of views) await handle.read(v.bytes, 0, v.bytes.length, v.position);
    } finally {
      await handle.close();
    }
    all = true;
  });
}

const postingReaders = new WeakMap<BaseIndex, () => Promise<void>>();

/** Reads a lazily opened base's posting lists off the thread; afterwards none is read again. */
export async function readPostingsInBackground(base: BaseIndex): Promise<void> {
  await postingReaders.get(base)?.();
}
