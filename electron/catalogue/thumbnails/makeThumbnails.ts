// Makes the grid thumbnail and the large preview from one decode: sharp shrinks on load to the
// preview size, applies the EXIF orientation, and the grid thumbnail is cut from that preview.
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { readHeaderFacts, sniffHeaderOnlyFormat } from './formatsWithoutSharp.ts';
import { sniffFormat } from '../ingest/sniffFormat.ts';
import { openOutsideSharp } from './decodeOutsideSharp.ts';
import { openableBySharp } from './avifSequence.ts';
import { rawImageFacts, sniffRawFormat } from '../raw/rawImageFacts.ts';
import { colourPath, convertToSrgb, type ColourPath } from './colourToSrgb.ts';
import { composeTurns, isUpright, turnOfExif, UPRIGHT, type Turn } from '../../../shared/orientation.ts';

export const PREVIEW_EDGE = 1600;
export const GRID_EDGE = 320;
export { MAX_INPUT_PIXELS } from './pixelLimits.ts';
import { MAX_INPUT_PIXELS } from './pixelLimits.ts';
/**
 * Most images decode in strips at a fraction of their size (shrink-on-load, sequential access),
 * but a progressive JPEG is decoded whole: libjpeg keeps every DCT coefficient (2 bytes a
 * sample) until the last scan, and an interlaced PNG is held whole as pixels. A 502-byte
 * progressive JPEG declaring 14000×14000 took 760 MB. Such images get a preview only when that
 * whole-image buffer fits this budget, so two workers stay within a few hundred MB.
 */
export const MAX_WHOLE_DECODE_BYTES = 200_000_000;

export interface ImageFacts {
  /** Displayed size, after orientation. */
  width: number;
  height: number;
  format: string;
  pageCount: number | null;
  /** EXIF orientation 1-8 as sharp read it, or as the metadata had it when sharp did not. */
  orientation: number | null;
  /** True when sharp itself knows the orientation (and applies it); false when we must. */
  sharpOrients: boolean;
  /** The metadata blocks sharp found, for formats exifr cannot read itself. */
  embedded: { exif?: Buffer; xmp?: Buffer; iptc?: Buffer };
  /** Who decodes the pixels: sharp, one of our decoders (decodeOutsideSharp.ts), or nobody (the reason is `noPreview`). */
  decoder: 'sharp' | 'bmp' | 'jpeg2000' | 'heif' | 'none';
  noPreview: string | null;
  /** Progressive JPEG or interlaced PNG: what decoding it whole takes, in bytes; else null. */
  wholeDecode: { kind: string; bytes: number } | null;
  /** A camera RAW file: the embedded JPEG (its place in the file and its stored size) that is decoded instead. */
  embeddedPreview?: { offset: number; length: number; width: number; height: number };
  /** 16-bit RGB with an ICC profile: taken on to sRGB in its own way (colourToSrgb.ts). */
  colourPath?: ColourPath;
}

/** Formats the prebuilt sharp cannot decode at all, recognised by their first bytes. */
function undecodableFormat(input: Buffer): string | null {
  if (input.length >= 12 && input.toString('latin1', 4, 8) === 'ftyp' && /^(jxl |avc|mp4|iso|M4V|qt  )/.test(input.toString('latin1', 8, 12))) {
    return `a video or non-image ISO media file (brand "${input.toString('latin1', 8, 12).trim()}")`;
  }
  if (input.length >= 12 && input.readUInt32BE(0) === 12 && input.toString('latin1', 4, 8) === 'JXL ') return 'JPEG XL';
  return null;
}

/** Formats sharp does decode: a file that starts like one but cannot be opened is damaged. */
function damagedFormat(input: Buffer): string | null {
  const head = input.toString('latin1', 0, 4);
  if (head === 'II*\0' || head === 'MM\0*' || head === 'II+\0' || head === 'MM\0+') return 'TIFF';
  if (input[0] === 0xff && input[1] === 0xd8) return 'JPEG';
  if (head === '\x89PNG') return 'PNG';
  if (head === 'RIFF' && input.toString('latin1', 8, 12) === 'WEBP') return 'WebP';
  if (head === 'GIF8') return 'GIF';
  return null;
}

