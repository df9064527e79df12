import { parse, requireCatalogue, parseIds, out, showPhoto, withCatalogue, UsageError, type Command, type Options } from '../cliSupport.ts';
import { photoPatchSchema } from '../../../shared/api.ts';
import { EDITABLE_FIELDS, type EditableField, type PhotoPatch } from '../../../shared/types.ts';
import { splitTags } from '../../../shared/tags.ts';
import { readTurnOptions, TURN_OPTIONS } from './turnOptions.ts';
import { isPostgresLocation } from '../../catalogue/store/postgres/pgLocation.ts';
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
  const extra: Options = {
    ...Object.fromEntries(EDIT_OPTIONS.map(([option]) => [option, { type: 'string' }])),
    'add-tag': { type: 'string', multiple: true },
    ...TURN_OPTIONS,
    /** In a team catalogue: the name the change is recorded under. */
    as: { type: 'string' },
  };
  const { values, positionals } = parse(args, extra);
  const ids = parseIds(positionals);
  const raw: Record<string, unknown> = {};
  for (const [option, field] of EDIT_OPTIONS) {
    const value = values[option];
    if (typeof value !== 'string') continue;
    raw[field] = field === 'tags' ? splitTags(value) : isMarkField(field) ? markOption(field, value) : value;
  }
  // --add-tag adds to each photo's tags (a path such as "Helyszín|Budapest" too), keeping the rest.
  const added = ((values['add-tag'] ?? []) as string[]).flatMap(splitTags);
  if (added.length && raw.tags) throw new UsageError('give either --tags (replaces) or --add-tag (adds), not both');
  const turn = readTurnOptions(values);
  if (Object.keys(raw).length === 0 && !added.length && !turn) {
    throw new UsageError(`nothing to change: give at least one of ${EDIT_OPTIONS.map(([o]) => `--${o}`).join(', ')}, --add-tag, --rotate, --flip`);
  }
  const patch = Object.keys(raw).length ? photoPatchOrThrow(raw) : null;
  const location = requireCatalogue(values);
  if (isPostgresLocation(location)) {
    // Under the archivist's name; added tags and the turn are steps of their own, as in a folder catalogue.
    const changed = new Set<number>();
    await withCatalogue(
      location,
      false,
      async (catalogue) => {
        if (patch) for (const id of await catalogue.photos.applyEdits(ids.map((id) => ({ id, patch })))) changed.add(id);
        if (added.length) for (const id of await catalogue.photos.editTags(ids, added, [])) changed.add(id);
        if (turn) for (const id of (await catalogue.photos.turn({ ids }, turn)).changed) changed.add(id);
      },
      values.as as string | undefined,
    );
    if (values.json) out(JSON.stringify({ changed: [...changed].sort((a, b) => a - b) }));
    else out(`saved ${changed.size} photo${changed.size === 1 ? '' : 's'}`);
    return;
  }
  if (values.as !== undefined) throw new UsageError('--as names the archivist in a team catalogue (postgres://…); a folder catalogue has one user');
  await withCatalogue(location, false, async (catalogue) => {
    // Added tags and the turn are undo steps of their own (not field values).
    if (added.length) await catalogue.photos.editTags(ids, added, []);
    if (patch) await catalogue.photos.update(ids, patch);
    if (turn) await catalogue.photos.turn({ ids }, turn);
    const photos = await catalogue.photos.getMany([...new Set(ids)]);
    if (values.json) out(JSON.stringify({ photos: photos.map(showPhoto) }));
    else out(`saved ${photos.length} photo${photos.length === 1 ? '' : 's'}`);
  });
};

function photoPatchOrThrow(raw: Record<string, unknown>): PhotoPatch {
  const patch = photoPatchSchema.safeParse(raw);
  if (!patch.success) throw new UsageError(patch.error.issues[0].message);
  return patch.data as PhotoPatch;
}
