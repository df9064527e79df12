// HEIC and other HEVC-coded HEIF images decoded by libheif with libde265, built to WebAssembly
// (libheif-js): the prebuilt sharp's libheif has an AV1 decoder only, so AVIF stays with sharp.
// The primary image is decoded whole (HEVC has no smaller level to stop at), rotated and
// mirrored as its irot/imir boxes say, and converted to 8-bit RGB(A) by libheif.
import libheif from 'libheif-js/libheif-wasm/libheif.js';
import sharp from 'sharp';
import type { DecodedPixels } from './decodeJpeg2000.ts';
import { readWasm } from './wasmFile.ts';

/**
 * HEVC has no smaller level to stop at: the image is decoded whole, and held several times over
 * at the peak (the HEVC planes and the RGB image inside libheif, whose WebAssembly memory grows
 * in steps, and the copy handed to sharp). Measured peaks of a worker's process: 12 MP iPhone
 * HEIC +146 MB, 33 MP 10-bit Sony HEIF +412 MB, 50 MP 10-bit +540 MB: about 12.5 bytes a pixel.
 */
export const HEIF_BYTES_PER_PIXEL = 13;
/** Refuse before decoding above this (up to about 34 MP: phones' 12-24 MP, 33 MP cameras). */
export const MAX_HEIF_DECODE_BYTES = 450_000_000;

interface HeifError {
  code: unknown;
  subcode?: unknown;
  message: string;
}
interface HeifChannel {
  width: number;
  height: number;
  stride: number;
  data: Uint8Array;
}
interface HeifDecoded {
  image: unknown;
  channels: HeifChannel[];
}
/** The embind functions used here (libheif-js's own declarations type most results as any). */
interface Libheif {
  heif_context_alloc(): unknown;
  heif_context_free(context: unknown): void;
  heif_context_read_from_memory(context: unknown, bytes: Uint8Array): HeifError;
  heif_js_context_get_primary_image_handle(context: unknown): unknown;
  heif_image_handle_get_width(handle: unknown): number;
  heif_image_handle_get_height(handle: unknown): number;
  heif_image_handle_has_alpha_channel(handle: unknown): number;
  heif_image_handle_release(handle: unknown): void;
  heif_js_decode_image2(handle: unknown, colourspace: unknown, chroma: unknown): Promise<HeifDecoded | HeifError>;
  heif_image_release(image: unknown): void;
  heif_error_code: { heif_error_Ok: unknown };
  heif_colorspace: { heif_colorspace_RGB: unknown };
  heif_chroma: { heif_chroma_interleaved_RGB: unknown; heif_chroma_interleaved_RGBA: unknown };
}

let compiled: WebAssembly.Module | null = null;
let module: Promise<Libheif> | null = null;

/**
 * libheif, instantiated from its compiled code (compiled once per worker). This build of it
 * instantiates synchronously: the hook must hand back the instance's exports at once. Messages
 * it prints (none are expected) must not reach the CLI's stdout.
 */
function load(): Promise<Libheif> {
  compiled ??= new WebAssembly.Module(readWasm('libheif.wasm'));
  const code = compiled;
  const quiet = () => {};
  const instantiateWasm = (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => WebAssembly.Exports) =>
    receive(new WebAssembly.Instance(code, imports), code);
  module ??= (libheif as unknown as (options: object) => Promise<Libheif>)({ instantiateWasm, print: quiet, printErr: quiet });
  return module;
}

/**
 * WebAssembly memory only grows: after a large image the instance is let go (its memory with
 * it), so a worker does not keep the largest decode's memory for the rest of its files.
 */
const KEEP_INSTANCE_BELOW_BYTES = 64_000_000;

const isError = (value: unknown): value is HeifError =>
  !!value && typeof value === 'object' && 'message' in value && 'code' in value && !('channels' in value);

/** libheif's reason, as an archivist reads it. */
function reason(error: HeifError): string {
  const message = String(error.message ?? 'unknown error').replace(/\s+/g, ' ').trim().slice(0, 200);
  if (/compression format has not been built in|no matching decoder|unsupported codec/i.test(message)) {
    return 'HEIF with an unsupported codec: this build of Fototar decodes HEVC (HEIC) and AV1 (AVIF) only';
  }
  if (/no or invalid primary item|no 'pitm'|no pitm/i.test(message)) return `HEIF has no primary image to preview (${message})`;
  return `HEIF is damaged: ${message}`;
}

/** The primary image as 8-bit RGB or RGBA pixels, with its ICC profile when it has one. */
export async function decodeHeif(input: Buffer): Promise<DecodedPixels> {
  const lib = await load();
  const context = lib.heif_context_alloc();
  let handle: unknown = null;
  let decoded: HeifDecoded | null = null;
  let pixels = 0;
  try {
    const read = lib.heif_context_read_from_memory(context, input);
    if (read.code !== lib.heif_error_code.heif_error_Ok) throw new Error(reason(read));
    const primary = lib.heif_js_context_get_primary_image_handle(context);
    if (isError(primary)) throw new Error(reason(primary));
    handle = primary;
    const width = lib.heif_image_handle_get_width(handle);
    const height = lib.heif_image_handle_get_height(handle);
    if (!(width > 0 && height > 0)) throw new Error('HEIF is damaged: its primary image has no size');
    pixels = width * height;
    if (pixels * HEIF_BYTES_PER_PIXEL > MAX_HEIF_DECODE_BYTES) {
      throw new Error(
        `too large to preview: a ${width}×${height} HEIF image is decoded whole, which takes about ${Math.round((pixels * HEIF_BYTES_PER_PIXEL) / 1e6)} MB, ` +
          `over the ${MAX_HEIF_DECODE_BYTES / 1e6} MB a preview may use`,
      );
    }
    const alpha = lib.heif_image_handle_has_alpha_channel(handle) !== 0;
    const channels = alpha ? 4 : 3;
    const result = await lib.heif_js_decode_image2(handle, lib.heif_colorspace.heif_colorspace_RGB, alpha ? lib.heif_chroma.heif_chroma_interleaved_RGBA : lib.heif_chroma.heif_chroma_interleaved_RGB);
    if (isError(result) || !result?.channels?.length) throw new Error(reason(isError(result) ? result : { code: null, message: 'the decoder returned no image' }));
    decoded = result;
    // The plane lives in the decoder's memory: copy it out row by row (rows may be padded).
    const plane = result.channels[0];
    const row = plane.width * channels;
    const data = Buffer.allocUnsafe(row * plane.height);
    for (let y = 0; y < plane.height; y++) data.set(plane.data.subarray(y * plane.stride, y * plane.stride + row), y * row);
    return { data, width: plane.width, height: plane.height, channels, icc: await iccProfile(input) };
  } finally {
    if (decoded) lib.heif_image_release(decoded.image);
    if (handle) lib.heif_image_handle_release(handle);
    lib.heif_context_free(context);
    if (pixels * HEIF_BYTES_PER_PIXEL > KEEP_INSTANCE_BELOW_BYTES) module = null;
  }
}

/** The primary image's ICC profile (an iPhone's Display P3), as sharp's libheif reads it from the header. */
async function iccProfile(input: Buffer): Promise<Buffer | null> {
  try {
    return (await sharp(input).metadata()).icc ?? null;
  } catch {
    return null;
  }
}
