import { parse, requireCatalogue, out, withCatalogueReadOnly, UsageError, type Command } from '../cliSupport.ts';
import { SORT_FIELDS, type SortField } from '../../../shared/photoSort.ts';

export const list: Command = async (args) => {
  const { values } = parse(args, { sort: { type: 'string' }, desc: { type: 'boolean' } });
  const field = values.sort as string | undefined;
  if (field !== undefined && !(SORT_FIELDS as readonly string[]).includes(field)) {
    throw new UsageError(`--sort must be one of ${SORT_FIELDS.join(', ')} (got ${field})`);
  }
  if (values.desc && field === undefined) throw new UsageError('--desc needs --sort <field>');
  const sort = field === undefined ? undefined : { field: field as SortField, direction: values.desc ? ('desc' as const) : ('asc' as const) };
  await withCatalogueReadOnly(requireCatalogue(values), (catalogue) => {
    const photos = catalogue.photos.listed(sort);
    if (values.json) out(JSON.stringify({ photos }));
    else for (const p of photos) out(`${String(p.id).padStart(6)}  ${p.fortepanId !== null ? `Fortepan ${p.fortepanId}  ` : ''}${p.title || p.file}`);
  });
};
