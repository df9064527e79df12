// What a JPEG 2000 file's headers say before any pixel is decoded: the codestream's SIZ (size,
// components, their precision and subsampling) and COD (how many resolution levels the wavelet
// has), and the JP2 colour specification (an enumerated space or an ICC profile). The decoder
// is chosen and bounded from these: a preview decodes only the resolution level it needs.

export interface Jpeg2000Component {
  /** Bits per sample, 1..38 by the standard; anything over 16 is not a photograph. */
  precision: number;
  signed: boolean;
  /** Subsampling of this component (YCbCr 4:2:0 has 2 for both chroma components). */
  dx: number;
  dy: number;
}

export interface Jpeg2000Header {
  /** Image area on the reference grid: the size is x1 - x0 by y1 - y0. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  components: Jpeg2000Component[];
  /** Wavelet decomposition levels of the main header's COD: how far the image can be reduced on decode. */
  levels: number;
  /** JP2 colour specification: an enumerated space (16 sRGB, 17 greyscale, 18 sYCC, 12 CMYK ...), or an ICC profile. */
  enumeratedColourSpace: number | null;
  icc: Buffer | null;
}

interface Box {
  type: string;
  start: number;
  end: number;
}

/** The boxes between start and end (ISO 15444-1 I.4), or null when a length runs past the end. */
function boxes(input: Buffer, start: number, end: number): Box[] | null {
  const found: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let length = input.readUInt32BE(at);
    let header = 8;
    if (length === 1) {
      if (at + 16 > end) return null;
      length = Number(input.readBigUInt64BE(at + 8));
      header = 16;
    } else if (length === 0) length = end - at;
    if (length < header || at + length > end) {
      // The codestream box may be cut short (a truncated file): keep what there is of it.
      if (input.toString('latin1', at + 4, at + 8) === 'jp2c') found.push({ type: 'jp2c', start: at + header, end });
      else if (found.length === 0) return null;
      return found;
    }
    found.push({ type: input.toString('latin1', at + 4, at + 8), start: at + header, end: at + length });
    at += length;
  }
  return found;
}

/** The JP2 signature box (ISO 15444-1 I.5.1): a JP2 file, as opposed to a raw codestream. */
export const isJp2 = (input: Buffer) => input.length >= 12 && input.readUInt32BE(0) === 12 && input.toString('latin1', 4, 8) === 'jP  ';

/**
 * The image size alone, for the catalogue: the JP2 header box's ihdr (HEIGHT then WIDTH, ISO
 * 15444-1 I.5.3.1) when there is one, else the codestream's SIZ. Leaner than readJpeg2000Header
 * on purpose: a file whose header names its size is catalogued even when its codestream is
 * missing or damaged, and the preview then says what is wrong.
 */
export function readJpeg2000Size(input: Buffer): { width: number; height: number } | null {
  let codestream = 0;
  if (isJp2(input)) {
    const top = boxes(input, 0, input.length);
    if (!top) return null;
    const jp2h = top.find((box) => box.type === 'jp2h');
    const ihdr = jp2h && boxes(input, jp2h.start, jp2h.end)?.find((box) => box.type === 'ihdr');
    if (ihdr && ihdr.end - ihdr.start >= 8) return { height: input.readUInt32BE(ihdr.start), width: input.readUInt32BE(ihdr.start + 4) };
    const jp2c = top.find((box) => box.type === 'jp2c');
    if (!jp2c) return null;
    codestream = jp2c.start;
  }
  // SOC, SIZ, Lsiz, Rsiz, then Xsiz, Ysiz (the far corner) and XOsiz, YOsiz (the offset).
  const at = codestream;
  if (at + 24 > input.length || input.readUInt16BE(at) !== 0xff4f || input.readUInt16BE(at + 2) !== 0xff51) return null;
  return { width: input.readUInt32BE(at + 8) - input.readUInt32BE(at + 16), height: input.readUInt32BE(at + 12) - input.readUInt32BE(at + 20) };
}

