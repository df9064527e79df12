// What the catalogue must make of each real-world corpus file, derived from ExifTool's reading
// (exiftool.json, the ground truth) and the documented rules of docs/metadata-mapping.md.
// Files whose expected result differs from "catalogued, metadata as ExifTool reads it" are
// listed in SPECIAL with the reason.

export type ExifTool = Record<string, unknown>;

export interface Expected {
  width: number | null;
  height: number | null;
  takenAt: string | null;
  date: string;
  title: string;
  caption: string;
  tags: string[];
  photographer: string;
  city: string | null;
  country: string | null;
  place: string | null;
  gps: { lat: number; lon: number; alt: number | null } | null;
}

export type Special =
  /** Must be refused, with a reason matching this pattern (never a generic one). */
  | { fail: RegExp; why: string }
  /** An XMP sidecar: not an image; read with its image (which the sidecar's fields override). */
  | { sidecar: string }
  /** Catalogued; fields listed in `override` replace what ExifTool would lead one to expect. */
  | { previewError?: RegExp; override?: Partial<Expected>; why?: string };

/**
 * JPEG 2000, HEIC and AVIF files that must show a real preview, with the mean colour of the whole
 * image in sRGB as a reference decoder gives it: Debian's libvips 8.14 (OpenJPEG 2.5, libheif
 * 1.15 with libde265), profiles converted with `vips icc_transform --embedded srgb`, 16-bit
 * samples divided by 257.
 */
export const REFERENCE_PREVIEWS: Record<string, { mean: [number, number, number]; note?: string }> = {
  'files/jpeg2000/RESULT-OK_0008.jp2': { mean: [180.1, 143.5, 96.7], note: 'ProPhoto RGB profile in its colour box' },
  'files/jpeg2000/exiv2_Reagan.jp2': { mean: [147.9, 147.8, 146.6] },
  'files/jpeg2000/sharp_relax_actually_j2k.jp2': { mean: [65.3, 87.3, 76.5], note: 'a raw J2K codestream named .jp2' },
  'files/heic-avif/iphone11pro_IMG_2927.HEIC': { mean: [87.2, 120.1, 155.4], note: 'a grid of HEVC tiles, Display P3' },
  'files/heic-avif/exif-at-eof.heic': { mean: [87.2, 120.1, 155.4] },
  'files/heic-avif/heic-collection.heic': { mean: [102.4, 68.5, 39.3], note: 'four images: the primary one' },
  'files/heic-avif/sony_a7cii_orientation6.HIF': { mean: [124.3, 122.9, 124.4], note: '10-bit HEVC' },
  'files/xmp-sidecar/iphone_7.heic': { mean: [110.2, 131.2, 150.6] },
  'files/heic-avif/Irvine_CA.avif': { mean: [92.0, 115.7, 136.0] },
  'files/heic-avif/exiv2_avif_exif_xmp.avif': { mean: [118.3, 102.3, 108.8] },
};

const CORRUPT = /truncated or corrupt|damaged|not an image:/;

