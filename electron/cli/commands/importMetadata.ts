// fototar import <file.csv|file.xlsx|file.json> --catalogue <dir> [--dry-run] [--keep-blank] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { englishOnly, parse, requireCatalogue, out, withCatalogue, UsageError, type Command } from '../cliSupport.ts';
import { importFormatOf } from '../../catalogue/exchange/importFile.ts';

export const importCommand: Command = async (args) => {
  const { values, positionals } = parse(args, { 'dry-run': { type: 'boolean' }, 'keep-blank': { type: 'boolean' }, 'skip-bad-dates': { type: 'boolean' }, format: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('give one CSV, XLSX or JSON file to import');
  const file = positionals[0];
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const format = values.format ?? importFormatOf(file, bytes);
  if (format !== 'csv' && format !== 'json' && format !== 'xlsx') throw new UsageError('--format takes csv, xlsx or json');
  await withCatalogue(requireCatalogue(values), false, async (catalogue) => {
    const result = await catalogue.exchange.import(bytes, {
      format,
      keepBlank: values['keep-blank'] === true,
      skipBadDates: values['skip-bad-dates'] === true,
      apply: values['dry-run'] !== true,
      name: path.basename(file),
    });
    if (values.json) return out(JSON.stringify({ ...result, rejected: englishOnly(result.rejected), warnings: englishOnly(result.warnings) }));
    const lines: string[] = [];
    for (const change of result.changes) {
      lines.push(`line ${change.line}: ${change.label} (id ${change.id})`);
      for (const f of change.fields) lines.push(`    ${f.field}: ${JSON.stringify(f.before)} -> ${JSON.stringify(f.after)}`);
    }
    for (const r of result.rejected) lines.push(`line ${r.line}: rejected: ${r.reason}`);
    for (const w of result.warnings) lines.push(`line ${w.line}: warning: ${w.message}`);
    if (result.encoding) lines.push(`read as ${result.encoding}`);
    if (result.ignoredColumns.length) lines.push(`columns not imported: ${result.ignoredColumns.join(', ')}`);
    const verb = result.applied ? 'changed' : values['dry-run'] ? 'would change' : 'changed';
    lines.push(`${result.rows} rows: ${verb} ${result.changes.length} photos, ${result.unchanged} unchanged, ${result.rejected.length} rejected`);
    out(lines.join('\n'));
  });
};
