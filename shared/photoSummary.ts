// What the grid shows of a photo: built in one place for the catalogue's pages and for the
// renderer's in-place updates after an edit.
import type { Photo, PhotoSummary } from './types.ts';

export function photoSummary(photo: Photo): PhotoSummary {
  return {
    id: photo.id,
    file: photo.file,
    fortepanId: photo.fortepanId,
    title: photo.title,
    caption: photo.caption,
    date: photo.date,
    donor: photo.donor,
    credit: photo.credit,
    previewError: photo.previewError,
    missing: photo.missing,
    duplicateOf: photo.duplicateOf,
    thumbVersion: photo.thumbVersion,
    rating: photo.rating,
    flag: photo.flag,
    label: photo.label,
  };
}
