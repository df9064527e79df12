// Catalogue rows without image files, for tests that need many photos with given words only
// (search, CLI): inserted straight through the repository, as an ingest would write them.
import type { EditableFields } from '../../shared/types.ts';
import type { IngestedRecord } from '../../electron/catalogue/store/photoRepository.ts';
import { emptyFields } from '../../electron/catalogue/metadata/readMetadata.ts';

/** A record for `fortepan_<n>.jpg` with these descriptive fields and no technical facts. */
export function fortepanRecord(n: number, fields: Partial<EditableFields> = {}): IngestedRecord {
  return {
    hash: n.toString(16).padStart(64, '0'),
    file: `/archive/fortepan_${n}.jpg`,
    fileSize: 1000,
    fileMtimeMs: 0,
    fortepanId: n,
    fields: { ...emptyFields(), ...fields },
    width: null,
    height: null,
    format: 'jpeg',
    pageCount: null,
    takenAt: null,
    digitizedAt: null,
    camera: null,
    gps: null,
    embeddedCredit: '',
    embeddedCreator: '',
    copyright: '',
    previewError: null,
  };
}