/** Reads the header only; throws a plain-language error for what sharp cannot open. */
export async function imageFacts(input: Buffer): Promise<ImageFacts> {
  // Camera RAW before sharp: libvips would open a TIFF-based RAW as a TIFF and show its
  // first directory (a thumbnail or a placeholder) as the photo.
  const rawFormat = sniffRawFormat(input);
  if (rawFormat) {
    const raw = await rawImageFacts(input, rawFormat);
    return withOrientation(raw, raw.orientation, false);
  }
  // JPEG 2000 and BMP: sharp cannot open them, so the header alone gives the size.
  const headerOnly = sniffHeaderOnlyFormat(input);
  if (headerOnly) {
    const header = readHeaderFacts(input, headerOnly);
    if ('damaged' in header) throw new Error(header.damaged);
    return {
      width: header.width,
      height: header.height,
      format: header.format,
      pageCount: null,
      orientation: null,
      sharpOrients: false,
      embedded: {},
      decoder: header.format === 'bmp' ? 'bmp' : 'jpeg2000',
      noPreview: null,
      wholeDecode: null,
    };
  }
  let meta: Metadata;
  try {
    meta = await sharp(openableBySharp(input), { failOn: 'none', limitInputPixels: false }).metadata();
  } catch (error) {
    const format = /unsupported image format/i.test((error as Error)?.message ?? '') ? undecodableFormat(input) : null;
    if (format?.startsWith('a video')) throw new Error(`not an image: ${format}`);
    if (format) throw new Error(`no decoder for ${format} images in this build of Fototar`);
    const damaged = /unsupported image format/i.test((error as Error)?.message ?? '') ? damagedFormat(input) : null;
    if (damaged) throw new Error(`file is damaged: it starts like a ${damaged} but its structure cannot be read`);
    throw new Error(describeSharpError(error));
  }
  return sharpFacts(meta);
}

/** The facts of an image sharp opened, from its header. */
function sharpFacts(meta: Metadata): ImageFacts {
  if (!meta.width || !meta.height) throw new Error('image has no dimensions');
  const format = meta.format === 'heif' ? (meta.compression === 'av1' ? 'avif' : 'heic') : (meta.format ?? 'unknown');
  return withOrientation(
    {
      width: meta.width,
      height: meta.height,
      format,
      pageCount: meta.pages && meta.pages > 1 ? meta.pages : null,
      orientation: null,
      sharpOrients: false,
      embedded: { exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc },
      // HEIF other than AV1 is decoded by libheif in WebAssembly: the prebuilt sharp's libheif has AV1 only.
      decoder: format === 'heic' ? 'heif' : 'sharp',
      noPreview: null,
      wholeDecode: wholeDecode(meta),
      colourPath: colourPath(meta),
    },
    meta.orientation ?? null,
    true,
  );
}

/**
 * The facts of a JPEG or PNG file, from its header, so that sharp can then decode it by its path
 * (libvips reads it in strips; no copy of the whole file in JavaScript's memory, none to collect).
 * Null for any other file and for one sharp cannot open: imageFacts, on the file read whole,
 * handles those and gives the reason.
 */
export async function imageFactsByPath(file: string): Promise<ImageFacts | null> {
  // The ingest's sniff decides what the first bytes are (one home for the signatures).
  const head = Buffer.alloc(16);
  const fd = fsSync.openSync(file, 'r');
  let length: number;
  try {
    length = fsSync.readSync(fd, head, 0, head.length, 0);
  } finally {
    fsSync.closeSync(fd);
  }
  const sniffed = sniffFormat(head.subarray(0, length), path.basename(file));
  if (sniffed.kind !== 'image' || (sniffed.format !== 'jpeg' && sniffed.format !== 'png')) return null;
  try {
    const facts = sharpFacts(await sharp(file, { failOn: 'none', limitInputPixels: false }).metadata());
    return facts.decoder === 'sharp' ? facts : null;
  } catch {
    return null;
  }
}

