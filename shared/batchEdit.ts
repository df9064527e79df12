// Batch editing a selection: each field's shared value, or "mixed" when the photos differ.
import type { EditableField } from './types.ts';
import type { TagCount } from './editHistory.ts';

export interface SelectionFields {
  count: number;
  /** The value every selected photo has, for the fields where they agree. */
  common: Partial<Record<Exclude<EditableField, 'tags'>, string>>;
  /** Fields where the photos differ: shown as mixed and left alone unless changed. */
  mixed: Exclude<EditableField, 'tags'>[];
  /** Every tag in the selection with how many of the selected photos carry it. */
  tags: TagCount[];
}
