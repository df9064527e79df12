import { parse, requireCatalogue, parseIds, out, showPhoto, withCatalogue, UsageError, type Command, type Options } from '../cliSupport.ts';
import { photoPatchSchema } from '../../../shared/api.ts';
import { EDITABLE_FIELDS, type EditableField, type PhotoPatch } from '../../../shared/types.ts';
import { splitTags } from '../../../shared/tags.ts';

/** One option per editable field, named in kebab-case: `--archive-ref` edits archiveRef. */
const EDIT_OPTIONS = EDITABLE_FIELDS.map((field) => [field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), field] as const) satisfies readonly (readonly [string, EditableField])[];

export const edit: Command = async (args) => {
  const extra: Options = { ...Object.fromEntries(EDIT_OPTIONS.map(([option]) => [option, { type: 'string' }])), 'add-tag': { type: 'string', multiple: true } };
  const { values, positionals } = parse(args, extra);
  const ids = parseIds(positionals);
  const raw: Record<string, unknown> = {};
  for (const [option, field] of EDIT_OPTIONS) {
    const value = values[option];
    if (typeof value !== 'string') continue;
    raw[field] = field === 'tags' ? splitTags(value) : value;
  }
  // --add-tag adds to each photo's tags (a path such as "Helyszín|Budapest" too), keeping the rest.
  const added = ((values['add-tag'] ?? []) as string[]).flatMap(splitTags);
  if (added.length) {
    if (raw.tags) throw new UsageError('give either --tags (replaces) or --add-tag (adds), not both');
    await withCatalogue(requireCatalogue(values), false, (catalogue) => {
      catalogue.photos.editTags(ids, added, []);
      if (Object.keys(raw).length) catalogue.photos.update(ids, photoPatchOrThrow(raw));
      const photos = catalogue.photos.getMany(ids);
      if (values.json) out(JSON.stringify({ photos: photos.map(showPhoto) }));
      else out(`saved ${photos.length} photo${photos.length === 1 ? '' : 's'}`);
    });
    return;
  }
  if (Object.keys(raw).length === 0) throw new UsageError(`nothing to change: give at least one of ${EDIT_OPTIONS.map(([o]) => `--${o}`).join(', ')}`);
  const patch = photoPatchOrThrow(raw);
  await withCatalogue(requireCatalogue(values), false, (catalogue) => {
    const photos = catalogue.photos.update(ids, patch);
    if (values.json) out(JSON.stringify({ photos: photos.map(showPhoto) }));
    else out(`saved ${photos.length} photo${photos.length === 1 ? '' : 's'}`);
  });
};

function photoPatchOrThrow(raw: Record<string, unknown>): PhotoPatch {
  const patch = photoPatchSchema.safeParse(raw);
  if (!patch.success) throw new UsageError(patch.error.issues[0].message);
  return patch.data as PhotoPatch;
}
