// fototar export-metadata --catalogue <dir> --format csv|json [--output file]
import fs from 'node:fs';
import { parse, requireCatalogue, out, withCatalogueReadOnly, UsageError, type Command } from '../cliSupport.ts';
import { exportMetadata } from '../../catalogue/exchange/metadataExport.ts';

export const exportMetadataCommand: Command = async (args) => {
  const { values, positionals } = parse(args, { format: { type: 'string' }, output: { type: 'string', short: 'o' } });
  if (positionals.length) throw new UsageError('export-metadata takes no positional arguments');
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError('--format takes csv or json');
  await withCatalogueReadOnly(requireCatalogue(values), (catalogue) => {
    const text = exportMetadata(catalogue, format);
    if (typeof values.output === 'string') fs.writeFileSync(values.output, text, 'utf8');
    else process.stdout.write(text);
  });
};
