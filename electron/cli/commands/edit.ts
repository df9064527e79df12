import { parse, requireCatalogue, parseIds, out, showPhoto, withCatalogue, UsageError, type Command, type Options } from '../cliSupport.ts';
import { photoPatchSchema } from '../../../shared/api.ts';
import { EDITABLE_FIELDS, type EditableField, type PhotoPatch } from '../../../shared/types.ts';
import { splitTags } from '../../../shared/tags.ts';
import { readTurnOptions, TURN_OPTIONS } from './turnOptions.ts';

/** One option per editable field, named in kebab-case: `--archive-ref` edits archiveRef. */
const EDIT_OPTIONS = EDITABLE_FIELDS.map((field) => [field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), field] as const) satisfies readonly (readonly [string, EditableField])[];

export const edit: Command = async (args) => {
  const extra: Options = { ...Object.fromEntries(EDIT_OPTIONS.map(([option]) => [option, { type: 'string' }])), ...TURN_OPTIONS };
  const { values, positionals } = parse(args, extra);
  const ids = parseIds(positionals);
  const raw: Record<string, unknown> = {};
  for (const [option, field] of EDIT_OPTIONS) {
    const value = values[option];
    if (typeof value !== 'string') continue;
    raw[field] = field === 'tags' ? splitTags(value) : value;
  }
  const turn = readTurnOptions(values);
  if (Object.keys(raw).length === 0 && !turn) throw new UsageError(`nothing to change: give at least one of ${EDIT_OPTIONS.map(([o]) => `--${o}`).join(', ')}, --rotate, --flip`);
  const patch = photoPatchSchema.safeParse(raw);
  if (!patch.success) throw new UsageError(patch.error.issues[0].message);
  await withCatalogue(requireCatalogue(values), false, async (catalogue) => {
    let photos = Object.keys(raw).length ? catalogue.photos.update(ids, patch.data as PhotoPatch) : [];
    // The rotation and flip are their own undo step (a turn, not a field value).
    if (turn) {
      await catalogue.photos.turn({ ids }, turn);
      photos = catalogue.photos.getMany([...new Set(ids)]);
    }
    if (values.json) out(JSON.stringify({ photos: photos.map(showPhoto) }));
    else out(`saved ${photos.length} photo${photos.length === 1 ? '' : 's'}`);
  });
};
