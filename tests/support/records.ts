// Catalogue rows without image files, inserted straight through the repository as an ingest
// would write them: for tests that need many photos with given words only (search, CLI), and
// for the benchmark catalogues and the labelled query set in scripts/, which build theirs here.
import type { EditableFields } from '../../shared/types.ts';
import type { IngestedRecord } from '../../electron/catalogue/store/photoRepository.ts';
import { emptyFields } from '../../electron/catalogue/metadata/readMetadata.ts';

/** The file facts a caller may set; by default a 1,000-byte file of unknown size in pixels. */
export type RecordFacts = Partial<Pick<IngestedRecord, 'hash' | 'fileSize' | 'width' | 'height'>>;

/**
 * A record for `fortepan_<n>.jpg` with these descriptive fields (the rest empty) and no
 * technical facts but `facts`. The hash is `n` in hex unless given: distinct per photo.
 */
export function fortepanRecord(n: number, fields: Partial<EditableFields> = {}, facts: RecordFacts = {}): IngestedRecord {
  return {
    hash: n.toString(16).padStart(64, '0'),
    fileSize: 1000,
    width: null,
    height: null,
    ...facts,
    file: `/archive/fortepan/fortepan_${n}.jpg`,
    fileMtimeMs: 0,
    fortepanId: n,
    fields: { ...emptyFields(), ...fields },
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