/** Samples per pixel of a JPEG after chroma subsampling ("4:2:0" keeps a quarter of each chroma plane). */
function jpegSamplesPerPixel(meta: Metadata): number {
  const channels = meta.channels ?? 3;
  switch (meta.chromaSubsampling) {
    case '4:2:0': return 1.5;
    case '4:2:2': return 2;
    case '4:2:0:4': return 2.5;
    case '4:2:2:4': return 3;
    default: return channels;
  }
}

/** The whole-image buffer a progressive JPEG or an interlaced PNG needs (see MAX_WHOLE_DECODE_BYTES). */
function wholeDecode(meta: Metadata): ImageFacts['wholeDecode'] {
  if (!meta.isProgressive || !meta.width || !meta.height) return null;
  const pixels = meta.width * meta.height;
  if (meta.format === 'jpeg') return { kind: 'progressive JPEG', bytes: Math.ceil(pixels * jpegSamplesPerPixel(meta) * 2) };
  if (meta.format === 'png') {
    const bytesPerSample = meta.depth === 'ushort' ? 2 : 1;
    return { kind: 'interlaced PNG', bytes: pixels * (meta.channels ?? 4) * bytesPerSample };
  }
  return null;
}

/**
 * Applies an EXIF orientation to stored facts: displayed width and height swap for 5-8.
 * HEIF is oriented by its own irot/imir boxes, which the decoder applies; an EXIF orientation
 * inside a HEIF file only repeats them and is not applied again.
 */
export function withOrientation(facts: ImageFacts, orientation: number | null, bySharp: boolean): ImageFacts {
  if (facts.format === 'heic' || facts.format === 'avif') return { ...facts, orientation: null, sharpOrients: false };
  const valid = orientation !== null && orientation >= 1 && orientation <= 8 ? orientation : null;
  const rotated = valid !== null && valid >= 5;
  return {
    ...facts,
    width: rotated ? facts.height : facts.width,
    height: rotated ? facts.width : facts.height,
    orientation: valid,
    sharpOrients: bySharp && valid !== null,
  };
}

/** JPEG settings comparable to vipsthumbnail's (no extra Huffman pass), at our qualities. */
const PREVIEW_JPEG = { quality: 82, optimiseCoding: false } as const;
const GRID_JPEG = { quality: 78, optimiseCoding: false } as const;

export interface Thumbnails {
  preview: Buffer;
  grid: Buffer;
  /** The image could be read only in part (truncated or damaged): what the preview lacks. */
  warning: string | null;
}

/**
 * The picture decoded by the decoder its format needs (sharp; ours for BMP, JPEG 2000 and HEIF; a
 * camera RAW's embedded preview), turned upright and in sRGB: the one way previews, exported
 * copies and the loupe's full-size render open a file. `edge`: the long side needed, so a decoder
 * that can decode smaller (JPEG 2000's resolution levels) does. `turn`: the person's rotation and
 * flip (shared/orientation.ts), applied after the file's own orientation; thumbnails made at
 * ingest are upright by the file alone (the person's turn is applied to them when served).
 * `input`: the file read whole, or its path when imageFactsByPath gave the facts.
 */
