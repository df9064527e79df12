// Formats the prebuilt sharp (libvips) cannot open: JPEG 2000 and BMP. Archives do hold them
// (JP2 masters from digitisation projects, BMPs from old Windows scanner software), so they are
// still catalogued: their size is read from the header here, their metadata by readMetadata,
// and their pixels are decoded by Fototar's own decoders (decodeOutsideSharp.ts): BMP in
// JavaScript (bmp-ts), JPEG 2000 by OpenJPEG in WebAssembly (decodeJpeg2000.ts).
import * as bmp from 'bmp-ts';
import { isJp2, readJpeg2000Size } from './jpeg2000Header.ts';

export type HeaderOnlyFormat = 'jp2' | 'j2k' | 'bmp';

export interface HeaderFacts {
  format: HeaderOnlyFormat;
  width: number;
  height: number;
}

/** BMP is decoded whole into memory (4 bytes a pixel): refuse what would not fit comfortably. */
export const MAX_BMP_PIXELS = 100_000_000;

/** Which header-only format the bytes are, by content (never by extension). */
export function sniffHeaderOnlyFormat(input: Buffer): HeaderOnlyFormat | null {
  if (isJp2(input)) return 'jp2';
  if (input.length >= 4 && input.readUInt32BE(0) === 0xff4fff51) return 'j2k';
  if (input.length >= 26 && input.toString('latin1', 0, 2) === 'BM') return 'bmp';
  return null;
}

/**
 * The image size from the header, or a reason the header is damaged. Sizes are checked for
 * sanity (1..2^24 a side) so a fuzzed header is refused, not catalogued with nonsense.
 */
export function readHeaderFacts(input: Buffer, format: HeaderOnlyFormat): HeaderFacts | { damaged: string } {
  const size = format === 'bmp' ? bmpSize(input) : readJpeg2000Size(input);
  if (!size) return { damaged: `file is damaged: it starts like a ${label(format)} but its header cannot be read` };
  const sane = (n: number) => Number.isInteger(n) && n >= 1 && n <= 1 << 24;
  if (!sane(size.width) || !sane(size.height)) {
    return { damaged: `file is damaged: its ${label(format)} header gives an impossible size (${size.width}×${size.height})` };
  }
  return { format, ...size };
}

export function label(format: HeaderOnlyFormat): string {
  return format === 'bmp' ? 'BMP' : format === 'jp2' ? 'JPEG 2000' : 'JPEG 2000 (raw codestream)';
}

/** BITMAPCOREHEADER (OS/2, 16-bit sizes) or BITMAPINFOHEADER and later (negative height: top-down). */
function bmpSize(input: Buffer): { width: number; height: number } | null {
  const headerSize = input.readUInt32LE(14);
  if (headerSize === 12) return { width: input.readUInt16LE(18), height: input.readUInt16LE(20) };
  if (headerSize < 40 || input.length < 26) return null;
  return { width: input.readInt32LE(18), height: Math.abs(input.readInt32LE(22)) };
}

/** BMP pixels as raw RGBA for sharp; throws with a plain reason when they cannot be read. */
export function decodeBmp(input: Buffer): { data: Buffer; width: number; height: number; channels: 4 } {
  const facts = readHeaderFacts(input, 'bmp');
  if ('damaged' in facts) throw new Error(facts.damaged);
  if (facts.width * facts.height > MAX_BMP_PIXELS) {
    throw new Error(`too large to preview: a ${facts.width}×${facts.height} BMP is over the ${MAX_BMP_PIXELS / 1e6} megapixel limit for BMP`);
  }
  let decoded: { data: Buffer; width: number; height: number; bitPP: number };
  try {
    decoded = bmp.decode(input, { toRGBA: true }) as typeof decoded;
  } catch (error) {
    throw new Error(`file is truncated or corrupt (BMP pixel data: ${(error as Error).message})`);
  }
  const { data, width, height } = decoded;
  if (data.length < width * height * 4) throw new Error('file is truncated or corrupt (BMP pixel data is short)');
  // Only 32-bit BMPs can carry alpha; the decoder fills other depths' alpha byte with 0.
  if (decoded.bitPP !== 32 || !hasAlpha(data)) for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { data, width, height, channels: 4 };
}

/** A 32-bit BMP whose alpha bytes are all zero has no alpha in practice (BI_RGB's unused byte). */
function hasAlpha(data: Buffer): boolean {
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
  return false;
}
