// JPEG 2000 (JP2, JPX, JPF files and raw J2K codestreams) decoded by OpenJPEG, as pdf.js builds
// it to WebAssembly (pdfjs-dist). A JPEG 2000 image holds its lower resolutions inside it: a
// preview decodes only the level just above the preview size, so a 100-megapixel master costs
// a few megapixels of memory. pdf.js scales 16-bit samples to 8 bits and expands palettes;
// sYCC is turned into RGB here, and an ICC profile goes with the pixels for sharp to apply.
import { JpxImage, setVerbosityLevel, VerbosityLevel } from 'pdfjs-dist/image_decoders/pdf.image_decoders.mjs';
import { readJpeg2000Header, reducedSize, type Jpeg2000Header } from './jpeg2000Header.ts';
import { readWasm } from './wasmFile.ts';

export interface DecodedPixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  /** The ICC profile the pixels are in; none means sRGB (or greyscale). */
  icc: Buffer | null;
}

/**
 * OpenJPEG keeps every sample of the decoded level as a 32-bit integer, and pdf.js returns an
 * 8-bit copy: refuse a decode that would take more than this (the same budget as a whole-image
 * JPEG decode in makeThumbnails.ts).
 */
export const MAX_JPEG2000_DECODE_BYTES = 200_000_000;
/** Bytes a decoded sample costs: 4 inside OpenJPEG, 1 in the 8-bit result, 1 more as it is copied out. */
const BYTES_PER_SAMPLE = 6;
/** sYCC and CMYK in the JP2 colour specification box (ISO 15444-1 Table I.10, ISO 15444-2 Table M.25). */
const SYCC = 18;
const CMYK = 12;

let configured = false;

function decoder(): JpxImage {
  if (!configured) {
    // No network and no fetch of file: URLs: the binary is handed over from disk. Read here, so
    // a build without it says so (pdf.js would only say "OpenJPEG failed to initialize").
    const wasm = readWasm('openjpeg.wasm');
    JpxImage.setOptions({
      useWasm: true,
      useWorkerFetch: false,
      getHandler: () => ({ sendWithPromise: async () => wasm }),
    });
    // OpenJPEG's warnings would go to the console (the CLI's stdout); failures come back as errors.
    setVerbosityLevel(VerbosityLevel.ERRORS);
    configured = true;
  }
  return JpxImage.instance;
}

/** The header, or an error saying how the file is damaged. */
export function jpeg2000Header(input: Buffer): Jpeg2000Header {
  const header = readJpeg2000Header(input);
  if ('problem' in header) throw new Error(`JPEG 2000 is damaged: ${header.problem}`);
  const deep = header.components.findIndex((component) => component.precision > 16);
  if (deep >= 0) {
    throw new Error(`JPEG 2000 is damaged: component ${deep + 1} claims ${header.components[deep].precision}-bit samples (a photograph has at most 16)`);
  }
  return header;
}

/** How many resolution levels can be dropped while the image still covers `edge` on its long side. */
export function reductionFor(header: Jpeg2000Header, edge: number): number {
  let reduce = 0;
  while (reduce < header.levels) {
    const next = reducedSize(header, reduce + 1);
    if (Math.max(next.width, next.height) < edge) break;
    reduce++;
  }
  return reduce;
}

/** The image at the smallest stored resolution that still covers `edge` pixels on its long side. */
export async function decodeJpeg2000(input: Buffer, edge: number): Promise<DecodedPixels> {
  const header = jpeg2000Header(input);
  const reduce = reductionFor(header, edge);
  const { width, height } = reducedSize(header, reduce);
  const samples = width * height * header.components.length;
  if (samples * BYTES_PER_SAMPLE > MAX_JPEG2000_DECODE_BYTES) {
    throw new Error(
      `too large to preview: this ${header.x1 - header.x0}×${header.y1 - header.y0} JPEG 2000 stores no resolution below ${width}×${height}, ` +
        `which takes about ${Math.round((samples * BYTES_PER_SAMPLE) / 1e6)} MB to decode, over the ${MAX_JPEG2000_DECODE_BYTES / 1e6} MB a preview may use`,
    );
  }
  const jpx = decoder();
  let decoded: Uint8ClampedArray;
  try {
    decoded = await jpx.decode(input, { reducePower: reduce });
  } catch (error) {
    const message = plain((error as Error).message);
    if (/failed to initialize/i.test(message)) throw new Error(`the JPEG 2000 decoder could not start in this build of Fototar (${message})`);
    throw new Error(`JPEG 2000 is damaged: ${message}`);
  } finally {
    // A large decode leaves OpenJPEG's memory grown to its size: start afresh next time.
    if (samples * BYTES_PER_SAMPLE > 64_000_000) JpxImage.cleanup();
  }
  const channels = decoded.length / (width * height);
  if (channels !== 1 && channels !== 2 && channels !== 3 && channels !== 4) {
    throw new Error(`JPEG 2000 is damaged: it decodes to ${decoded.length} samples, which do not fit ${width}×${height} pixels`);
  }
  if (header.enumeratedColourSpace === CMYK && channels === 4) {
    // Four channels would pass for RGB and alpha: wrong colours are worse than none.
    throw new Error('no preview for a CMYK JPEG 2000: its decoder in this build returns CMYK samples, which Fototar does not convert');
  }
  const data = Buffer.from(decoded.buffer, decoded.byteOffset, decoded.length);
  if (header.enumeratedColourSpace === SYCC && channels >= 3) syccToRgb(data, channels);
  return { data, width, height, channels, icc: header.icc };
}

/** sYCC (IEC 61966-2-1 Amendment 1: full-range BT.601) to sRGB, in place; OpenJPEG leaves it to the application. */
function syccToRgb(data: Buffer, channels: number): void {
  const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
  for (let i = 0; i < data.length; i += channels) {
    const y = data[i];
    const cb = data[i + 1] - 128;
    const cr = data[i + 2] - 128;
    data[i] = clamp(y + 1.402 * cr);
    data[i + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr);
    data[i + 2] = clamp(y + 1.772 * cb);
  }
}

/** OpenJPEG's messages, on one line. */
function plain(message: string): string {
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.join('; ').slice(0, 200) || 'the decoder could not read it';
}
