// fototar migrate --from <catalogue folder> --to postgres://user@host:port/db [--json]: copies a
// folder catalogue into an empty PostgreSQL database for a team (store/postgres/
// migrateToPostgres.ts); with --from and --to the other way round, a team catalogue back into a
// new folder (migrateToFolder.ts). The source is only read; the target gets everything or
// nothing, checked table by table first. The password comes from PGPASSWORD or ~/.pgpass, never
// from the address.
import { isPostgresLocation } from '../../catalogue/store/postgres/pgLocation.ts';
import { migrateFolderToPostgres, type MigrationProgress } from '../../catalogue/store/postgres/migrateToPostgres.ts';
import { migratePostgresToFolder } from '../../catalogue/store/postgres/migrateToFolder.ts';
import { out, parse, UsageError, type Command } from '../cliSupport.ts';

const PHASE_NAMES: Record<MigrationProgress['phase'], string> = {
  settings: 'settings',
  photos: 'photos',
  edit_history: 'edit history',
  collections: 'collections',
  collection_items: 'collection items',
  thumbnails: 'thumbnails',
  verifying: 'checking',
};

export const migrate: Command = async (args) => {
  const { values, positionals } = parse(args, { from: { type: 'string' }, to: { type: 'string' } });
  if (positionals.length) throw new UsageError('migrate takes no positional arguments');
  const from = values.from;
  const to = values.to;
  if (typeof from !== 'string' || typeof to !== 'string' || !from || !to) throw new UsageError('give --from <catalogue folder> and --to postgres://user@host:port/database');
  const toTeam = isPostgresLocation(to);
  if (toTeam === isPostgresLocation(from)) throw new UsageError('one of --from and --to must be a catalogue folder and the other a PostgreSQL address (postgres://user@host:port/database)');
  const drawing = !values.json && process.stderr.isTTY;
  let lastDraw = 0;
  const onProgress = (p: MigrationProgress) => {
    if (!drawing || (Date.now() - lastDraw < 100 && p.done !== 0 && p.done !== p.total)) return;
    lastDraw = Date.now();
    process.stderr.write(`\r${progressBar(p)}\x1b[K`);
  };
  const report = toTeam ? await migrateFolderToPostgres(from, to, { onProgress }) : await migratePostgresToFolder(from, to, { onProgress });
  if (drawing) process.stderr.write('\r\x1b[K');
  if (values.json) return out(JSON.stringify(report));
  const rows = (table: string) => report.tables[table]?.rows ?? 0;
  out(
    `migrated ${rows('photos')} photos, ${report.thumbnails.copied} thumbnails (${(report.thumbnails.bytes / 1048576).toFixed(1)} MiB), ` +
      `${rows('edit_history')} history steps, ${rows('collections')} collections (${rows('collection_items')} picks), ${rows('settings')} settings; ` +
      'every table was read back and matched the catalogue',
  );
  const authored = report.authoredChangesLeft ?? 0;
  if (authored) out(`${authored} recorded change${authored === 1 ? ' with its author stays' : 's with their authors stay'} in the team catalogue only: a folder catalogue has one user (its undo history was copied)`);
  if (report.thumbnailsAbsent) out(`${report.thumbnailsAbsent} photos had no thumbnails in the catalogue folder: they are made again when shown`);
};

/** "photos  [########------------]  40,000/200,000" */
function progressBar(p: MigrationProgress): string {
  const width = 24;
  const share = p.total ? Math.min(1, p.done / p.total) : 1;
  const filled = Math.round(share * width);
  return `${PHASE_NAMES[p.phase].padEnd(16)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')}`;
}
