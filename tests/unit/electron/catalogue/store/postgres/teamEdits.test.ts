// Two or more archivists saving to one team catalogue on a real PostgreSQL server
// (tests/support/postgresServer.ts), each through a pool of their own as their own computers
// would: disjoint batch edits lose nothing; the same field saved by two is a conflict that names
// who, when and their value, and overwrites nothing; different fields of a photo merge; of two
// saves racing for one field exactly one wins; undo takes back only your own steps; a client
// killed mid-save leaves nothing of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { startPostgres, type PostgresServer } from '../../../../../support/postgresServer.ts';
import { createTeamCatalogue } from '../../../../../support/teamCatalogue.ts';
import { EditConflictError, TeamEdits } from '../../../../../../electron/catalogue/store/postgres/teamEdits.ts';
import { localMinute } from '../../../../../../shared/editHistory.ts';
import { renderMessage } from '../../../../../../shared/errorMessages.ts';
import { assertOneLineFailure, runFototar } from '../../../../../support/cli.ts';
import hu from '../../../../../../shared/locales/hu/errors.json' with { type: 'json' };

const CLIENT = fileURLToPath(new URL('../../../../../support/teamEditClient.ts', import.meta.url));
const PHOTOS = 600;

let server: PostgresServer;
let anna: TeamEdits;
let bela: TeamEdits;
let db: pg.Pool;
let ids: number[];

before(async () => {
  server = await startPostgres();
  ({ pool: db, ids } = await createTeamCatalogue(server, 'team', PHOTOS));
  // Each archivist on a connection pool of their own, as on their own computer.
  anna = new TeamEdits(server.pool('team'), 'Kovács Anna');
  bela = new TeamEdits(server.pool('team'), 'Szabó Béla');
});
after(() => server?.stop());

async function field(id: number, column: string): Promise<string> {
  const { rows } = await db.query<Record<string, string>>(`SELECT ${column}::text AS v FROM photos WHERE id = $1`, [id]);
  return rows[0]!.v!;
}

/** How a photo is named in a step's label (its title, Fortepan number or file). */
async function label(id: number): Promise<string> {
  const { rows } = await db.query<{ title: string; fortepan_id: string | null; file: string }>('SELECT title, fortepan_id, file FROM photos WHERE id = $1', [id]);
  const row = rows[0]!;
  return row.title.trim() || (row.fortepan_id ? `Fortepan ${row.fortepan_id}` : row.file.split('/').pop()!);
}

async function conflictOf(saving: Promise<unknown>): Promise<EditConflictError> {
  try {
    await saving;
  } catch (error) {
    if (error instanceof EditConflictError) return error;
    throw error;
  }
  assert.fail('the save was expected to be refused as a conflict');
}

test('two archivists batch-editing disjoint sets at once, twenty saves each: every edit is saved and recorded, none conflicts', async () => {
  const annaSet = ids.slice(0, 300);
  const belaSet = ids.slice(300);
  const saves: Promise<number[]>[] = [];
  for (let round = 1; round <= 20; round++) {
    saves.push(anna.save(annaSet.map((id) => ({ id, patch: { donor: `Anna ${round}`, tags: ['Budapest', `kör ${round}`] } }))));
    saves.push(bela.save(belaSet.map((id) => ({ id, patch: { donor: `Béla ${round}`, place: 'Őrség' } }))));
  }
  const saved = await Promise.all(saves);
  assert.ok(saved.every((changed) => changed.length === 300), 'every save changed its 300 photos');
  // The saves of one pool may commit in any order; the last committed round is what stays.
  const { rows } = await db.query<{ donor: string; place: string; tags: string; n: string }>('SELECT donor, place, tags, count(*) AS n FROM photos GROUP BY donor, place, tags ORDER BY donor');
  assert.equal(rows.length, 2, `each set holds one value: ${JSON.stringify(rows)}`);
  assert.match(rows[0]!.donor, /^Anna \d+$/);
  assert.equal(rows[0]!.place, '');
  assert.match(rows[1]!.donor, /^Béla \d+$/);
  assert.equal(rows[1]!.place, 'Őrség');
  const changes = await db.query<{ author: string; n: string }>('SELECT author, count(*) AS n FROM photo_changes GROUP BY author ORDER BY author');
  // Anna: donor and tags of 300 photos in each of 20 steps; Béla: donor every step, place in the first only.
  assert.deepEqual(changes.rows.map((r) => [r.author, Number(r.n)]), [['Kovács Anna', 20 * 300 * 2], ['Szabó Béla', 20 * 300 + 300]]);
  const steps = await db.query<{ author: string; n: string }>('SELECT author, count(*) AS n FROM edit_history GROUP BY author ORDER BY author');
  assert.deepEqual(steps.rows.map((r) => [r.author, Number(r.n)]), [['Kovács Anna', 20], ['Szabó Béla', 20]]);
});

