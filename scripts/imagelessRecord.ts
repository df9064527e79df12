// A catalogue row for a Fortepan photo that has no image file, as the benchmark catalogues and the
// labelled query set insert them: only the descriptive fields and the few file facts that differ
// from script to script are given; every other technical fact is empty.
import type { IngestedRecord } from '../electron/catalogue/store/photoRepository.ts';
import type { EditableFields } from '../shared/types.ts';

export function imagelessRecord(
  fortepanId: number,
  fields: EditableFields,
  facts: Pick<IngestedRecord, 'hash' | 'fileSize' | 'width' | 'height'>,
): IngestedRecord {
  return {
    ...facts,
    file: `/archive/fortepan/fortepan_${fortepanId}.jpg`,
    fileMtimeMs: 0,
    fortepanId,
    fields,
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
