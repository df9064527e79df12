// Animated AVIF (.avifs): an image sequence whose file type box names "avis" as its major brand.
// libvips recognises HEIF files by that brand and does not know "avis", so sharp refuses the file
// outright. Sequences written by libavif (avifenc, browsers' encoders) also carry their first
// frame as an ordinary still image (brand "avif" among the compatible ones, a primary item in
// the meta box): announced as "avif", sharp opens that still, which is the first frame.

/** The file's major brand, when it starts with an ISO media file type box. */
function majorBrand(input: Buffer): string | null {
  return input.length >= 16 && input.toString('latin1', 4, 8) === 'ftyp' ? input.toString('latin1', 8, 12) : null;
}

function compatibleBrands(input: Buffer): string[] {
  const size = input.readUInt32BE(0);
  const brands: string[] = [];
  for (let at = 16; at + 4 <= Math.min(size, input.length); at += 4) brands.push(input.toString('latin1', at, at + 4));
  return brands;
}

export function isAvifSequence(input: Buffer): boolean {
  return majorBrand(input) === 'avis';
}

/**
 * What sharp should be given: the bytes themselves, or for an AVIF sequence with a still image a
 * copy announcing that still. Throws, with the reason, for a sequence that has no still image.
 */
export function openableBySharp(input: Buffer): Buffer {
  if (!isAvifSequence(input)) return input;
  if (!compatibleBrands(input).includes('avif')) {
    throw new Error('no preview for this AVIF sequence: it has frames only and no still image, and this build of Fototar decodes AVIF stills only');
  }
  const copy = Buffer.from(input);
  copy.write('avif', 8, 'latin1');
  return copy;
}