test('the same field saved by two: the second is refused with who, when and their value, nothing is overwritten; keeping mine saves it over theirs', async () => {
  const id = ids[10]!;
  const opened = await field(id, 'caption');
  await anna.save([{ id, patch: { caption: 'Felvonulás az Andrássy úton' }, seen: { caption: opened } }]);
  const conflict = await conflictOf(bela.save([{ id, patch: { caption: 'Május 1-jei felvonulás' }, seen: { caption: opened } }]));
  assert.equal(conflict.code, 'edit-conflict');
  assert.equal(conflict.conflicts.length, 1);
  const [c] = conflict.conflicts;
  assert.equal(c!.by, 'Kovács Anna');
  assert.deepEqual([c!.field, c!.seen, c!.mine, c!.theirs, c!.name], ['caption', opened, 'Május 1-jei felvonulás', 'Felvonulás az Andrássy úton', `Fortepan ${id}`]);
  assert.ok(Date.now() - Date.parse(c!.at!) < 60_000, 'when Anna saved');
  assert.equal(conflict.message, `Not saved: caption of Fortepan ${id} was changed by Kovács Anna at ${localMinute(c!.at!)} to "Felvonulás az Andrássy úton" after you opened it. Keep theirs, or save yours again over it.`);
  const huCatalogue = { messages: hu, plurals: new Intl.PluralRules('hu'), numbers: new Intl.NumberFormat('hu-HU') };
  assert.match(renderMessage(huCatalogue, conflict.key, conflict.params)!, /^Nem mentődött: Kovács Anna .* módosította a\(z\) Fortepan \d+ caption mezőjét erre: „Felvonulás az Andrássy úton”/);
  assert.equal(await field(id, 'caption'), 'Felvonulás az Andrássy úton', "Anna's caption stands");
  // Béla keeps his own: saved again, over the value he has now seen.
  assert.deepEqual(await bela.save([{ id, patch: { caption: 'Május 1-jei felvonulás' }, seen: { caption: c!.theirs as string } }]), [id]);
  assert.equal(await field(id, 'caption'), 'Május 1-jei felvonulás');
  const history = await anna.history(id);
  assert.deepEqual(history.filter((h) => h.field === 'caption').map((h) => [h.author, h.field, h.before, h.after]), [
    ['Szabó Béla', 'caption', 'Felvonulás az Andrássy úton', 'Május 1-jei felvonulás'],
    ['Kovács Anna', 'caption', opened, 'Felvonulás az Andrássy úton'],
  ]);
});

