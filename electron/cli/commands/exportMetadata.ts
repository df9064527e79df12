// fototar export-metadata --catalogue <dir> --format csv|xlsx|json [--output file] [--lang en|hu] [--delimiter ";"]
import { once } from 'node:events';
import { parse, requireCatalogue, withCatalogueReadOnly, UsageError, type Command } from '../cliSupport.ts';

export const exportMetadataCommand: Command = async (args) => {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    lang: { type: 'string' },
    delimiter: { type: 'string' },
  });
  if (positionals.length) throw new UsageError('export-metadata takes no positional arguments');
  const format = values.format ?? (typeof values.output === 'string' && /\.xlsx$/i.test(values.output) ? 'xlsx' : 'csv');
  if (format !== 'csv' && format !== 'json' && format !== 'xlsx') throw new UsageError('--format takes csv, xlsx or json');
  const lang = values.lang ?? 'en';
  if (lang !== 'en' && lang !== 'hu') throw new UsageError('--lang takes en or hu');
  const delimiter = values.delimiter === '\\t' || values.delimiter === 'tab' ? '\t' : values.delimiter;
  if (delimiter !== undefined && delimiter !== ',' && delimiter !== ';' && delimiter !== '\t') throw new UsageError('--delimiter takes "," ";" or tab');
  if (format === 'xlsx' && typeof values.output !== 'string') throw new UsageError('an XLSX export needs --output <file.xlsx>');
  await withCatalogueReadOnly(requireCatalogue(values), async (catalogue) => {
    // A piece at a time: a million photos are never one string or one workbook in memory.
    if (typeof values.output === 'string') return catalogue.exchange.exportToFile(values.output, format, { lang, delimiter });
    if (format === 'xlsx') return;
    for await (const piece of catalogue.exchange.exportPieces(format, { lang, delimiter })) {
      if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
    }
  });
};