export const SPECIAL: Record<string, Special> = {
  // --- refused, each with its own reason -----------------------------------------------------
  'files/corrupt/me_fuzz_crash-d8dbe78f.bmp': { fail: /damaged/, why: 'fuzzed BMP header' },
  'files/misnamed/exiv2_ghsa_hrw9_mp4_named.jpg': { fail: /not an image: a video or non-image ISO media file/, why: 'MP4 named .jpg' },
  'files/corrupt/sharp_corrupt-header.jpg': { fail: CORRUPT, why: 'corrupt header' },
  'files/corrupt/beach_DNL_height0.jpg': { fail: /DNL not supported/, why: 'height 0 in SOF' },
  'files/corrupt/pillow_libtiff_segfault.tif': { fail: CORRUPT, why: 'fuzzed TIFF' },
  'files/corrupt/exiv2_uncontrolled-recursion.tif': { fail: /damaged: it starts like a TIFF/, why: 'recursive IFDs; must terminate' },
  'files/corrupt/me_fuzz_crash-2b10c204.tif': { fail: /damaged: it starts like a TIFF/, why: 'fuzzed TIFF' },
  'files/corrupt/exiv2_issue_1841_poc.webp': { fail: CORRUPT, why: 'corrupt RIFF' },
  'files/corrupt/exiv2_pr_2612_poc_zero-box.heic': { fail: /damaged HEIF file|timed out/, why: 'zero-size box; exifr loops forever on it' },
  'files/makernotes-tiny/libexif_canon_makernote_variant_1.jpg': {
    fail: /truncated or corrupt.*two SOI markers/,
    why: 'EXIF-only JPEG with no pixel data: no dimensions, so not catalogued (its metadata is readable: see the metadata test)',
  },

  // --- catalogued without a preview ------------------------------------------------------------
  // JPEG 2000 is decoded by OpenJPEG (pdf.js's WebAssembly build): only damaged files lack a preview.
  'files/jpeg2000/pillow_balloon_eciRGBv2.jp2': { previewError: /^JPEG 2000 is damaged: Stream too short/, why: 'the fixture is cut short (libvips: "Stream too short")' },
  'files/corrupt/pillow_crash-4fb02745.j2k': {
    previewError: /^JPEG 2000 is damaged: component 2 claims 25-bit samples/,
    why: 'a JP2 (despite .j2k) whose boxes and size are sound (32×32), so it is catalogued; its SIZ gives component 2 a 25-bit signed depth',
  },
  'files/heic-avif/sony_ilce-1.HIF': {
    previewError: /^too large to preview: a 8640×5760 HEIF image is decoded whole, which takes about 647 MB, over the 450 MB/,
    why: 'HEVC is decoded whole: 50 MP would take ~650 MB (its 147 KB of HEVC data are a test stub that decodes to black anyway)',
  },
  'files/limits/sharp_giant-image.jpg': { previewError: /over the 200 megapixel limit/ },
  'files/limits/sharp_65536-uint32-limit.png': { previewError: /over the 200 megapixel limit/ },
  'files/tiff/pillow_tiff_tiled_planar_16bit_RGB.tiff': { previewError: /tiled separate planes not supported/ },
  'files/corrupt/exifpy_corrupted_olympus.jpg': { previewError: /truncated or corrupt/, why: 'pixels fail even with failOn=none; EXIF kept' },

  // --- catalogued; known differences from ExifTool ---------------------------------------------
  'files/iptc-xmp/exiftool_AFCP.jpg': { why: 'IPTC only in an AFCP trailer, which exifr does not read', override: { caption: '' } },
  'files/malformed-exif/Polaroid_ION230_future_date.jpg': { why: 'capture date later than the file modification date: rejected' },
  'files/malformed-exif/30-type_error.jpg': {
    why: 'ExifTool skips an ExifIFD whose pointer has the wrong type; exifr follows it and finds a consistent DateTimeOriginal (2 days before ModifyDate): kept',
    override: { takenAt: '2013-07-05T03:18:27Z', date: '2013-07-05' },
  },

  // --- sidecars: read with their images ------------------------------------------------------------------
  'files/xmp-sidecar/iphone_7.xmp': { sidecar: 'files/xmp-sidecar/iphone_7.heic' },
  'files/xmp-sidecar/BonTonARTSTORplusIPTC.xmp': { sidecar: 'files/xmp-sidecar/BonTonARTSTORplusIPTC.jpg' },
  'files/xmp-sidecar/IMG_5910.xmp': { sidecar: 'files/xmp-sidecar/IMG_5910.jpg' },
  'files/xmp-sidecar/digikam-example.xmp': { sidecar: '' },
  'files/xmp-sidecar/ladybug.xmp': { sidecar: 'files/xmp-sidecar/ladybug.jpg' },
  'files/non-ascii/exiftool_XMP5_langalt.xmp': { sidecar: '' },
};

/** Scanners: their EXIF date is when the scan was made, never a capture date. */
export const SCANNED = new Set(['files/scans-dpi/Epson PerfectionV800.tiff', 'files/scans-dpi/Kodak CLAS Film Scanner HR200.jpg', 'files/scans-dpi/Noritsu Koki QSS.jpg']);

/** ImageDescription defaults the mapping rejects as captions (camera name, converter notes). */
const BOILERPLATE = new Set(['OLYMPUS DIGITAL CAMERA', 'SAMSUNG', 'WWL', 'Gran Turismo 5', 'Created with GIMP', 'converted PBM file']);

const str = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(str).filter(Boolean).join('; ');
  return normalise(String(v));
};

/** Line breaks as \n, control characters dropped, outer whitespace trimmed. */
export function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}

const first = (...values: unknown[]): string => values.map(str).find(Boolean) ?? '';

