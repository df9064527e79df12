import { parse, requireCatalogue, parseIds, out, showPhoto, withCatalogue, UsageError, type Command, type Options } from '../cliSupport.ts';
import { photoPatchSchema } from '../../../shared/api.ts';
import { EDITABLE_FIELDS, type EditableField, type PhotoPatch } from '../../../shared/types.ts';
import { splitTags } from '../../../shared/tags.ts';
import { flagFromWord, isMarkField, labelFromWord, ratingFromWord, type MarkField } from '../../../shared/photoMarks.ts';

/** --rating 0–5, --flag pick|reject|none, --label red|…|none (Hungarian words too), or a one-line error. */
function markOption(field: MarkField, value: string): number | string {
  const read = field === 'rating' ? ratingFromWord(value) : field === 'flag' ? flagFromWord(value) : labelFromWord(value);
  if (read !== null) return read;
  const allowed = field === 'rating' ? 'a whole number from 0 to 5' : field === 'flag' ? 'pick, reject or none' : 'red, yellow, green, blue, purple or none';
  throw new UsageError(`--${field} takes ${allowed} (got "${value}")`);
}

/** One option per editable field, named in kebab-case: `--archive-ref` edits archiveRef. */
const EDIT_OPTIONS = EDITABLE_FIELDS.map((field) => [field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), field] as const) satisfies readonly (readonly [string, EditableField])[];

export const edit: Command = async (args) => {
  const extra: Options = Object.fromEntries(EDIT_OPTIONS.map(([option]) => [option, { type: 'string' }]));
  const { values, positionals } = parse(args, extra);
  const ids = parseIds(positionals);
  const raw: Record<string, unknown> = {};
  for (const [option, field] of EDIT_OPTIONS) {
    const value = values[option];
    if (typeof value !== 'string') continue;
    raw[field] = field === 'tags' ? splitTags(value) : isMarkField(field) ? markOption(field, value) : value;
  }
  if (Object.keys(raw).length === 0) throw new UsageError(`nothing to change: give at least one of ${EDIT_OPTIONS.map(([o]) => `--${o}`).join(', ')}`);
  const patch = photoPatchSchema.safeParse(raw);
  if (!patch.success) throw new UsageError(patch.error.issues[0].message);
  await withCatalogue(requireCatalogue(values), false, (catalogue) => {
    const photos = catalogue.photos.update(ids, patch.data as PhotoPatch);
    if (values.json) out(JSON.stringify({ photos: photos.map(showPhoto) }));
    else out(`saved ${photos.length} photo${photos.length === 1 ? '' : 's'}`);
  });
};
