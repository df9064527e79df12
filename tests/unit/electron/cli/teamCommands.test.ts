// The commands on a team catalogue (--catalogue postgres://…), as on a folder: the 1,124 real
// Fortepan records migrated from a folder print the same lists, photos, search hits, credit lists,
// tags, folders and metadata export from both engines; a collection made on the server is shared;
// what a team catalogue does not do (a backup of its own: the server's is pg_dump) is one clear line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { migratedCorpusCatalogue } from '../../../support/teamCatalogue.ts';
import { startPostgres, type PostgresServer } from '../../../support/postgresServer.ts';
import { tempDir } from '../../../support/fixtures.ts';
import { assertOneLineFailure, runFototar } from '../../../support/cli.ts';

let server: PostgresServer;
let folder: string;
let team: string;
let env: NodeJS.ProcessEnv;

before(async () => {
  server = await startPostgres();
  ({ folder } = await migratedCorpusCatalogue(server, 'parancsok'));
  team = server.url('parancsok');
  const home = await tempDir('fototar-team-cli-');
  env = { FOTOTAR_CACHE_DIR: path.join(home, 'cache'), FOTOTAR_CONFIG_DIR: path.join(home, 'config'), FOTOTAR_ARCHIVIST: 'Kovács Anna' };
});
after(() => server?.stop());

function run(...args: string[]): string {
  const r = runFototar(args, { env });
  assert.equal(r.status, 0, `fototar ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

test('list, show, search, credits, tags, folders and export-metadata print the same from the team catalogue as from the folder', () => {
  const listed = JSON.parse(run('list', '--catalogue', folder, '--json')) as { photos: { id: number }[] };
  assert.equal(listed.photos.length, 1124);
  const ids = listed.photos.slice(0, 25).map((p) => String(p.id));
  const commands: string[][] = [
    ['list', '--json'],
    ['list'],
    ['show', ids[3]!, '--json'],
    ['show', ids[3]!],
    ['search', 'Budapest villamos', '--limit', '50', '--json'],
    ['search', 'Kolozsvárott'],
    ['credits', ...ids, '--format', 'md'],
    ['credits', ...ids, '--style', 'press', '--lang', 'hu'],
    ['tags', 'list', '--json'],
    ['folders', '--json'],
    ['export-metadata', '--format', 'csv'],
  ];
  for (const command of commands) {
    assert.equal(run(...command, '--catalogue', team), run(...command, '--catalogue', folder), `fototar ${command.join(' ')}`);
  }
});

test('a collection made on the team catalogue is the team’s: another archivist lists it and its credits', () => {
  const ids = (JSON.parse(run('search', 'Budapest', '--limit', '3', '--catalogue', team, '--json')) as { hits: { id: number }[] }).hits.map((h) => String(h.id));
  run('collection', 'create', 'Könyv: A pesti villamos', '--catalogue', team);
  run('collection', 'add', 'Könyv: A pesti villamos', ...ids, '--catalogue', team);
  const other = runFototar(['collection', 'show', 'Könyv: A pesti villamos', '--catalogue', team, '--json'], { env: { ...env, FOTOTAR_ARCHIVIST: 'Szabó Béla' } });
  assert.equal(other.status, 0, other.stderr);
  assert.deepEqual((JSON.parse(other.stdout) as { items: { id: number }[] }).items.map((i) => String(i.id)), ids);
  assert.match(run('credits', '--collection', 'Könyv: A pesti villamos', '--catalogue', team), /Fortepan/);
});

test('what a team catalogue cannot do from here says so in one line: a backup of its own', async () => {
  assert.match(assertOneLineFailure(runFototar(['backup', '--catalogue', team], { env }), 'backup'), /pg_dump/);
});
