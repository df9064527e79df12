// fototar restore <backup file | latest> --catalogue <dir> [--json]: puts a backup in place of the
// catalogue's database, all or nothing (store/catalogueRestore.ts). The catalogue must not be
// open; the current database is kept as a "-before-restore" backup (or copied aside if damaged),
// so restoring never loses anything.
import { parse, requireCatalogue, out, UsageError, type Command } from '../cliSupport.ts';
import { cataloguePaths } from '../../catalogue/cataloguePaths.ts';
import { latestBackup } from '../../catalogue/store/catalogueBackup.ts';
import { restoreBackup } from '../../catalogue/store/catalogueRestore.ts';

export const restore: Command = async (args) => {
  const { values, positionals } = parse(args);
  if (positionals.length !== 1) throw new UsageError('give one backup file (or "latest") to restore');
  const paths = cataloguePaths(requireCatalogue(values));
  let file = positionals[0];
  if (file === 'latest') {
    const newest = latestBackup(paths);
    if (!newest) throw new UsageError(`no backups in ${paths.root}`);
    file = newest.file;
  }
  const result = await restoreBackup(file, paths);
  if (values.json) return out(JSON.stringify(result));
  out(`Restored ${result.restored} (${result.photos} photos).${result.previous ? ` The previous database was kept as ${result.previous}.` : ''}`);
};
