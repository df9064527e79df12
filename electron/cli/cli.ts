// The command line: a product feature and the interface acceptance checks use.
// `--json` prints one JSON document on stdout. Every failure prints one line on stderr (see
// errorMessage.ts) and exits 1.
import { out } from './cliSupport.ts';
import { describeError } from './errorMessage.ts';
import { COMMANDS } from './commands/index.ts';

const USAGE = `Usage: fototar <command> [options]
  ingest <path...> --catalogue <dir> [--json]
  list --catalogue <dir> [--rating ">=3"] [--flag pick|reject|none] [--label red|…|none] [--json]
  show <id> --catalogue <dir> [--json]
  edit <id...> --catalogue <dir> [--title t] [--caption c] [--date d] [--donor d] [--photographer p]
       [--country c] [--city c] [--place p] [--tags "a;b"] [--licence l] [--source s] [--archive-ref r] [--notes n]
       [--rating 0-5] [--flag pick|reject|none] [--label red|yellow|green|blue|purple|none] [--json]
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
  relink --folder <old folder> <new folder> --catalogue <dir> [--json]
  folders --catalogue <dir> [--json]
  check-files --catalogue <dir> [--json]
  undo | redo --catalogue <dir> [--json]
  edit <id...> | undo --catalogue postgres://user@host:port/database [--as <name>] [field options as above] [--json]
  roots [add <name> <folder> | map <name> <folder here> | map <name> --forget] --catalogue postgres://… [--json]
  archivist ["<name>"] [--json]   (the name team catalogues record your changes under: set once, or shown)
  history <id> --catalogue <dir|postgres://user@host:port/database> [--json]
  tags list|rename <old> <new>|merge <tag> <into> --catalogue <dir> [--prefix p] [--json]
  sidecars <id...>|--all --catalogue <dir> [--auto on|off] [--naming name.ext.xmp|name.xmp] [--json]
  import <file.csv|file.json> --catalogue <dir> [--dry-run] [--keep-blank] [--json]
  export-metadata --catalogue <dir> --format csv|json [--output file]
  migrate --from <dir> --to postgres://user@host:port/database [--json]
  migrate --from postgres://user@host:port/database --to <new dir> [--json]
A team catalogue on PostgreSQL is given where a folder is: --catalogue postgres://user@host:port/database
(the password from PGPASSWORD or ~/.pgpass; changes recorded under your name: see archivist).`;

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command ? 0 : 1;
  }
  // Own names only: `fototar toString` is an unknown command, not Object.prototype's.
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) {
    process.stderr.write(`fototar: unknown command "${command}"; run "fototar --help" for the list\n`);
    return 1;
  }
  const catalogue = catalogueArgument(args);
  const fail = (error: unknown): number => {
    process.stderr.write(`fototar ${command}: ${describeError(error, { catalogue })}\n`);
    if (process.env.FOTOTAR_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
    return 1;
  };
  // A failure outside the command's own await (a stream, a worker, a timer) ends it the same way.
  const fatal = (error: unknown) => process.exit(fail(error));
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  try {
    const run = await load();
    await run(args);
    return 0;
  } catch (error) {
    return fail(error);
  } finally {
    process.off('uncaughtException', fatal);
    process.off('unhandledRejection', fatal);
  }
}

function catalogueArgument(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--catalogue' || args[i] === '-c') return args[i + 1];
    if (args[i].startsWith('--catalogue=')) return args[i].slice('--catalogue='.length);
  }
  return undefined;
}