test('a conflict in one photo of a save refuses the whole save and names every conflicting field; the same value saved by both is no conflict', async () => {
  const [a, b, c] = [ids[20]!, ids[21]!, ids[22]!];
  await anna.save([{ id: a, patch: { title: 'Anna címe', city: 'Szeged' } }, { id: b, patch: { city: 'Győr' } }]);
  const conflict = await conflictOf(
    bela.save([
      { id: a, patch: { title: 'Béla címe', city: 'Szeged' }, seen: { title: '', city: '' } },
      { id: b, patch: { city: 'Pécs' }, seen: { city: '' } },
      { id: c, patch: { city: 'Eger' }, seen: { city: '' } },
    ]),
  );
  assert.deepEqual(conflict.conflicts.map((x) => [x.photo, x.field, x.theirs]), [[a, 'title', 'Anna címe'], [b, 'city', 'Győr']], 'Szeged was saved by both: no conflict');
  assert.match(conflict.message, /and 1 more of the fields you edited were changed by others/);
  assert.equal(await field(c, 'city'), '', 'the photo without a conflict was not saved either: one save, one step');
  assert.equal(await field(a, 'title'), 'Anna címe');
});

test('different fields of the same photo, saved by two from the same opened state, merge', async () => {
  const id = ids[330]!;
  const [annaSave, belaSave] = await Promise.allSettled([
    anna.save([{ id, patch: { date: '1956 körül' }, seen: { date: '' } }]),
    bela.save([{ id, patch: { photographer: 'Fortepan / Hunyady József', tags: ['Duna', 'híd'] }, seen: { photographer: '', tags: [] } }]),
  ]);
  assert.equal(annaSave.status, 'fulfilled', String((annaSave as PromiseRejectedResult).reason));
  assert.equal(belaSave.status, 'fulfilled', String((belaSave as PromiseRejectedResult).reason));
  assert.equal(await field(id, 'date'), '1956~', 'the date as people write it, stored as EDTF');
  assert.equal(await field(id, 'date_from'), '1956-01-01');
  assert.equal(await field(id, 'photographer'), 'Fortepan / Hunyady József');
  assert.equal(await field(id, 'tags'), '["Duna","híd"]');
});

