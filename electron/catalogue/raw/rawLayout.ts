// What a RAW file holds that a catalogue needs, located but not decoded: its embedded JPEG
// previews, the sensor image's size, its orientation and, for formats exifr cannot read (CR3,
// RAF), its EXIF as one TIFF block. One reader per container (TIFF, ISO media, Fujifilm).

export interface PreviewCandidate {
  /** Absolute offset and byte length of the embedded image in the file. */
  offset: number;
  length: number;
  /** Where it was found, e.g. "SubIFD1", "PRVW box", "IFD1 thumbnail" (for messages and tests). */
  where: string;
}

export interface RawLayout {
  candidates: PreviewCandidate[];
  /** The sensor image's size as stored (before orientation), when the file states it. */
  sensor: { width: number; height: number } | null;
  /** EXIF orientation 1-8 of the photo, or null. */
  orientation: number | null;
  /** The EXIF as a TIFF block, for readMetadata, when exifr cannot read the file itself. */
  exif?: Buffer;
}

/** A size only when both sides are plausible (1..65535): fuzzed values are no size. */
export function plausibleSize(width: number | null | undefined, height: number | null | undefined): { width: number; height: number } | null {
  const ok = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
  return ok(width) && ok(height) ? { width, height } : null;
}

/** The larger (by area) of two sizes. */
export function largerSize(a: RawLayout['sensor'], b: RawLayout['sensor']): RawLayout['sensor'] {
  if (!a) return b;
  if (!b) return a;
  return b.width * b.height > a.width * a.height ? b : a;
}

export function validOrientation(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && value >= 1 && value <= 8 ? value : null;
}
