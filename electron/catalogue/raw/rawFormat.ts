// Which camera RAW format a file is, from its bytes (never its name). Most RAW formats are TIFF
// inside, and libvips would open them as TIFF and show their first directory (a 160-pixel
// thumbnail, or a few bytes of nothing) as if it were the photo: they must be recognised first.
import { TIFF_TAG, TiffStructure } from './tiffStructure.ts';

export type RawFormat = 'dng' | 'cr2' | 'cr3' | 'nef' | 'arw' | 'orf' | 'raf' | 'rw2' | 'raw';

export const RAW_LABELS: Record<RawFormat, string> = {
  dng: 'DNG',
  cr2: 'Canon CR2',
  cr3: 'Canon CR3',
  nef: 'Nikon NEF',
  arw: 'Sony ARW',
  orf: 'Olympus ORF',
  raf: 'Fujifilm RAF',
  rw2: 'Panasonic RW2',
  raw: 'camera RAW',
};

/** Colour filter array and linear raw: the photometric interpretations only sensor data has. */
const SENSOR_PHOTOMETRIC = new Set([32803, 34892]);
/** Compressions only raw sensor data uses (Nikon NEF, Sony ARW, Panasonic, Pentax, Kodak). */
const SENSOR_COMPRESSION = new Set([32767, 32769, 32770, 34316, 34713, 65000, 65535]);

export function sniffRawFormat(input: Buffer): RawFormat | null {
  if (input.length < 16) return null;
  if (input.toString('latin1', 0, 16) === 'FUJIFILMCCD-RAW ') return 'raf';
  if (input.toString('latin1', 4, 12) === 'ftypcrx ') return 'cr3';
  const head = input.toString('latin1', 0, 4);
  if (head === 'IIU\0') return 'rw2';
  if (head === 'IIRO' || head === 'IIRS' || head === 'MMOR') return 'orf';
  if (head !== 'II*\0' && head !== 'MM\0*') return null;
  if (input.toString('latin1', 8, 11) === 'CR\x02') return 'cr2';
  const tiff = TiffStructure.at(input);
  if (!tiff) return null;
  const directories = tiff.directories();
  const ifd0 = directories[0];
  if (!ifd0) return null;
  if (ifd0.entries.has(TIFF_TAG.DngVersion)) return 'dng';
  // An ordinary TIFF from a scanner may well say "Nikon" (a Coolscan): only sensor data makes a RAW.
  const sensorData = directories.some(
    (d) => SENSOR_PHOTOMETRIC.has(tiff.number(d.entries.get(TIFF_TAG.Photometric)) ?? 0) || SENSOR_COMPRESSION.has(tiff.number(d.entries.get(TIFF_TAG.Compression)) ?? 0),
  );
  if (!sensorData) return null;
  const make = tiff.text(ifd0.entries.get(TIFF_TAG.Make)).toUpperCase();
  if (make.startsWith('NIKON')) return 'nef';
  if (make.startsWith('SONY')) return 'arw';
  if (make.startsWith('CANON')) return 'cr2';
  if (make.startsWith('OLYMPUS') || make.startsWith('OM DIGITAL')) return 'orf';
  return 'raw';
}
