// `fototar export --collection <name> --out <dir> --catalogue <dir> [--size px] [--quality q]
//  [--format jpeg|tiff] [--style s] [--lang l] [--overwrite] [--json]`: a folder of credited
// pictures, the credit list and a manifest. Refuses to replace existing files without --overwrite;
// Ctrl+C cancels and leaves no file behind.
import { openForCommand, parse, requireCatalogue, out, UsageError, type Command } from '../cliSupport.ts';
import { startExportWorkers, type ExportPool, type ExportRequest } from '../../catalogue/catalogue.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/collections.ts';
import { CREDIT_LANGS, CREDIT_STYLES, type CreditLang, type CreditStyle } from '../../../shared/creditStyles.ts';

function choice<T extends string>(value: unknown, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be ${allowed.join('|')} (got ${String(value)})`);
}

function wholeNumber(value: unknown, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${option} must be a whole number (got ${String(value)})`);
  return n;
}

export const exportCommand: Command = async (args) => {
  const { values, positionals } = parse(args, {
    collection: { type: 'string' },
    out: { type: 'string', short: 'o' },
    size: { type: 'string' },
    quality: { type: 'string' },
    format: { type: 'string', short: 'f' },
    style: { type: 'string' },
    lang: { type: 'string' },
    overwrite: { type: 'boolean' },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (typeof values.collection !== 'string' || !values.collection.trim()) throw new UsageError('--collection <name> is required');
  if (typeof values.out !== 'string' || !values.out) throw new UsageError('--out <dir> is required');
  const request = {
    outDir: values.out,
    size: wholeNumber(values.size, 'size'),
    quality: wholeNumber(values.quality, 'quality'),
    format: choice<ExportFormat>(values.format, EXPORT_FORMATS, 'format', 'jpeg'),
    style: choice<CreditStyle>(values.style, CREDIT_STYLES, 'style', 'fortepan'),
    lang: choice<CreditLang>(values.lang, CREDIT_LANGS, 'lang', 'en'),
    overwrite: Boolean(values.overwrite),
  };
  const collectionName = values.collection;
  const catalogueDir = requireCatalogue(values);
  // The workers load sharp while the catalogue is opened and checked, instead of after.
  const pool = startExportWorkers();
  try {
    await exportWith(catalogueDir, collectionName, request, Boolean(values.json), pool);
  } finally {
    await pool.close();
  }
};

async function exportWith(catalogueDir: string, collectionName: string, request: ExportRequest, json: boolean, pool: ExportPool): Promise<void> {
  // A folder, or a team catalogue (its originals where this computer reaches them).
  const catalogue = await openForCommand(catalogueDir, {});
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    // An export reads the catalogue and writes only into its own folder: the opening check of the
    // database runs while the pictures are made (not before, as for commands that edit), and
    // nothing is published unless it passes; a failed check stops the export at once.
    const ready = catalogue.whenWritable();
    ready.catch(() => controller.abort());
    const id = await catalogue.collections.idByName(collectionName);
    let lastDraw = 0;
    const run = catalogue.exports.run(id, request, {
      signal: controller.signal,
      pool,
      ready,
      onProgress: (p) => {
        if (json || !process.stderr.isTTY || Date.now() - lastDraw < 100) return;
        lastDraw = Date.now();
        process.stderr.write(`\r${p.done}/${p.total}  ${p.currentFile ?? ''}`.padEnd(60));
      },
    });
    const [checked, exported] = await Promise.allSettled([ready, run]);
    if (checked.status === 'rejected') throw checked.reason;
    if (exported.status === 'rejected') throw exported.reason;
    const report = exported.value;
    if (!json && process.stderr.isTTY) process.stderr.write('\n');
    for (const w of report.warnings) process.stderr.write(`warning: ${w.message}\n`);
    if (json) out(JSON.stringify(report));
    else out(`exported ${report.files.length - 3} pictures, credits.txt, credits.docx and manifest.csv to ${report.outDir}`);
  } finally {
    process.off('SIGINT', onSignal);
    await catalogue.close();
  }
}
