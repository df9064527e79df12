// fototar backup --catalogue <dir> [--list] [--json]: makes a backup of the database now (SQLite's
// online backup, into <catalogue>/backups/, keeping the newest 10), or lists the backups. It reads
// through its own read-only connection and takes no lock, so it works while the app is open.
import { parse, requireCatalogue, out, withCatalogueReadOnly, UsageError, type Command } from '../cliSupport.ts';
import { cataloguePaths } from '../../catalogue/cataloguePaths.ts';
// --list reads the backups folder without opening the catalogue: it must work when the database
// cannot be opened (that is when backups are wanted).
import { listBackups } from '../../catalogue/store/catalogueBackup.ts';

export const backup: Command = async (args) => {
  const { values, positionals } = parse(args, { list: { type: 'boolean' } });
  if (positionals.length) throw new UsageError('backup takes no positional arguments');
  const dir = requireCatalogue(values);
  if (values.list) {
    const backups = listBackups(cataloguePaths(dir));
    if (values.json) return out(JSON.stringify({ backups }));
    return out(backups.length ? backups.map((b) => `${b.createdAt}  ${(b.bytes / 1024).toFixed(0).padStart(8)} KiB  ${b.file}`).join('\n') : 'No backups yet.');
  }
  const made = await withCatalogueReadOnly(dir, (catalogue) => catalogue.backups.make());
  out(values.json ? JSON.stringify(made) : `Backed up to ${made.file}`);
};