/** Parses the headers; a plain reason (without the "damaged" prefix) when they cannot be read. */
export function readJpeg2000Header(input: Buffer): Jpeg2000Header | { problem: string } {
  let codestream = 0;
  let enumeratedColourSpace: number | null = null;
  let icc: Buffer | null = null;
  if (isJp2(input)) {
    const top = boxes(input, 0, input.length);
    if (!top) return { problem: 'its box structure cannot be read' };
    const jp2c = top.find((box) => box.type === 'jp2c');
    if (!jp2c) return { problem: 'it has no codestream box (jp2c)' };
    codestream = jp2c.start;
    const jp2h = top.find((box) => box.type === 'jp2h');
    const colr = jp2h && boxes(input, jp2h.start, jp2h.end)?.find((box) => box.type === 'colr');
    // Only the first colour specification counts (ISO 15444-1 I.5.3.3).
    if (colr && colr.end - colr.start >= 3) {
      const method = input[colr.start];
      if (method === 1 && colr.end - colr.start >= 7) enumeratedColourSpace = input.readUInt32BE(colr.start + 3);
      else if ((method === 2 || method === 3) && colr.end - colr.start > 3 + 128) icc = Buffer.from(input.subarray(colr.start + 3, colr.end));
    }
  }
  return readCodestreamHeader(input, codestream, enumeratedColourSpace, icc);
}

function readCodestreamHeader(input: Buffer, at: number, enumeratedColourSpace: number | null, icc: Buffer | null): Jpeg2000Header | { problem: string } {
  if (at + 4 > input.length || input.readUInt16BE(at) !== 0xff4f || input.readUInt16BE(at + 2) !== 0xff51) {
    return { problem: 'its codestream does not start with the SOC and SIZ markers' };
  }
  if (at + 42 > input.length) return { problem: 'its SIZ marker is cut short' };
  const siz = at + 4;
  const sizLength = input.readUInt16BE(siz);
  const count = input.readUInt16BE(siz + 36);
  if (count < 1 || count > 16384 || sizLength !== 38 + 3 * count || siz + sizLength > input.length) {
    return { problem: 'its SIZ marker is malformed' };
  }
  const components: Jpeg2000Component[] = [];
  for (let i = 0; i < count; i++) {
    const ssiz = input[siz + 38 + 3 * i];
    components.push({ precision: (ssiz & 0x7f) + 1, signed: (ssiz & 0x80) !== 0, dx: input[siz + 39 + 3 * i], dy: input[siz + 40 + 3 * i] });
  }
  // The main header's markers follow SIZ until the first tile (SOT): COD holds the levels.
  let levels: number | null = null;
  let marker = siz + sizLength;
  while (marker + 4 <= input.length) {
    const code = input.readUInt16BE(marker);
    if (code === 0xff90 || code === 0xff93 || (code & 0xff00) !== 0xff00) break;
    const length = input.readUInt16BE(marker + 2);
    if (code === 0xff52 && marker + 9 < input.length) levels = input[marker + 9];
    marker += 2 + length;
  }
  if (levels === null) return { problem: 'its main header has no coding style (COD) marker' };
  return {
    // Lsiz, Rsiz, then Xsiz, Ysiz (the far corner) and XOsiz, YOsiz (the image's offset).
    x0: input.readUInt32BE(siz + 12),
    y0: input.readUInt32BE(siz + 16),
    x1: input.readUInt32BE(siz + 4),
    y1: input.readUInt32BE(siz + 8),
    components,
    levels,
    enumeratedColourSpace,
    icc,
  };
}

/** The image size after dropping `reduce` resolution levels (ISO 15444-1 B.5: ceilings on the grid). */
export function reducedSize(header: Jpeg2000Header, reduce: number): { width: number; height: number } {
  const scale = 2 ** reduce;
  const span = (from: number, to: number) => Math.ceil(to / scale) - Math.ceil(from / scale);
  return { width: span(header.x0, header.x1), height: span(header.y0, header.y1) };
}