test('two saves racing for the same field from the same opened state: exactly one wins, every time', async () => {
  for (let round = 0; round < 15; round++) {
    const id = ids[40 + round]!;
    const results = await Promise.allSettled([
      anna.save([{ id, patch: { notes: `Anna ${round}` }, seen: { notes: '' } }]),
      bela.save([{ id, patch: { notes: `Béla ${round}` }, seen: { notes: '' } }]),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1, `round ${round}: one save wins`);
    assert.ok(refused[0]!.reason instanceof EditConflictError, `round ${round}: the other is a conflict (${String(refused[0]!.reason)})`);
    const winner = results[0]!.status === 'fulfilled' ? 'Anna' : 'Béla';
    assert.equal(await field(id, 'notes'), `${winner} ${round}`);
    assert.equal((refused[0]!.reason as EditConflictError).conflicts[0]!.theirs, `${winner} ${round}`);
  }
});

test("undo takes back your own last step only, never a colleague's, and not once someone changed those fields since", async () => {
  const [a, b] = [ids[100]!, ids[101]!];
  await anna.save([{ id: a, patch: { country: 'Magyarország' } }], 'Anna: ország');
  await bela.save([{ id: b, patch: { country: 'Ausztria' } }], 'Béla: ország');
  // Anna's undo skips Béla's later step and takes back hers.
  assert.deepEqual(await anna.undo(), { label: 'Anna: ország', ids: [a] });
  assert.equal(await field(a, 'country'), '');
  assert.equal(await field(b, 'country'), 'Ausztria', "Béla's edit is his to undo");
  const annaSteps = await db.query<{ label: string; undone: number }>("SELECT label, undone FROM edit_history WHERE author = 'Kovács Anna' AND label LIKE 'Anna:%'");
  assert.deepEqual(annaSteps.rows, [{ label: 'Anna: ország', undone: 1 }]);
  // Anna edits; Béla changes the same field after her; Anna's undo would overwrite Béla's: refused.
  await anna.save([{ id: b, patch: { place: 'Bécs' } }], 'Anna: hely');
  await bela.save([{ id: b, patch: { place: 'Wien' }, seen: { place: 'Bécs' } }], 'Béla: hely');
  const refused = await conflictOf(anna.undo());
  assert.equal(refused.key, 'undoConflict');
  assert.equal(refused.conflicts[0]!.theirs, 'Wien');
  assert.equal(refused.conflicts[0]!.by, 'Szabó Béla');
  assert.equal(await field(b, 'place'), 'Wien');
  // Béla's own undo puts back Anna's value, and the history says who did what.
  assert.deepEqual(await bela.undo(), { label: 'Béla: hely', ids: [b] });
  assert.equal(await field(b, 'place'), 'Bécs');
  const history = await bela.history(b);
  assert.deepEqual(history.filter((h) => h.field === 'place').map((h) => [h.author, h.before, h.after]), [
    ['Szabó Béla', 'Wien', 'Bécs'],
    ['Szabó Béla', 'Bécs', 'Wien'],
    ['Kovács Anna', '', 'Bécs'],
  ]);
  // `fototar history` shows the same, with who and when, the undo named as such.
  const cli = runFototar(['history', String(b), '--catalogue', server.url('team')]);
  assert.equal(cli.status, 0, cli.stderr);
  const lines = cli.stdout.trim().split('\n');
  assert.match(lines[0]!, /^\d{4}-\d\d-\d\d \d\d:\d\d {2}Szabó Béla {2}place: "Wien" → "Bécs" {2}\(undo of: Béla: hely\)$/);
  assert.match(lines[1]!, /^\d{4}-\d\d-\d\d \d\d:\d\d {2}Szabó Béla {2}place: "Bécs" → "Wien" {2}\(Béla: hely\) \[undone\]$/);
  assert.match(lines[2]!, /Kovács Anna {2}place: "" → "Bécs" {2}\(Anna: hely\)$/);
  assert.ok(lines.some((line) => /Szabó Béla {2}country: "" → "Ausztria" {2}\(Béla: ország\)$/.test(line)), cli.stdout);
  assert.match(assertOneLineFailure(runFototar(['history', '999999', '--catalogue', server.url('team')]), 'history'), /No photo with id 999999/);
});

test("redo puts back your own last undone step, as undo took it back; refused once someone changed those fields since; a new step of yours ends it", async () => {
  const [a, b] = [ids[110]!, ids[111]!];
  await anna.save([{ id: a, patch: { city: 'Szeged' } }, { id: b, patch: { city: 'Szeged' } }], 'Anna: város');
  assert.deepEqual(await anna.undo(), { label: 'Anna: város', ids: [a, b] });
  assert.deepEqual([await field(a, 'city'), await field(b, 'city')], ['', '']);
  assert.equal(await anna.nextRedo(), 'Anna: város');
  assert.notEqual(await bela.nextRedo(), 'Anna: város', "Anna's undone step is not Béla's to redo");
  assert.deepEqual(await anna.redo(), { label: 'Anna: város', ids: [a, b] });
  assert.deepEqual([await field(a, 'city'), await field(b, 'city')], ['Szeged', 'Szeged']);
  assert.equal(await anna.nextRedo(), null);
  const cityHistory = (await anna.history(a)).filter((h) => h.field === 'city');
  assert.deepEqual(cityHistory.map((h) => [h.author, h.before, h.after, h.undone, h.undo ?? false]), [
    ['Kovács Anna', '', 'Szeged', false, false],
    ['Kovács Anna', 'Szeged', '', false, true],
    ['Kovács Anna', '', 'Szeged', false, false],
  ]);

  // Undone again; Béla sets the city meanwhile: Anna's redo would overwrite his value, refused.
  await anna.undo();
  await bela.save([{ id: b, patch: { city: 'Pécs' }, seen: { city: '' } }], 'Béla: város');
  const refused = await conflictOf(anna.redo());
  assert.equal(refused.conflicts[0]!.by, 'Szabó Béla');
  assert.equal(refused.conflicts[0]!.theirs, 'Pécs');
  assert.deepEqual([await field(a, 'city'), await field(b, 'city')], ['', 'Pécs'], 'nothing of the redo applied');

  // A new step of Anna's after her undo: nothing left to redo.
  await anna.save([{ id: a, patch: { city: 'Győr' } }], 'Anna: új város');
  assert.equal(await anna.nextRedo(), null);
  assert.equal(await anna.redo(), null);
});

test('a client killed in the middle of a save leaves nothing of it, and its photos are free for the others at once', async () => {
  const targets = ids.slice(200, 250);
  const before = await db.query('SELECT id, title, version FROM photos WHERE id = ANY($1::bigint[]) ORDER BY id', [targets]);
  const steps = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM edit_history')).rows[0]!.n);
  const edits = targets.map((id) => ({ id, patch: { title: 'Soha nem mentett cím' } }));
  const child = spawn(process.execPath, [CLIENT, server.url('team'), 'Tóth Csilla', JSON.stringify(edits)], {
    env: { ...process.env, FOTOTAR_FAULT: 'pause:team-edit:written' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const paused = new Promise<boolean>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('fault-pause team-edit:written')) resolve(true);
    });
    child.once('exit', () => resolve(false));
  });
  assert.ok(await paused, `the client reached its pause: ${stderr}`);
  // Its rows are locked by the open transaction: a colleague's save waits for them…
  const waiting = anna.save([{ id: targets[0]!, patch: { title: 'Anna címe a halál után' } }]);
  child.kill('SIGKILL');
  // …and goes through once the server sees the connection gone and rolls the save back.
  assert.deepEqual(await waiting, [targets[0]]);
  const after = await db.query('SELECT id, title, version FROM photos WHERE id = ANY($1::bigint[]) ORDER BY id', [targets.slice(1)]);
  assert.deepEqual(after.rows, before.rows.slice(1), 'no photo holds any of the killed save');
  assert.equal(Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM edit_history')).rows[0]!.n), steps + 1, "only Anna's step was added");
  assert.equal(Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM photo_changes WHERE author = 'Tóth Csilla'")).rows[0]!.n), 0);
});

test('an archivist without a name, and an unreadable date, are refused before anything is written', async () => {
  assert.throws(() => new TeamEdits(db, '  '), /Give your name for the team catalogue/);
  await assert.rejects(anna.save([{ id: ids[0]!, patch: { date: 'valamikor régen' } }]), (error: Error & { key?: string }) => error.key === 'dateNotSaved');
});

test('fototar edit and undo on a team catalogue: saved under --as or $FOTOTAR_ARCHIVIST, undo takes back only that archivist\'s step', async () => {
  const [a, b] = [ids[120]!, ids[121]!];
  const url = server.url('team');
  const edited = runFototar(['edit', String(a), String(b), '--caption', 'Lánchíd, 1949', '--date', '1949 körül', '--as', 'Nagy Dóra', '--catalogue', url]);
  assert.equal(edited.status, 0, edited.stderr);
  assert.equal(edited.stdout.trim(), 'saved 2 photos');
  assert.equal(await field(a, 'date'), '1949~');
  const byEnv = runFototar(['edit', String(b), '--place', 'Budapest', '--catalogue', url, '--json'], { env: { FOTOTAR_ARCHIVIST: 'Kiss Ede' } });
  assert.deepEqual(JSON.parse(byEnv.stdout), { changed: [b] });
  const history = await anna.history(b);
  assert.deepEqual(history.slice(0, 3).map((h) => [h.author, h.field]), [['Kiss Ede', 'place'], ['Nagy Dóra', 'date'], ['Nagy Dóra', 'caption']]);
  // Dóra's undo skips Ede's later step and takes back her own.
  const undone = runFototar(['undo', '--as', 'Nagy Dóra', '--catalogue', url]);
  assert.equal(undone.status, 0, undone.stderr);
  assert.equal(undone.stdout.trim(), 'undid: Edit caption, date of 2 photos');
  assert.equal(await field(a, 'caption'), '');
  assert.equal(await field(b, 'place'), 'Budapest');
  assert.equal(runFototar(['undo', '--as', 'Nagy Dóra', '--catalogue', url]).stdout.trim(), 'nothing of yours to undo');
  // Dóra's redo puts her step back; Ede has nothing undone to redo.
  const redone = runFototar(['redo', '--as', 'Nagy Dóra', '--catalogue', url]);
  assert.equal(redone.status, 0, redone.stderr);
  assert.equal(redone.stdout.trim(), 'redid: Edit caption, date of 2 photos');
  assert.equal(await field(a, 'date'), '1949~');
  assert.equal(runFototar(['redo', '--as', 'Kiss Ede', '--catalogue', url]).stdout.trim(), 'nothing of yours to redo');

  // A tag added and a turn, as in a folder catalogue: steps of their own, under the name given.
  const turned = runFototar(['edit', String(a), '--add-tag', 'villamos', '--rotate', '90', '--as', 'Kiss Ede', '--catalogue', url, '--json']);
  assert.equal(turned.status, 0, turned.stderr);
  assert.deepEqual(JSON.parse(turned.stdout), { changed: [a] });
  const { rows } = await db.query<{ rotation: number; tags: string }>('SELECT rotation, tags FROM photos WHERE id = $1', [a]);
  assert.equal(rows[0]!.rotation, 90);
  assert.match(rows[0]!.tags, /villamos/);
  assert.equal(runFototar(['undo', '--as', 'Kiss Ede', '--catalogue', url]).stdout.trim(), `undid: Rotate clockwise ${await label(a)}`);
  assert.equal((await db.query<{ rotation: number }>('SELECT rotation FROM photos WHERE id = $1', [a])).rows[0]!.rotation, 0);
});

test('an archivist sets their name once (fototar archivist): later edits are recorded under it; --as and $FOTOTAR_ARCHIVIST still come first', async () => {
  const config = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-archivist-'));
  const env = { FOTOTAR_CONFIG_DIR: config };
  const system = os.userInfo().username;
  assert.equal(runFototar(['archivist'], { env }).stdout.trim(), `${system} (the system user name; set yours once with: fototar archivist "Your Name")`);
  const set = runFototar(['archivist', '  Szabó   Éva  '], { env });
  assert.equal(set.status, 0, set.stderr);
  assert.equal(set.stdout.trim(), 'Szabó Éva (set with fototar archivist)');
  assert.deepEqual(JSON.parse(runFototar(['archivist', '--json'], { env }).stdout), { name: 'Szabó Éva', source: 'chosen' });

  const photo = ids[130]!;
  const url = server.url('team');
  assert.equal(runFototar(['edit', String(photo), '--title', 'Vásárcsarnok', '--catalogue', url], { env }).status, 0);
  assert.equal(runFototar(['edit', String(photo), '--place', 'Fővám tér', '--catalogue', url], { env: { ...env, FOTOTAR_ARCHIVIST: 'Kiss Ede' } }).status, 0);
  assert.equal(runFototar(['edit', String(photo), '--notes', 'Átnézve', '--as', 'Nagy Dóra', '--catalogue', url], { env }).status, 0);
  const history = await anna.history(photo);
  assert.deepEqual(history.slice(0, 3).map((h) => [h.author, h.field]), [['Nagy Dóra', 'notes'], ['Kiss Ede', 'place'], ['Szabó Éva', 'title']]);
  // The undo finds her own step by the same name.
  assert.equal(runFototar(['undo', '--catalogue', url], { env }).stdout.trim(), 'undid: Edit title of Vásárcsarnok');

  assert.match(assertOneLineFailure(runFototar(['archivist', '   '], { env }), 'archivist'), /one line of at most 100 characters, not empty/);
  assert.match(assertOneLineFailure(runFototar(['edit', String(photo), '--title', 'x', '--as', 'x'.repeat(101), '--catalogue', url], { env }), 'edit'), /one line of at most 100 characters/);
  assert.equal(runFototar(['archivist'], { env }).stdout.trim(), 'Szabó Éva (set with fototar archivist)', 'a refused name leaves the one set');
  fs.rmSync(config, { recursive: true, force: true });
});
