import { parse, requireCatalogue, out, UsageError, type Command } from '../cliSupport.ts';
import { openCatalogueAt } from '../../catalogue/openLocation.ts';
import { defaultCacheDirectory } from '../../preferences/cacheDirectory.ts';
import { defaultConfigDirectory } from '../../preferences/userPreferences.ts';
import { chosenArchivist } from '../teamCatalogue.ts';
import { startServer } from '../../server.ts';

export const serve: Command = async (args) => {
  const { values } = parse(args, { port: { type: 'string', short: 'p' } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535 (got ${values.port})`);
  // A folder, or a team catalogue on PostgreSQL opened under this archivist's name.
  const catalogue = await openCatalogueAt(requireCatalogue(values), {
    purpose: 'fototar serve',
    chosenArchivist: chosenArchivist(),
    cacheDir: defaultCacheDirectory(),
    configDir: defaultConfigDirectory(),
  });
  // Backups on open and every few hours; originals checked for missing files in the background.
  catalogue.startBackgroundDuties({ onBackupError: (error) => process.stderr.write(`fototar serve: ${error.message}\n`) });
  const server = await startServer(catalogue, { port });
  out(`Fototar is serving ${catalogue.location} in browser mode at ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await catalogue.close();
};