export async function openUpright(input: Buffer | string, facts: ImageFacts, edge: number, failOn: 'truncated' | 'none' = 'none', turn: Turn = UPRIGHT): Promise<Sharp> {
  let image: Sharp;
  if (typeof input === 'string') {
    if (facts.decoder !== 'sharp' || facts.embeddedPreview) throw new Error('only a picture sharp decodes itself is opened by its path');
    image = sharp(input, { failOn, limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true });
  } else if (facts.decoder === 'bmp' || facts.decoder === 'jpeg2000' || facts.decoder === 'heif') {
    image = await openOutsideSharp(input, facts.decoder, edge);
  } else {
    const embedded = facts.embeddedPreview;
    const source = embedded ? input.subarray(embedded.offset, embedded.offset + embedded.length) : input;
    image = sharp(openableBySharp(source), { failOn, limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true });
  }
  // sharp does one rotation per pipeline (a later rotate() replaces an earlier one): the file's
  // orientation and the person's turn are composed into one turn, never chained.
  if (isUpright(turn)) image = facts.sharpOrients ? image.rotate() : orient(image, facts.orientation);
  else image = applyTurn(image, composeTurns(turnOfExif(facts.orientation), turn));
  return convertToSrgb(image, facts.colourPath);
}

/**
 * Both thumbnails from ONE decode: libvips shrinks on load (a JPEG is decoded at 1/2, 1/4 or 1/8
 * size when that still covers the preview), orients and resizes to the preview into raw pixels;
 * the preview is encoded from those pixels and the grid thumbnail is resized from them.
 */
