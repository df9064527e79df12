// Olympus ORF files keep their large preview JPEG in the maker note, not in a TIFF directory:
// the maker note's CameraSettings directory (tag 0x2020) has PreviewImageStart (0x101) and
// PreviewImageLength (0x102). In the current maker notes ("OLYMPUS\0II", "OM SYSTEM\0\0\0II")
// offsets count from the maker note's start; in the old ones ("OLYMP\0") from the TIFF header,
// which keep a preview pointer pair (0x88, 0x89) in the maker note itself.
import { TIFF_TAG, TiffStructure, type TiffDirectory } from './tiffStructure.ts';
import type { PreviewCandidate } from './rawLayout.ts';

const CAMERA_SETTINGS = 0x2020;
const PREVIEW_START = 0x101;
const PREVIEW_LENGTH = 0x102;
const OLD_PREVIEW_START = 0x88;
const OLD_PREVIEW_LENGTH = 0x89;

export function olympusPreview(tiff: TiffStructure, exifIfd: TiffDirectory): PreviewCandidate | null {
  const note = exifIfd.entries.get(TIFF_TAG.MakerNote);
  if (!note || note.at < 0 || note.size < 16) return null;
  const bytes = tiff.bytes;
  const head = bytes.toString('latin1', note.at, note.at + 12);
  let makerNote: TiffStructure;
  let firstIfd: number;
  if (head.startsWith('OLYMPUS\0') || head.startsWith('OM SYSTEM\0')) {
    const orderAt = note.at + (head.startsWith('OLYMPUS\0') ? 8 : 12);
    const order = bytes.toString('latin1', orderAt, orderAt + 2);
    if (order !== 'II' && order !== 'MM') return null;
    makerNote = tiff.rebased(note.at, order === 'II');
    firstIfd = orderAt - note.at + 4;
  } else if (head.startsWith('OLYMP\0')) {
    makerNote = tiff;
    firstIfd = note.at + 8 - tiff.base;
  } else {
    return null;
  }
  const main = makerNote.directory(firstIfd, 'MakerNote')?.directory;
  if (!main) return null;
  const settingsOffset = makerNote.number(main.entries.get(CAMERA_SETTINGS));
  const settings = settingsOffset ? makerNote.directory(settingsOffset, 'CameraSettings')?.directory : undefined;
  const pair = (directory: TiffDirectory | undefined, startTag: number, lengthTag: number) => {
    const start = directory ? makerNote.number(directory.entries.get(startTag)) : null;
    const length = directory ? makerNote.number(directory.entries.get(lengthTag)) : null;
    return start && length ? { offset: makerNote.base + start, length } : null;
  };
  const found = pair(settings, PREVIEW_START, PREVIEW_LENGTH) ?? pair(main, OLD_PREVIEW_START, OLD_PREVIEW_LENGTH);
  return found ? { ...found, where: 'Olympus maker note preview' } : null;
}
