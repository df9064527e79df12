// The catalogue has one door: the API handler, the CLI and the servers call
// `catalogue.<service>.<verb>()`, and SQL lives only in electron/catalogue/store/. These checks
// read the source (TypeScript's own parser for imports, so comments and strings do not count);
// the import zones between the floors (shared/, renderer/, electron/) are the linter's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '../../..');
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(root, dir, f));
}

/** Calls of `.prepare(` / `.exec(` given SQL text: a string literal or a template. */
function sqlCalls(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['prepare', 'exec'].includes(node.expression.name.text)) {
      const [first] = node.arguments;
      if (first && (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first))) {
        found.push(`${rel(file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 80)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function imports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const spec = node.moduleSpecifier.text;
      found.push(spec.startsWith('.') ? rel(path.resolve(path.dirname(file), spec)) : spec);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('SQL is written only in electron/catalogue/store/', () => {
  const outside = [...sourceFiles('electron'), ...sourceFiles('shared')]
    .filter((f) => !rel(f).startsWith('electron/catalogue/store/'))
    .flatMap(sqlCalls);
  assert.deepEqual(outside, []);
});

test('the SQL check finds SQL where it is written', () => {
  const probe = path.join(root, 'tests/unit/architecture/.probe.ts');
  fs.writeFileSync(probe, "db.prepare('SELECT 1').get();\nconst m = /x/.exec(text);\n");
  try {
    assert.equal(sqlCalls(probe).length, 1);
  } finally {
    fs.rmSync(probe);
  }
});

// The door's callers: what they may import from inside the catalogue. The store's backups
// listing and restore work on a catalogue that cannot be opened (that is when they are needed);
// importFormatOf only reads a file name. `fototar migrate` copies a catalogue that is not open
// (it holds the catalogue's lock) into a PostgreSQL database, which is no Catalogue yet either;
// `fototar history` reads such a team catalogue's record of changes (teamEdits.ts) for that reason.
const CALLERS = ['electron/catalogue/apiHandler.ts', 'electron/server.ts', ...sourceFiles('electron/cli').map(rel)];
const ALLOWED_INSIDE = new Set([
  'electron/catalogue/catalogue.ts',
  // The door whichever engine holds the catalogue: a folder (catalogue.ts) or a team's server.
  'electron/catalogue/openCatalogue.ts',
  'electron/catalogue/teamCatalogue.ts',
  'electron/catalogue/openLocation.ts',
  'electron/catalogue/catalogueLocation.ts',
  'electron/catalogue/store/postgres/connectionErrors.ts',
  // `fototar roots` names a team catalogue's folders of originals and maps them on this computer.
  'electron/catalogue/store/postgres/originalRoots.ts',
  'electron/catalogue/store/postgres/teamSearchSources.ts',
  'electron/catalogue/catalogueError.ts',
  'electron/catalogue/cataloguePaths.ts',
  'electron/catalogue/chosenFolders.ts',
  'electron/catalogue/folders/listFolders.ts',
  'electron/catalogue/folders/userPath.ts',
  'electron/catalogue/apiHandler.ts',
  'electron/catalogue/store/catalogueBackup.ts',
  'electron/catalogue/store/catalogueRestore.ts',
  'electron/catalogue/exchange/importFile.ts',
  'electron/catalogue/events/catalogueEvents.ts',
  'electron/catalogue/store/postgres/migrateToPostgres.ts',
  'electron/catalogue/store/postgres/migrateToFolder.ts',
  'electron/catalogue/store/postgres/pgLocation.ts',
  'electron/catalogue/store/postgres/teamEdits.ts',
  // Until a team catalogue opens as a Catalogue with its services (issue 18), the CLI's team
  // commands (edit, undo, history) reach its store, the one the services will stand on.
  'electron/catalogue/store/postgres/pgStore.ts',
]);

test('the API handler, the CLI and the server reach the catalogue only through its services', () => {
  const problems: string[] = [];
  for (const file of CALLERS) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const target of imports(path.join(root, file))) {
      if (target.startsWith('electron/catalogue/') && !ALLOWED_INSIDE.has(target.replace(/\.ts$/, '') + '.ts') && !ALLOWED_INSIDE.has(target)) problems.push(`${file} imports ${target}`);
    }
    // The connection and the repositories are the services' own.
    for (const match of text.matchAll(/\bcatalogue\.(db|store)\b/g)) problems.push(`${file} uses catalogue.${match[1]}`);
  }
  assert.deepEqual(problems, []);
});

test('what sits below the catalogue classes (their services, editing, exchange, store…) never imports them', () => {
  const doors = ['electron/catalogue/catalogue.ts', 'electron/catalogue/teamCatalogue.ts', 'electron/catalogue/openCatalogue.ts', 'electron/catalogue/openLocation.ts'];
  const below = sourceFiles('electron/catalogue').filter((f) => ![...doors, 'electron/catalogue/apiHandler.ts'].includes(rel(f)));
  const upward = below.filter((f) => imports(f).some((target) => doors.includes(target))).map(rel);
  assert.deepEqual(upward, []);
});
