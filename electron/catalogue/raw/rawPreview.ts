// A camera RAW file's facts for the catalogue: its size, orientation, EXIF block and the
// largest embedded JPEG that is a real picture, or exactly why there is none. Fototar decodes no
// sensor data: the camera's (or the converter's) own rendering is the preview.
import sharp from 'sharp';
import { sniffRawFormat, RAW_LABELS, type RawFormat } from './rawFormat.ts';
import type { PreviewCandidate, RawLayout } from './rawLayout.ts';
import { tiffRawLayout } from './tiffRawLayout.ts';
import { cr3Layout } from './cr3Layout.ts';
import { rafLayout } from './rafLayout.ts';

/**
 * An embedded image smaller than this on its longer side is a stand-in, not a preview: real
 * cameras' smallest thumbnails are 160×120 (the EXIF/DCF size); test files and stripped RAWs
 * carry 8×8 blank JPEGs in the preview's place.
 */
export const MIN_PREVIEW_EDGE = 64;
/** A preview "JPEG" this short that is not a JPEG is a placeholder ("<Dummy preview image data>"). */
const PLACEHOLDER_BYTES = 1024;

export interface EmbeddedPreview extends PreviewCandidate {
  width: number;
  height: number;
  /** Progressive JPEGs decode whole: the caller checks that against its memory budget. */
  progressive: boolean;
  chromaSubsampling: string | undefined;
}

export interface RawFacts {
  format: RawFormat;
  /** Stored size (before orientation): the sensor image's where the file states it, else the preview's. */
  width: number;
  height: number;
  /** Which of the two the size is. */
  sizeFrom: 'sensor' | 'preview';
  orientation: number | null;
  exif?: Buffer;
  preview: EmbeddedPreview | null;
  /** Why there is no preview (null when there is one). */
  noPreview: string | null;
}

export { sniffRawFormat };

function layoutOf(input: Buffer, format: RawFormat): RawLayout {
  if (format === 'cr3') return cr3Layout(input);
  if (format === 'raf') return rafLayout(input);
  return tiffRawLayout(input, format);
}

type Judged = { candidate: PreviewCandidate; preview: EmbeddedPreview } | { candidate: PreviewCandidate; problem: string };

/** What Fototar does instead, said after every RAW no-preview reason (the UI reads the reasons back by their form). */
const RAW_POLICY = "Fototar shows a RAW file's own preview and does not decode its sensor data";

/** Reads one candidate's JPEG header (libvips, no pixels decoded) and judges it. */
async function judge(input: Buffer, candidate: PreviewCandidate): Promise<Judged> {
  const { offset, length } = candidate;
  if (offset < 0 || length <= 0 || offset >= input.length) return { candidate, problem: `cannot be read (${candidate.where} points outside the file)` };
  const end = Math.min(input.length, offset + length);
  const bytes = input.subarray(offset, end);
  const isJpeg = bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!isJpeg) {
    return { candidate, problem: bytes.length < PLACEHOLDER_BYTES ? `is a placeholder (${bytes.length} bytes)` : `cannot be read (${bytes.length} bytes at ${candidate.where} are not a JPEG image)` };
  }
  try {
    const meta = await sharp(bytes, { failOn: 'none' }).metadata();
    if (meta.format !== 'jpeg' || !meta.width || !meta.height) return { candidate, problem: `cannot be read (${bytes.length} bytes at ${candidate.where} have no image size)` };
    if (Math.max(meta.width, meta.height) < MIN_PREVIEW_EDGE) return { candidate, problem: `is a placeholder (${meta.width}×${meta.height} pixels)` };
    const preview: EmbeddedPreview = { ...candidate, length: bytes.length, width: meta.width, height: meta.height, progressive: !!meta.isProgressive, chromaSubsampling: meta.chromaSubsampling };
    return { candidate, preview };
  } catch (error) {
    // A lossless JPEG (SOF3: Canon's raw data) or a damaged one: not something to show.
    const why = String((error as Error).message).split('\n')[0].replace(/[();]/g, ' ').trim().slice(0, 120);
    return { candidate, problem: `cannot be read (${bytes.length} bytes at ${candidate.where}: ${why})` };
  }
}

export async function rawFacts(input: Buffer, format: RawFormat): Promise<RawFacts> {
  const layout = layoutOf(input, format);
  const judged = await Promise.all(dedupe(layout.candidates).map((c) => judge(input, c)));
  const usable = judged.flatMap((j) => ('preview' in j ? [j.preview] : []));
  // The largest picture; between equals, the larger file (less compressed).
  usable.sort((a, b) => b.width * b.height - a.width * a.height || b.length - a.length);
  const preview = usable[0] ?? null;
  let noPreview: string | null = null;
  if (!preview) {
    // The reason given is that of the largest candidate: the preview proper, not a thumbnail.
    const worst = judged.slice().sort((a, b) => b.candidate.length - a.candidate.length)[0];
    noPreview = worst && 'problem' in worst ? `the RAW file's embedded preview ${worst.problem}; ${RAW_POLICY}` : `the ${RAW_LABELS[format]} file has no embedded preview; ${RAW_POLICY}`;
  }
  // The photo's size is the sensor image's when the file states it (what ExifTool reports as
  // the image size); only when it does not is it the preview's.
  const size = layout.sensor ?? (preview ? { width: preview.width, height: preview.height } : null);
  if (!size) throw new Error(`file is damaged: it starts like a ${RAW_LABELS[format]} file but states no image size and has no readable preview`);
  return { format, ...size, sizeFrom: layout.sensor ? 'sensor' : 'preview', orientation: layout.orientation, exif: layout.exif, preview, noPreview };
}

function dedupe(candidates: PreviewCandidate[]): PreviewCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.offset}:${c.length}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
