import { parse, requireCatalogue, parseIds, out, showPhoto, withCatalogue, UsageError, type Command, type Options } from '../cliSupport.ts';
import { photoPatchSchema } from '../../../shared/api.ts';
import type { PhotoPatch } from '../../../shared/types.ts';

const EDIT_OPTIONS = ['title', 'caption', 'date', 'donor', 'photographer', 'country', 'city', 'place', 'tags', 'licence', 'source', 'notes'] as const;

export const edit: Command = async (args) => {
  const extra: Options = Object.fromEntries(EDIT_OPTIONS.map((name) => [name, { type: 'string' }]));
  const { values, positionals } = parse(args, extra);
  const ids = parseIds(positionals);
  const raw: Record<string, unknown> = {};
  for (const name of EDIT_OPTIONS) {
    const value = values[name];
    if (typeof value !== 'string') continue;
    raw[name] = name === 'tags' ? value.split(';').map((t) => t.trim()).filter(Boolean) : value;
  }
  if (Object.keys(raw).length === 0) throw new UsageError(`nothing to change: give at least one of ${EDIT_OPTIONS.map((o) => `--${o}`).join(', ')}`);
  const patch = photoPatchSchema.safeParse(raw);
  if (!patch.success) throw new UsageError(patch.error.issues[0].message);
  await withCatalogue(requireCatalogue(values), false, (catalogue) => {
    const photos = catalogue.updatePhotos(ids, patch.data as PhotoPatch);
    if (values.json) out(JSON.stringify({ photos: photos.map(showPhoto) }));
    else out(`saved ${photos.length} photo${photos.length === 1 ? '' : 's'}`);
  });
};
