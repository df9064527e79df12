// The command line: a product feature and the interface acceptance checks use.
// `--json` prints one JSON document on stdout. User errors print one line on stderr and exit 1.
import { CatalogueError } from '../catalogue/catalogueError.ts';
import { out, UsageError, warn } from './cliSupport.ts';
import { COMMANDS } from './commands/index.ts';

const USAGE = `Usage: fototar <command> [options]
  ingest <path...> --catalogue <dir> [--json]
  list --catalogue <dir> [--json]
  show <id> --catalogue <dir> [--json]
  edit <id...> --catalogue <dir> [--title t] [--caption c] [--date d] [--donor d] [--photographer p]
       [--country c] [--city c] [--place p] [--tags "a;b"] [--licence l] [--source s] [--notes n] [--json]
  search "<query>" --catalogue <dir> [--limit n] [--json]
  credits <id...> --catalogue <dir> [--format txt|md]
  credits --collection <name> --catalogue <dir> [--format txt|md|html|csv|docx] [--style fortepan|press|commons|tasl]
       [--lang hu|en] [--out file] [--overwrite]
  collection create|add|remove|move|list|show|rename|delete|modified ... --catalogue <dir> [--json]
       (add <name> <id...>; remove <name> <id...>; move <name> <id> <position>; show <name>)
  export --collection <name> --out <dir> --catalogue <dir> [--size px] [--quality q] [--format jpeg|tiff]
       [--style s] [--lang l] [--overwrite] [--json]
  serve --catalogue <dir> [--port n]
  backup --catalogue <dir> [--list] [--json]
  restore <backup file|latest> --catalogue <dir> [--json]
  relink <id> <new path> --catalogue <dir> [--json]
  check-files --catalogue <dir> [--json]
  undo | redo --catalogue <dir> [--json]
  tags list|rename <old> <new>|merge <tag> <into> --catalogue <dir> [--prefix p] [--json]
  sidecars <id...>|--all --catalogue <dir> [--auto on|off] [--naming name.ext.xmp|name.xmp] [--json]
  import <file.csv|file.json> --catalogue <dir> [--dry-run] [--keep-blank] [--json]
  export-metadata --catalogue <dir> --format csv|json [--output file]`;

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
      warn(`fototar ${command}: ${error.message}`);
      return 1;
    }
    process.stderr.write(`fototar ${command}: internal error: ${(error as Error).stack ?? error}\n`);
    return 2;
  }
}
