// The command line: a product feature and the interface acceptance checks use.
// `--json` prints one JSON document on stdout. User errors print one line on stderr and exit 1.
import { CatalogueError } from '../catalogue/catalogueError.ts';
import { out, UsageError } from './cliSupport.ts';
import { COMMANDS } from './commands/index.ts';

const USAGE = `Usage: fototar <command> [options]
  ingest <path...> --catalogue <dir> [--json]
  list --catalogue <dir> [--json]
  show <id> --catalogue <dir> [--json]
  edit <id...> --catalogue <dir> [--title t] [--caption c] [--date d] [--donor d] [--photographer p]
       [--country c] [--city c] [--place p] [--tags "a;b"] [--licence l] [--source s] [--notes n] [--json]
  search "<query>" --catalogue <dir> [--limit n] [--json]
  credits <id...> --catalogue <dir> [--format txt|md]
  serve --catalogue <dir> [--port n]`;

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command ? 0 : 1;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`fototar: unknown command "${command}"; run "fototar --help" for the list\n`);
    return 1;
  }
  try {
    await run(args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof CatalogueError) {
      process.stderr.write(`fototar ${command}: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`fototar ${command}: internal error: ${(error as Error).stack ?? error}\n`);
    return 2;
  }
}
