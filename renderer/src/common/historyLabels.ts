// Undo/redo steps are named by the catalogue in English ("Edit caption of Fortepan 7416",
// "Rename tag "a" to "b"", "Import 3 rows from list.csv": electron/catalogue/editing and
// exchange/metadataImport.ts write them, and the CLI prints them as they are). The UI shows them
// in its own language: the known forms are read back here and said again through the
// catalogues; a label of any other form is shown as the server wrote it.
import type { TFunction } from 'i18next';
import { EDITABLE_FIELDS, type EditableField } from '../../../shared/types.ts';

const EDIT = /^Edit (.+?) of (.+)$/s;
const RENAME = /^Rename tag "(.*)" to "(.*)"$/s;
const MERGE = /^Merge tag "(.*)" into "(.*)"$/s;
const TAGS = /^Tags of (\d+) photos?: (.*)$/s;
const IMPORT = /^Import (\d+) rows?(?: from (.+))?$/s;
const PHOTOS = /^(\d+) photos$/;
/** electron/catalogue/editing/turnEdit.ts's labels: "Rotate clockwise 12 photos", "Flip Fortepan 7416". */
const TURN = /^(Rotate clockwise|Rotate counter-clockwise|Rotate 180°|Flip)( and flip)? (.+)$/s;
const TURN_ACTIONS = { 'Rotate clockwise': 'cw', 'Rotate counter-clockwise': 'ccw', 'Rotate 180°': 'half', Flip: 'flip' } as const;

/** An edit-history label (as the server wrote it) in the UI language. */
export function historyLabel(label: string, t: TFunction): string {
  let m: RegExpExecArray | null;
  if (label === 'Batch edit') return t('history.batchEdit');
  if ((m = EDIT.exec(label))) {
    const fields = fieldNames(m[1], t);
    if (fields !== null) {
      const count = PHOTOS.exec(m[2]);
      // One photo is named by its title or number: data, kept as it is.
      const whom = count ? t('photos', { count: Number(count[1]) }) : m[2];
      return t('history.edit', { fields, whom });
    }
  }
  if ((m = TURN.exec(label)) && !(m[1] === 'Flip' && m[2])) {
    const action = `${TURN_ACTIONS[m[1] as keyof typeof TURN_ACTIONS]}${m[2] ? 'Flip' : ''}` as 'cw';
    const count = PHOTOS.exec(m[3]!);
    return t('history.turn', { action: t(`history.turnAction.${action}`), whom: count ? t('photos', { count: Number(count[1]) }) : m[3] });
  }
  if ((m = RENAME.exec(label))) return t('history.renameTag', { from: m[1], to: m[2] });
  if ((m = MERGE.exec(label))) return t('history.mergeTag', { from: m[1], to: m[2] });
  if ((m = TAGS.exec(label))) {
    const parts = tagParts(m[2], t);
    if (parts !== null) return t('history.tags', { count: Number(m[1]), parts });
  }
  if ((m = IMPORT.exec(label))) {
    const count = Number(m[1]);
    return m[2] === undefined ? t('history.import', { count }) : t('history.importFrom', { count, name: m[2] });
  }
  return label;
}

/** "date, tags" or "title, caption, date…" (more than three fields), or null for another form. */
function fieldNames(text: string, t: TFunction): string | null {
  const more = text.endsWith('…');
  const names = (more ? text.slice(0, -1) : text).split(', ');
  if (!names.every((n): n is EditableField => (EDITABLE_FIELDS as readonly string[]).includes(n))) return null;
  return names.map((n) => t(`fields.${n}`)).join(', ') + (more ? '…' : '');
}

/** `add "a", "b", remove "c"` in the UI language; the tags themselves are data. */
function tagParts(text: string, t: TFunction): string | null {
  const m = /^(?:add ((?:"[^"]*"(?:, )?)+?))?(?:, )?(?:remove ((?:"[^"]*"(?:, )?)+))?$/s.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const quoted = (list: string) => [...list.matchAll(/"([^"]*)"/g)].map((q) => quoteTag(q[1], t)).join(', ');
  return [m[1] !== undefined ? t('history.tagsAdd', { tags: quoted(m[1]) }) : '', m[2] !== undefined ? t('history.tagsRemove', { tags: quoted(m[2]) }) : '']
    .filter(Boolean)
    .join(', ');
}

/** A tag in the quotation marks of the UI language: “villamos” / „villamos”. */
function quoteTag(tag: string, t: TFunction): string {
  return t('history.quoted', { tag });
}
