import { parse, requireCatalogue, out, withCatalogue, UsageError, type Command } from '../cliSupport.ts';

export const search: Command = async (args) => {
  const { values, positionals } = parse(args, { limit: { type: 'string', short: 'n' } });
  if (positionals.length === 0) throw new UsageError('give a search query');
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number (got ${values.limit})`);
  await withCatalogue(requireCatalogue(values), false, async (catalogue) => {
    const result = await catalogue.search.query(positionals.join(' '), 0, limit);
    if (result.error) throw new UsageError(result.error);
    const hits = result.hits.map((h) => ({ id: h.id, fortepanId: h.fortepanId, title: h.title, file: h.file, credit: h.credit }));
    if (values.json) out(JSON.stringify(result.suggestion ? { total: result.total, hits, suggestion: result.suggestion } : { total: result.total, hits }));
    else {
      out(`${result.total} photo${result.total === 1 ? '' : 's'}`);
      for (const h of hits) out(`${String(h.id).padStart(6)}  ${h.title || h.file}  (${h.credit})`);
      if (result.suggestion) out(`Did you mean: ${result.suggestion}`);
    }
  });
};