const arr = (v: unknown): string[] => (v === undefined || v === null || v === '' ? [] : (Array.isArray(v) ? v : [v]).map((x) => normalise(String(x))).filter(Boolean));

/** Keywords: a lone string holding several ("a, b; c") is split; duplicates ignoring case kept once. */
function keywordList(...values: unknown[]): string[] {
  const seen = new Set<string>();
  return values
    .flatMap((v) => (typeof v === 'string' ? v.split(/[;,]\s*/) : arr(v)))
    .map((k) => normalise(k))
    .filter((k) => k && !seen.has(k.toLocaleLowerCase('hu')) && seen.add(k.toLocaleLowerCase('hu')));
}

/** "14.28 m" -> 14.28, negative when ExifTool says "Below Sea Level". */
function altitude(e: ExifTool): number | null {
  if (typeof e['Composite:GPSAltitude#'] === 'number') return e['Composite:GPSAltitude#'] as number;
  const metres = Number.parseFloat(String(e['GPS:GPSAltitude'] ?? ''));
  if (!Number.isFinite(metres)) return null;
  return /below/i.test(String(e['GPS:GPSAltitudeRef'] ?? '')) ? -metres : metres;
}

/** An EXIF "YYYY:MM:DD HH:MM:SS" as ISO, or null for blanks, zero dates and 1899 artefacts. */
export function exifDate(value: unknown): string | null {
  const match = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(String(value ?? ''));
  if (!match || match[1] === '0000' || match[2] === '00') return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`;
  const time = Date.parse(iso);
  if (Number.isNaN(time) || time < Date.UTC(1826, 0, 1) || time > Date.now() + 86_400_000) return null;
  return iso;
}

function dayOf(value: unknown): string {
  const match = /^(\d{4}):(\d{2}):(\d{2})/.exec(String(value ?? ''));
  return match && match[1] !== '0000' ? `${match[1]}-${match[2]}-${match[3]}` : '';
}

export function expectedFromExifTool(rel: string, e: ExifTool): Expected {
  const num = (key: string) => (typeof e[key] === 'number' ? (e[key] as number) : null);
  const [w, h] = String(e['Composite:ImageSize'] ?? 'x').split('x').map((n) => (n ? Number(n) : null));
  const orientation = num('IFD0:Orientation#');
  const heif = /HEIC|HEIF|AVIF/i.test(String(e['File:FileType'] ?? ''));
  const turned = !heif && orientation !== null && orientation >= 5 && orientation <= 8;

  let takenAt = exifDate(e['ExifIFD:DateTimeOriginal']);
  const modified = exifDate(e['IFD0:ModifyDate']);
  if (takenAt && modified && Date.parse(takenAt) > Date.parse(modified) + 86_400_000) takenAt = null;
  if (SCANNED.has(rel)) takenAt = null;

  const description = str(e['IFD0:ImageDescription']);
  const standardTags = keywordList(e['XMP-dc:Subject'], e['IPTC:Keywords']);
  const tags = standardTags.length ? standardTags : keywordList(e['IFD0:XPKeywords']);

  let gps: Expected['gps'] = null;
  const lat = num('Composite:GPSLatitude#');
  const lon = num('Composite:GPSLongitude#');
  if (lat !== null && lon !== null && !(lat === 0 && lon === 0)) {
    const alt = altitude(e);
    gps = { lat, lon, alt: alt !== null && alt <= 9000 && alt >= -500 ? alt : null };
  }

  return {
    width: turned ? h : w,
    height: turned ? w : h,
    takenAt,
    date: dayOf(e['XMP-photoshop:DateCreated']) || dayOf(e['IPTC:DateCreated']) || (takenAt ? takenAt.slice(0, 10) : ''),
    title: first(e['XMP-dc:Title'], e['IPTC:ObjectName'], e['XMP-photoshop:Headline'], e['IPTC:Headline'], e['IFD0:XPTitle']),
    caption: first(e['XMP-dc:Description'], e['IPTC:Caption-Abstract'], BOILERPLATE.has(description) ? '' : description, e['IFD0:XPComment']),
    tags,
    photographer: first(e['XMP-dc:Creator'], e['IPTC:By-line'], e['IFD0:Artist'], e['IFD0:XPAuthor']),
    city: first(e['XMP-photoshop:City'], e['IPTC:City']) || null,
    country: str(e['IPTC:Country-PrimaryLocationName']) || null,
    place: str(e['XMP-iptcCore:Location']) || null,
    gps,
  };
}
