// Previews are sRGB. sharp converts images there itself, through their embedded ICC profile
// (CMYK without one through a generic CMYK profile), with the perceptual intent: for CMYK that
// matches Photoshop's default (relative colourimetric with black point compensation) to a level
// on FOGRA39 press files and within a few levels on libvips' generic profile, so it is kept.
// One kind of archival TIFF comes out wrong: 16-bit RGB with a profile. sharp converts it into
// Display P3, not sRGB, and the later `toColourspace('srgb')` only drops the bit depth, so P3
// numbers were shown as sRGB (sRGB 200,60,40 became 184,70,49). Measured against
// `vips icc_transform`; tests/unit/electron/catalogue/thumbnails/colourToSrgb.test.ts.
import type { Metadata, Sharp } from 'sharp';

export type ColourPath = 'icc16';

/** The conversion an image needs beyond sharp's default, from its header; undefined when none. */
export function colourPath(meta: Metadata): ColourPath | undefined {
  return meta.space === 'rgb16' && meta.hasProfile ? 'icc16' : undefined;
}

/** Applies the conversion to a decode pipeline that ends in `toColourspace('srgb')`. */
export function convertToSrgb(image: Sharp, path: ColourPath | undefined): Sharp {
  // From the Display P3 sharp works in for 16-bit images, on to sRGB through ICC. (Not for a
  // 16-bit image without a profile: sharp takes that as sRGB already.)
  return path === 'icc16' ? image.withIccProfile('srgb') : image;
}
