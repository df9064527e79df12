// Reading the decoder fixtures (tests/fixtures/decoders) and checking a preview's colours.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { QUADRANTS, quadrantCentres } from '../../../../fixtures/decoders/quadrants.ts';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/decoders');

export const fixture = (name: string): Buffer => fs.readFileSync(path.join(dir, name));

/** The preview's pixel at each quadrant's centre, as RGB. */
export async function quadrantColours(jpeg: Buffer): Promise<number[][]> {
  const { data, info } = await sharp(jpeg).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return quadrantCentres(info.width, info.height).map(([x, y]) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)]);
}

/** Each quadrant within `tolerance` of its colour (greyscale: of its grey), or a message saying which is not. */
export function colourProblems(found: number[][], tolerance: number, grey = false): string[] {
  return QUADRANTS.flatMap(({ name, rgb, grey: luma }, i) => {
    const want = grey ? [luma, luma, luma] : [...rgb];
    const off = want.some((v, c) => Math.abs(v - found[i][c]) > tolerance);
    return off ? [`${name}: ${found[i].join(',')} (want ${want.join(',')} ±${tolerance})`] : [];
  });
}
