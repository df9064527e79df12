// The formats the prebuilt sharp cannot decode, decoded by Fototar's own decoders and handed
// to sharp as pixels: BMP (bmp-ts), JPEG 2000 (OpenJPEG, from pdf.js) and HEIC (libheif).
import sharp, { type Sharp } from 'sharp';
import { decodeBmp } from './formatsWithoutSharp.ts';
import type { DecodedPixels } from './decodeJpeg2000.ts';
import { tiffWithProfile } from './tiffWithProfile.ts';

export type OwnDecoder = 'bmp' | 'jpeg2000' | 'heif';

/** The decoded pixels; JPEG 2000 is decoded at the smallest stored resolution that still covers `edge`. */
export async function decodeOutsideSharp(input: Buffer, decoder: OwnDecoder, edge: number): Promise<DecodedPixels> {
  if (decoder === 'bmp') return { ...decodeBmp(input), icc: null };
  // The WebAssembly decoders (their JavaScript is several hundred KB) are loaded the first time
  // such a file comes: a worker that only ever sees JPEGs (an export, most ingests) starts without.
  if (decoder === 'jpeg2000') return (await import('./decodeJpeg2000.ts')).decodeJpeg2000(input, edge);
  return (await import('./decodeHeif.ts')).decodeHeif(input);
}

/** The image as sharp input: raw pixels, or pixels with their ICC profile for sharp to convert to sRGB. */
export async function openOutsideSharp(input: Buffer, decoder: OwnDecoder, edge: number): Promise<Sharp> {
  const { data, width, height, channels, icc } = await decodeOutsideSharp(input, decoder, edge);
  if (icc && fitsChannels(icc, channels)) return sharp(tiffWithProfile(data, width, height, channels, icc));
  return sharp(data, { raw: { width, height, channels } });
}

/** An ICC profile applies only to pixels of its own colour space (header bytes 16-19). */
function fitsChannels(icc: Buffer, channels: number): boolean {
  const space = icc.length >= 128 ? icc.toString('latin1', 16, 20) : '';
  return channels >= 3 ? space === 'RGB ' : space === 'GRAY';
}
