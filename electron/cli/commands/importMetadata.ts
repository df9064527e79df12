// fototar import <file.csv|file.json> --catalogue <dir> [--dry-run] [--keep-blank] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { parse, requireCatalogue, out, withCatalogue, UsageError, type Command } from '../cliSupport.ts';
import { importMetadata } from '../../catalogue/exchange/metadataImport.ts';

export const importCommand: Command = async (args) => {
  const { values, positionals } = parse(args, { 'dry-run': { type: 'boolean' }, 'keep-blank': { type: 'boolean' }, format: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('give one CSV (or JSON) file to import');
  const file = positionals[0];
  const format = values.format ?? (path.extname(file).toLowerCase() === '.json' ? 'json' : 'csv');
  if (format !== 'csv' && format !== 'json') throw new UsageError('--format takes csv or json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  await withCatalogue(requireCatalogue(values), false, (catalogue) => {
    const result = importMetadata(catalogue, text, {
      format,
      keepBlank: values['keep-blank'] === true,
      apply: values['dry-run'] !== true,
      name: path.basename(file),
    });
    if (values.json) return out(JSON.stringify(result));
    const lines: string[] = [];
    for (const change of result.changes) {
      lines.push(`line ${change.line}: ${change.label} (id ${change.id})`);
      for (const f of change.fields) lines.push(`    ${f.field}: ${JSON.stringify(f.before)} -> ${JSON.stringify(f.after)}`);
    }
    for (const r of result.rejected) lines.push(`line ${r.line}: rejected: ${r.reason}`);
    for (const w of result.warnings) lines.push(`line ${w.line}: warning: ${w.message}`);
    if (result.ignoredColumns.length) lines.push(`columns not imported: ${result.ignoredColumns.join(', ')}`);
    const verb = result.applied ? 'changed' : values['dry-run'] ? 'would change' : 'changed';
    lines.push(`${result.rows} rows: ${verb} ${result.changes.length} photos, ${result.unchanged} unchanged, ${result.rejected.length} rejected`);
    out(lines.join('\n'));
  });
};
