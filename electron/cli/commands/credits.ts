import { parse, requireCatalogue, parseIds, withCatalogue, UsageError, type Command } from '../cliSupport.ts';

export const credits: Command = async (args) => {
  const { values, positionals } = parse(args, { format: { type: 'string', short: 'f' } });
  const ids = parseIds(positionals);
  const format = values.format ?? 'txt';
  if (format !== 'txt' && format !== 'md') throw new UsageError(`--format must be txt or md (got ${format})`);
  await withCatalogue(requireCatalogue(values), false, (catalogue) => {
    process.stdout.write(catalogue.creditList(ids, format));
  });
};
