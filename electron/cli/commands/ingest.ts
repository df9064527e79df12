import { englishMessage } from '../../../shared/errorMessages.ts';
import { SKIP_COUNT_KEYS, SKIP_REASONS, type SkipReason } from '../../../shared/skipReasons.ts';
import { englishOnly, parse, requireCatalogue, out, withCatalogue, UsageError, type Command } from '../cliSupport.ts';

export const ingest: Command = async (args) => {
  const { values, positionals } = parse(args);
  const dir = requireCatalogue(values);
  if (positionals.length === 0) throw new UsageError('give at least one file or folder to ingest');
  await withCatalogue(dir, true, async (catalogue) => {
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    let lastDraw = 0;
    const report = await catalogue.ingest.run(positionals, {
      signal: controller.signal,
      onProgress: (p) => {
        if (values.json || !process.stderr.isTTY || Date.now() - lastDraw < 100) return;
        lastDraw = Date.now();
        process.stderr.write(`\r${p.done}/${p.total} files  ${p.rate.toFixed(1)}/s  `);
      },
    });
    process.off('SIGINT', onSignal);
    if (!values.json && process.stderr.isTTY) process.stderr.write('\n');
    if (values.json) out(JSON.stringify({ ...report, warnings: englishOnly(report.warnings), skipped: englishOnly(report.skipped) }));
    else {
      out(
        `added ${report.added}, updated ${report.updated}, unchanged ${report.unchanged}, failed ${report.failed.length}, ` +
          `warnings ${report.warnings.length}; ${report.photos} photos in the catalogue`,
      );
      if (report.skipped.length) out(skippedLine(report.skippedByReason, report.skipped.length));
      for (const failure of report.failed) out(`failed: ${failure.path}: ${failure.reason}`);
      for (const warning of report.warnings) out(`warning: ${warning.path}: ${warning.message}`);
    }
  });
};

/** "skipped 3 files that are not images (2 system files, 1 document)"; `fototar ingest --json` lists them. */
function skippedLine(counts: Partial<Record<SkipReason, number>>, total: number): string {
  const parts = SKIP_REASONS.filter((reason) => counts[reason]).map((reason) => englishMessage(SKIP_COUNT_KEYS[reason], { count: counts[reason]! }));
  return englishMessage('ingestSkipped', { count: total, counts: parts.join(', ') });
}
