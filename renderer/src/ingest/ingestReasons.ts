// Why a file could not be added, in the UI language. The ingest report carries the catalogue's
// reason as English text (the CLI prints it so; electron/catalogue/ingest/fileProblems.ts,
// readStableFile.ts, scanFolders.ts and thumbnails/makeThumbnails.ts write it): the known forms
// are read back here and said again through the catalogues (a photo's "no preview" reason too:
// the thumbnailer writes it in the same words). Anything else — a decoder's own
// message, say — is shown as the catalogue wrote it.
import type { TFunction } from 'i18next';

type Rule = [RegExp, (m: RegExpExecArray, t: TFunction<'ingest'>) => string];

const RULES: Rule[] = [
  [/^empty file \(0 bytes\)$/, (_m, t) => t('reason.emptyFile')],
  [/^file too large \((\d+) bytes\)$/, (m, t) => t('reason.tooLarge', { bytes: Number(m[1]) })],
  [/^cannot read file: (.+)$/s, (m, t) => t('reason.cannotRead', { why: ingestReason(m[1], t) })],
  [/^cannot read folder: (.+)$/s, (m, t) => t('reason.cannotReadFolder', { why: ingestReason(m[1], t) })],
  [
    /^the file was still being written: its size or modification time changed while it was read \((\d+) tries\)$/,
    (m, t) => t('reason.stillWritten', { count: Number(m[1]) }),
  ],
  [/^file name is not valid UTF-8$/, (_m, t) => t('reason.nameNotUtf8File')],
  [/^folder name is not valid UTF-8$/, (_m, t) => t('reason.nameNotUtf8Folder')],
  [/^broken symbolic link: its target does not exist$/, (_m, t) => t('reason.brokenLink')],
  [/^not found: (.+)$/s, (m, t) => t('reason.notFound', { why: m[1] })],
  [
    /^not an image file type Fototar ingests \((.+)\)$/s,
    (m, t) => t('reason.notImageType', { ext: m[1] === 'no extension' ? t('reason.noExtension') : m[1] }),
  ],
  [/^not a regular file$/, (_m, t) => t('reason.notRegular')],
  [/^not a regular file \(FIFO\)$/, (_m, t) => t('reason.notRegularFifo')],
  [/^not a regular file \(device\)$/, (_m, t) => t('reason.notRegularDevice')],
  [/^not a regular file \(socket\)$/, (_m, t) => t('reason.notRegularSocket')],
  [/^not a regular file \(folder\)$/, (_m, t) => t('reason.notRegularFolder')],
  [/^ingest stopped before this file was read$/, (_m, t) => t('reason.stopped')],
  [/^could not process: (.+)$/s, (m, t) => t('reason.couldNotProcess', { why: ingestReason(m[1], t) })],
  [/^file is damaged: it starts like a (.+) but its structure cannot be read$/s, (m, t) => t('reason.damaged', { format: m[1] })],
  [/^not an image: (.+)$/s, (m, t) => t('reason.notImage', { format: m[1] })],
  [/^no decoder for (.+) images in this build of Fototar$/s, (m, t) => t('reason.noDecoder', { format: m[1] })],
  [
    /^too large to preview: (\d+)×(\d+) pixels is over the (\d+) megapixel limit$/,
    (m, t) => t('reason.tooLargeToPreview', { width: Number(m[1]), height: Number(m[2]), limit: Number(m[3]) }),
  ],
  [/^image has no dimensions$/, (_m, t) => t('reason.noDimensions')],
  // A camera RAW file without a usable embedded preview (electron/catalogue/raw/rawPreview.ts).
  [/^the RAW file's embedded preview is a placeholder \((\d+) bytes\); /, (m, t) => t('reason.rawPlaceholderBytes', { bytes: Number(m[1]) })],
  [/^the RAW file's embedded preview is a placeholder \((\d+)×(\d+) pixels\); /, (m, t) => t('reason.rawPlaceholderPixels', { width: Number(m[1]), height: Number(m[2]) })],
  [/^the RAW file's embedded preview cannot be read \((.+)\); /s, (m, t) => t('reason.rawPreviewUnreadable', { why: m[1] })],
  [/^the (.+) file has no embedded preview; /, (m, t) => t('reason.rawNoPreview', { format: m[1] })],
  // The decoders of formats sharp cannot open (thumbnails/formatsWithoutSharp.ts, decodeJpeg2000.ts,
  // decodeHeif.ts, avifSequence.ts, wasmFile.ts) and the whole-decode bound (makeThumbnails.ts).
  [/^too large to preview: a (\d+)×(\d+) BMP is over the (\d+) megapixel limit for BMP$/, (m, t) => t('reason.bmpTooLarge', { width: Number(m[1]), height: Number(m[2]), limit: Number(m[3]) })],
  [
    /^too large to preview: a (\d+)×(\d+) HEIF image is decoded whole, which takes about (\d+) MB, over the (\d+) MB a preview may use$/,
    (m, t) => t('reason.heifTooLarge', { width: Number(m[1]), height: Number(m[2]), mb: Number(m[3]), limit: Number(m[4]) }),
  ],
  [
    /^too large to preview \((.+), (\d+) MP\): it can only be decoded whole, which takes about (\d+) MB, over the (\d+) MB a preview may use$/s,
    (m, t) => t('reason.wholeDecodeTooLarge', { kind: m[1], megapixels: Number(m[2]), mb: Number(m[3]), limit: Number(m[4]) }),
  ],
  [/^file is truncated or corrupt \((.+)\)$/s, (m, t) => t('reason.truncatedOrCorrupt', { why: m[1] })],
  [/^no preview for this AVIF sequence: /, (_m, t) => t('reason.avifSequenceOnly')],
  [/^(JPEG 2000|HEIF) is damaged: (.+)$/s, (m, t) => t('reason.formatDamaged', { format: m[1], why: m[2] })],
  [/^no preview for a CMYK JPEG 2000: /, (_m, t) => t('reason.cmykJpeg2000')],
  [/^this build of Fototar is missing its decoder \((.+)\)$/, (m, t) => t('reason.decoderMissing', { name: m[1] })],
  [/^HEIF with an unsupported codec: /, (_m, t) => t('reason.heifCodec')],
  [/^HEIF has no primary image to preview \((.+)\)$/s, (m, t) => t('reason.heifNoPrimary', { why: m[1] })],
  [/^file is damaged: it starts like a (.+) file but states no image size and has no readable preview$/s, (m, t) => t('reason.rawNoSize', { format: m[1] })],
  [/^symbolic link loop$/, (_m, t) => t('reason.loop')],
  [/^not found \(ENOENT\)$/, (_m, t) => t('reason.enoent')],
  [/^permission denied \((EACCES|EPERM)\)$/, (m, t) => t('reason.permission', { code: m[1] })],
  [/^file name too long \(ENAMETOOLONG\)$/, (_m, t) => t('reason.nameTooLong')],
];

/** A failed file's reason (as the ingest report has it), or why a photo has no preview, in the UI language. */
export function ingestReason(reason: string, t: TFunction<'ingest'>): string {
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(reason);
    if (m) return say(m, t);
  }
  return reason;
}
