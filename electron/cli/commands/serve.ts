import { parse, requireCatalogue, out, UsageError, type Command } from '../cliSupport.ts';
import { namedLocation } from '../../catalogue/catalogueLocation.ts';
import { browserModeHost } from '../../server/browserModeHost.ts';
import { startServer } from '../../server.ts';

export const serve: Command = async (args) => {
  const { values } = parse(args, { port: { type: 'string', short: 'p' } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535 (got ${values.port})`);
  // A folder, or a team catalogue on PostgreSQL opened under this archivist's name; the window's
  // "Open catalogue…" may open another in its place.
  const named = requireCatalogue(values);
  const host = await browserModeHost(namedLocation(named), {
    purpose: 'fototar serve',
    onBackupError: (error) => process.stderr.write(`fototar serve: ${error.message}\n`),
  });
  const server = await startServer(host, { port });
  out(`Fototar is serving ${host.catalogue.location} in browser mode at ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await host.close();
};
