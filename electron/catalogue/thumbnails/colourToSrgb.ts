// Previews are sRGB. sharp converts most images there itself, through their embedded ICC
// profile, but two kinds of archival TIFF come out wrong by its defaults (measured against
// `vips icc_transform` and LittleCMS's tificc, which agree with each other):
// - 16-bit RGB with a profile: sharp converts it into Display P3, not sRGB, and a later
//   `toColourspace('srgb')` only drops the bit depth, so P3 numbers are shown as sRGB
//   (sRGB 200,60,40 became 184,70,49);
// - CMYK: sharp converts with the perceptual intent into libvips' v4 sRGB profile, which shifts
//   a v2 CMYK profile's colours (a sepia 150,120,90 became 146,115,72). libvips' own CMYK
//   conversion (colourimetric, through the embedded profile or a generic CMYK one when there
//   is none) gives 148,119,84, as the reference renders do.
import type { Metadata, Sharp } from 'sharp';

export type ColourPath = 'cmyk' | 'icc16';

/** The conversion an image needs beyond sharp's default, from its header; undefined when none. */
export function colourPath(meta: Metadata): ColourPath | undefined {
  if (meta.space === 'cmyk') return 'cmyk';
  if (meta.space === 'rgb16' && meta.hasProfile) return 'icc16';
  return undefined;
}

/** Applies the conversion to a decode pipeline that ends in `toColourspace('srgb')`. */
export function convertToSrgb(image: Sharp, path: ColourPath | undefined): Sharp {
  // CMYK stays CMYK through the resize; the final sRGB conversion is libvips' colourimetric one.
  if (path === 'cmyk') return image.pipelineColourspace('cmyk');
  // From the Display P3 sharp works in for 16-bit images, on to sRGB through ICC.
  if (path === 'icc16') return image.withIccProfile('srgb');
  return image;
}
