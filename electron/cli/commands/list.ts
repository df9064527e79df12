import { parse, requireCatalogue, out, withCatalogueReadOnly, UsageError, type Command } from '../cliSupport.ts';
import { SORT_FIELDS, type SortField } from '../../../shared/photoSort.ts';
import { flagFromWord, labelFromWord, ratingRange, type MarkFilter } from '../../../shared/photoMarks.ts';

/** --rating ">=3" | 5 | 2..4, --flag pick|reject|none, --label red|…|none: the query language's values. */
function markFilter(values: Record<string, unknown>): MarkFilter | undefined {
  const filter: MarkFilter = {};
  if (typeof values.rating === 'string') {
    const range = ratingRange(values.rating);
    if (!range) throw new UsageError(`--rating takes stars from 0 to 5 such as 5, ">=3" or 2..4 (got "${values.rating}")`);
    filter.rating = range;
  }
  if (typeof values.flag === 'string') {
    const flag = flagFromWord(values.flag);
    if (flag === null) throw new UsageError(`--flag takes pick, reject or none (got "${values.flag}")`);
    filter.flag = flag;
  }
  if (typeof values.label === 'string') {
    const label = labelFromWord(values.label);
    if (label === null) throw new UsageError(`--label takes red, yellow, green, blue, purple or none (got "${values.label}")`);
    filter.label = label;
  }
  return Object.keys(filter).length ? filter : undefined;
}

export const list: Command = async (args) => {
  const { values } = parse(args, { sort: { type: 'string' }, desc: { type: 'boolean' }, rating: { type: 'string' }, flag: { type: 'string' }, label: { type: 'string' } });
  const field = values.sort as string | undefined;
  if (field !== undefined && !(SORT_FIELDS as readonly string[]).includes(field)) {
    throw new UsageError(`--sort must be one of ${SORT_FIELDS.join(', ')} (got ${field})`);
  }
  if (values.desc && field === undefined) throw new UsageError('--desc needs --sort <field>');
  const sort = field === undefined ? undefined : { field: field as SortField, direction: values.desc ? ('desc' as const) : ('asc' as const) };
  const marks = markFilter(values);
  await withCatalogueReadOnly(requireCatalogue(values), async (catalogue) => {
    const photos = await catalogue.photos.listed(sort, marks);
    if (values.json) out(JSON.stringify({ photos }));
    else for (const p of photos) out(`${String(p.id).padStart(6)}  ${p.fortepanId !== null ? `Fortepan ${p.fortepanId}  ` : ''}${p.title || p.file}`);
  });
};
