// Why an ingest passes a file by without cataloguing it: it is not an image (or is one the
// catalogue does not take). Skipped files are listed and counted per reason, never ignored in
// silence. One list, in the order a report shows the counts; each reason's words, English and
// Hungarian, are in shared/locales/{en,hu}/errors.json under the keys below.
import type { ErrorKey } from './errorMessages.ts';

export const SKIP_REASONS = ['system', 'hidden', 'sidecar', 'text', 'document', 'otherImage', 'video', 'audio', 'archive', 'empty', 'unknown'] as const;

export type SkipReason = (typeof SKIP_REASONS)[number];

/** The message of one skipped file ("document (PDF)"); `what` (a format or file name, the same in every language) is its param. */
export const SKIP_MESSAGE_KEYS: Readonly<Record<SkipReason, ErrorKey>> = {
  system: 'skippedSystem',
  hidden: 'skippedHidden',
  sidecar: 'skippedSidecar',
  text: 'skippedText',
  document: 'skippedDocument',
  otherImage: 'skippedOtherImage',
  video: 'skippedVideo',
  audio: 'skippedAudio',
  archive: 'skippedArchive',
  empty: 'skippedEmpty',
  unknown: 'skippedUnknown',
};

/** A count of one reason ("3 system files"), plural by `count`. */
export const SKIP_COUNT_KEYS: Readonly<Record<SkipReason, ErrorKey>> = {
  system: 'skippedCountSystem',
  hidden: 'skippedCountHidden',
  sidecar: 'skippedCountSidecar',
  text: 'skippedCountText',
  document: 'skippedCountDocument',
  otherImage: 'skippedCountOtherImage',
  video: 'skippedCountVideo',
  audio: 'skippedCountAudio',
  archive: 'skippedCountArchive',
  empty: 'skippedCountEmpty',
  unknown: 'skippedCountUnknown',
};

/** Counts per reason, in SKIP_REASONS order, only the reasons that occur. */
export function countSkipped(skipped: readonly { reason: SkipReason }[]): Partial<Record<SkipReason, number>> {
  const counts = new Map<SkipReason, number>();
  for (const { reason } of skipped) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const out: Partial<Record<SkipReason, number>> = {};
  for (const reason of SKIP_REASONS) if (counts.has(reason)) out[reason] = counts.get(reason);
  return out;
}