export async function renderThumbnails(input: Buffer, facts: ImageFacts): Promise<Thumbnails> {
  if (facts.noPreview) throw new Error(facts.noPreview);
  const embedded = facts.embeddedPreview;
  const source = embedded ? input.subarray(embedded.offset, embedded.offset + embedded.length) : input;
  const decoded = embedded ?? facts;
  if (decoded.width * decoded.height > MAX_INPUT_PIXELS) {
    throw new Error(`too large to preview: ${decoded.width}×${decoded.height} pixels is over the ${MAX_INPUT_PIXELS / 1e6} megapixel limit`);
  }
  if (facts.wholeDecode && facts.wholeDecode.bytes > MAX_WHOLE_DECODE_BYTES) {
    const megapixels = Math.round((facts.width * facts.height) / 1e6);
    throw new Error(
      `too large to preview (${facts.wholeDecode.kind}, ${megapixels} MP): it can only be decoded whole, which takes about ` +
        `${Math.round(facts.wholeDecode.bytes / 1e6)} MB, over the ${MAX_WHOLE_DECODE_BYTES / 1e6} MB a preview may use`,
    );
  }
  const decode = async (failOn: 'truncated' | 'none') =>
    (await openUpright(input, facts, PREVIEW_EDGE, failOn))
      .resize(PREVIEW_EDGE, PREVIEW_EDGE, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  let pixels: { data: Buffer; info: OutputInfo };
  let warning: string | null = null;
  try {
    try {
      // Strict first, so a file that ends early is noticed; then whatever can be read of it.
      pixels = await decode('truncated');
    } catch (strict) {
      if (facts.decoder !== 'sharp') throw strict;
      pixels = await decode('none');
      warning = incompleteImage(source, strict);
    }
  } catch (error) {
    // Our own decoders' reasons are already plain; libvips' are translated.
    if (facts.decoder !== 'sharp') throw new Error((error as Error).message);
    throw new Error(describeSharpError(error));
  }
  const { width, height, channels } = pixels.info;
  const raw = { raw: { width, height, channels } };
  const [preview, grid] = await Promise.all([
    sharp(pixels.data, raw).jpeg(PREVIEW_JPEG).toBuffer(),
    sharp(pixels.data, raw).resize(GRID_EDGE, GRID_EDGE, { fit: 'inside', withoutEnlargement: true }).jpeg(GRID_JPEG).toBuffer(),
  ]);
  return { preview, grid, warning };
}

export async function writeThumbnails(thumbnails: Thumbnails, previewFile: string, gridFile: string): Promise<void> {
  await fs.mkdir(path.dirname(previewFile), { recursive: true });
  // Write then rename: a crash never leaves a half-written thumbnail under the final name.
  await writeAtomically(previewFile, thumbnails.preview);
  await writeAtomically(gridFile, thumbnails.grid);
}

export async function makeThumbnails(input: Buffer, facts: ImageFacts, previewFile: string, gridFile: string): Promise<void> {
  await writeThumbnails(await renderThumbnails(input, facts), previewFile, gridFile);
}

/** An orientation sharp does not know (a PNG eXIf chunk after the image data). */
function orient(image: Sharp, orientation: number | null): Sharp {
  return applyTurn(image, turnOfExif(orientation));
}

/**
 * Turns the pixels as shared/orientation.ts means a turn: rotate clockwise, then mirror. sharp
 * mirrors (flop) BEFORE it rotates, whatever order they are called in, so a mirrored turn is
 * given as the same picture's other spelling: mirror, then rotate the other way. (Calling
 * rotate(90).flop() for EXIF 5 gave EXIF 7's picture.)
 */
function applyTurn(image: Sharp, turn: Turn): Sharp {
  const rotation = turn.flipped ? (360 - turn.rotation) % 360 : turn.rotation;
  const mirrored = turn.flipped ? image.flop() : image;
  return rotation ? mirrored.rotate(rotation) : mirrored;
}

async function writeAtomically(file: string, data: Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await fs.writeFile(temporary, data);
  await fs.rename(temporary, file);
}

const JPEG_EOI = Buffer.from([0xff, 0xd9]);
const PNG_IEND = Buffer.from('IEND', 'latin1');

/** True when a JPEG or PNG lacks its end marker (EOI, IEND): the file was cut short. */
export function endsEarly(input: Buffer): boolean {
  if (input[0] === 0xff && input[1] === 0xd8) {
    // Zero padding after the end marker is common and harmless. A long trailer of other data
    // (some phones append one) also reads as "ends early": that costs a fresh decode instead of
    // reused thumbnails, and the warning itself comes only from the decoder stopping early.
    let end = input.length;
    while (end > 2 && input[end - 1] === 0x00) end--;
    return input.subarray(Math.max(0, end - 1024), end).lastIndexOf(JPEG_EOI) < 0;
  }
  if (input.toString('latin1', 0, 4) === '\x89PNG') return input.lastIndexOf(PNG_IEND) < 0;
  return false;
}

/** What the preview of a partly readable image lacks, for the photo's preview warning. */
function incompleteImage(input: Buffer, error: unknown): string {
  const message = firstLine((error as Error)?.message ?? String(error));
  if (endsEarly(input) || /premature end|truncated|unexpected end|end of file|read error/i.test(message)) {
    return `truncated: the file ends before the image does, so the preview shows only the part that could be read (${message})`;
  }
  return `damaged: part of the image could not be decoded, so the preview may show grey where it is missing (${message})`;
}

/** Turns libvips' messages into reasons an archivist can read. */
export function describeSharpError(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  if (/unsupported image format/i.test(message)) return 'not an image format Fototar can read';
  if (/pixel limit/i.test(message)) return 'image dimensions exceed the pixel limit (possible decompression bomb)';
  if (/compression format has not been built in/i.test(message)) return 'no decoder for this HEIC/HEVC image on this system';
  if (/no meta box|heif: Invalid input/i.test(message)) return `damaged HEIF file (${firstLine(message)})`;
  if (/premature end|truncated|unexpected end|end of file|Corrupt/i.test(message)) return `file is truncated or corrupt (${firstLine(message)})`;
  return firstLine(message);
}

/** The informative line of a libvips message: its retry noise ("source: bad seek") skipped. */
function firstLine(message: string): string {
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
  const meaningful = lines.filter((line) => !/^source: bad seek/.test(line));
  return (meaningful.length > 1 ? meaningful[meaningful.length - 1] : (meaningful[0] ?? lines[0] ?? 'unknown error')).slice(0, 300);
}
