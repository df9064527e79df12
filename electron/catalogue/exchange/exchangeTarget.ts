// What metadata exchange needs of a catalogue: its photos to read, and the one edit path to
// apply an import through. Narrow on purpose, so exchange/ sits below the Catalogue class (the
// exchange service hands its photos service in), never on both sides of it.
import type { EditablePhoto, Photo } from '../../../shared/types.ts';
import type { PlannedEdit } from '../editing/recordedEdit.ts';

/** What matching a row and ordering an export need of a photo, read for every photo at once. */
export type PhotoKey = { id: number; file: string; fortepanId: number | null };

export interface ExchangeTarget {
  photos: {
    iterateAll(): AsyncIterable<Photo>;
    /** Every photo's id, file and Fortepan number (an export's order is worked out from these). */
    listed(): Promise<PhotoKey[]>;
    /** These photos, in this order (a photo not found is left out). */
    getMany(ids: readonly number[]): Promise<Photo[]>;
    /** These photos' editable fields (an import compares its rows with them), in this order. */
    editableMany(ids: readonly number[]): Promise<EditablePhoto[]>;
    count(): Promise<number>;
    applyEdits(edits: readonly PlannedEdit[], label?: string): Promise<number[]>;
  };
}
