// Originals on shared storage (issue 18, item 5): Anna added scans from /…/anna/scans; on Béla's
// computer the same scans are under /…/bela/nas/scans. The team names the folder once
// ("Szkennelések", fototar roots add); Béla says once where he reaches it (roots map, kept on his
// computer only); then his large view, his sidecars and his export read and write the originals
// where they are for him, while the catalogue keeps the path it recorded and Anna's computer is
// untouched by his mapping. A folder catalogue has no named folders, and says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startPostgres, type PostgresServer } from '../../../support/postgresServer.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../support/fixtures.ts';
import { assertOneLineFailure, runFototar } from '../../../support/cli.ts';
import { TeamCatalogue } from '../../../../electron/catalogue/teamCatalogue.ts';
import { RootPaths } from '../../../../electron/preferences/rootPaths.ts';
import { teamCatalogueId } from '../../../../electron/catalogue/store/postgres/teamSearchSources.ts';

let server: PostgresServer;
let team: string;
let home: string;
let annaScans: string;
let belaScans: string;
const anna = (home: string) => ({ FOTOTAR_CONFIG_DIR: path.join(home, 'anna-config'), FOTOTAR_CACHE_DIR: path.join(home, 'anna-cache'), FOTOTAR_ARCHIVIST: 'Kovács Anna' });
const bela = (home: string) => ({ FOTOTAR_CONFIG_DIR: path.join(home, 'bela-config'), FOTOTAR_CACHE_DIR: path.join(home, 'bela-cache'), FOTOTAR_ARCHIVIST: 'Szabó Béla' });

function run(env: NodeJS.ProcessEnv, ...args: string[]): string {
  const r = runFototar(args, { env });
  assert.equal(r.status, 0, `fototar ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

before(async () => {
  server = await startPostgres();
  home = await tempDir('fototar-roots-');
  annaScans = path.join(home, 'anna', 'scans');
  belaScans = path.join(home, 'bela', 'nas', 'scans');
  await writeFixture(path.join(annaScans, 'Doboz 1'), 'fortepan_54176.jpg', makeJpeg({ colour: '#aa3322' }));
  await writeFixture(path.join(annaScans, 'Doboz 2'), 'fortepan_7416.jpg', makeJpeg({ colour: '#2233aa' }));
  const folder = path.join(home, 'anna-catalogue');
  run(anna(home), 'ingest', annaScans, '--catalogue', folder);
  await server.createDatabase('gyoker');
  team = server.url('gyoker');
  run(anna(home), 'migrate', '--from', folder, '--to', team);
  // Béla's computer reaches the same scans elsewhere; Anna's path is not there for him.
  fs.cpSync(annaScans, belaScans, { recursive: true });
  fs.rmSync(path.join(home, 'anna'), { recursive: true });
});
after(() => server?.stop());

test('the team names a folder once; Béla maps it once on his computer; his large view, sidecars and export find the originals there', async () => {
  assert.match(run(anna(home), 'roots', 'add', 'Szkennelések', annaScans, '--catalogue', team), /^"Szkennelések" names .*anna\/scans\/ \(2 photos\)/);
  assert.match(run(bela(home), 'roots', '--catalogue', team), /Szkennelések {2}.*anna\/scans\/ {2}2 photos {2}not mapped on this computer/);
  run(bela(home), 'roots', 'map', 'Szkennelések', belaScans, '--catalogue', team);
  const listed = JSON.parse(run(bela(home), 'roots', '--catalogue', team, '--json')) as { roots: { name: string; here: string | null; photos: number }[] };
  assert.deepEqual(listed.roots.map((r) => [r.name, r.here, r.photos]), [['Szkennelések', belaScans, 2]]);
  assert.equal((JSON.parse(run(anna(home), 'roots', '--catalogue', team, '--json')) as { roots: { here: string | null }[] }).roots[0]!.here, null, "Béla's mapping is his computer's only");

  // The large view: the original as Béla reaches it; the catalogue keeps the recorded path.
  const catalogue = await TeamCatalogue.open(team, { archivist: 'Szabó Béla', cacheDir: path.join(home, 'bela-cache'), localRoots: (id) => new RootPaths(path.join(home, 'bela-config')).read(id) });
  let ids: number[];
  try {
    ids = await catalogue.photos.ids();
    const photo = (await catalogue.photos.get(ids[0]!))!;
    assert.ok(photo.file.startsWith(annaScans), 'the recorded path is unchanged');
    const full = await catalogue.photos.fullImageFile(ids[0]!);
    assert.equal(full?.file, path.join(belaScans, path.relative(annaScans, photo.file)));
  } finally {
    await catalogue.close();
  }

  // Sidecars beside Béla's originals; an export of a collection reads them there.
  run(bela(home), 'sidecars', ...ids.map(String), '--catalogue', team);
  assert.ok(fs.existsSync(path.join(belaScans, 'Doboz 1', 'fortepan_54176.jpg.xmp')));
  run(bela(home), 'collection', 'create', 'Kiállítás', '--catalogue', team);
  run(bela(home), 'collection', 'add', 'Kiállítás', ...ids.map(String), '--catalogue', team);
  const out = path.join(home, 'export');
  const report = JSON.parse(run(bela(home), 'export', '--collection', 'Kiállítás', '--out', out, '--catalogue', team, '--json')) as { files: string[] };
  assert.equal(report.files.length, 2 + 3, 'two pictures, the credit lists and the manifest');

  // Without the mapping (Anna's computer), the same original is not found where it was recorded.
  const failed = runFototar(['export', '--collection', 'Kiállítás', '--out', path.join(home, 'export-anna'), '--catalogue', team], { env: anna(home) });
  assert.match(assertOneLineFailure(failed, 'export'), /original|not found|missing/i);
});

test('an open catalogue follows named folders as they change: a colleague names one (the server tells), this computer maps one (its file is watched)', async () => {
  await server.createDatabase('elo');
  const live = server.url('elo');
  run(anna(home), 'migrate', '--from', path.join(home, 'anna-catalogue'), '--to', live);
  const pool = server.pool('elo');
  const id = await teamCatalogueId(pool);
  // Béla has said where he reaches "Szkennelések" before the team named it.
  const belaConfig = path.join(home, 'bela-live-config');
  const mapped = new RootPaths(belaConfig);
  mapped.write(id, 'Szkennelések', belaScans);
  const catalogue = await TeamCatalogue.open(live, {
    archivist: 'Szabó Béla',
    cacheDir: path.join(home, 'bela-live-cache'),
    localRoots: (catalogueId) => mapped.read(catalogueId),
    watchLocalRoots: (onChange) => mapped.watch(onChange),
  });
  const until = async (what: string, ok: () => Promise<boolean>) => {
    for (const deadline = Date.now() + 20_000; !(await ok()); ) {
      assert.ok(Date.now() < deadline, `not within 20 s: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  try {
    await catalogue.search.query('Budapest', 0, 1); // the window's first search: the feed follows the server from here
    const ids = await catalogue.photos.ids();
    const files = new Map<number, string>();
    for (const photoId of ids) files.set(photoId, (await catalogue.photos.get(photoId))!.file);
    const [inBox1, inBox2] = [...files].sort((a, b) => a[1].localeCompare(b[1]));
    const here = async (photoId: number) => (await catalogue.photos.fullImageFile(photoId))?.file ?? null;
    const onBelas = (file: string) => path.join(belaScans, path.relative(annaScans, file));
    assert.equal(await here(inBox1![0]), null, 'not named yet: looked for where Anna recorded it, which is not here');

    // Anna names the folder now; Béla's open catalogue hears it from the server.
    run(anna(home), 'roots', 'add', 'Szkennelések', annaScans, '--catalogue', live);
    await until('the named folder reaches the open catalogue', async () => (await here(inBox1![0])) === onBelas(inBox1![1]));

    // Anna names the second box on its own; Béla maps it elsewhere with `fototar roots map` while his catalogue is open.
    run(anna(home), 'roots', 'add', 'Második doboz', path.dirname(inBox2![1]), '--catalogue', live);
    await until('the deeper named folder is known (and not mapped here)', async () => (await here(inBox2![0])) === null);
    const elsewhere = path.join(home, 'bela', 'usb', 'doboz2');
    fs.cpSync(path.dirname(onBelas(inBox2![1])), elsewhere, { recursive: true });
    run({ ...bela(home), FOTOTAR_CONFIG_DIR: belaConfig }, 'roots', 'map', 'Második doboz', elsewhere, '--catalogue', live);
    await until('his new mapping reaches the open catalogue', async () => (await here(inBox2![0])) === path.join(elsewhere, path.basename(inBox2![1])));
  } finally {
    await catalogue.close();
  }
});

test('named folders: a second name for the same folder, a relative folder and an unknown name are refused in one line; a folder catalogue has none', async () => {
  assert.match(assertOneLineFailure(runFototar(['roots', 'add', 'Másik név', annaScans, '--catalogue', team], { env: anna(home) }), 'roots'), /already names/);
  assert.match(assertOneLineFailure(runFototar(['roots', 'add', 'Relatív', 'scans/x', '--catalogue', team], { env: anna(home) }), 'roots'), /must be a full path/);
  assert.match(assertOneLineFailure(runFototar(['roots', 'map', 'Nincs ilyen', belaScans, '--catalogue', team], { env: bela(home) }), 'roots'), /no named folder "Nincs ilyen"/);
  const folder = await tempDir('fototar-roots-folder-');
  assert.match(assertOneLineFailure(runFototar(['roots', '--catalogue', folder], { env: anna(home) }), 'roots'), /team catalogue's/);
});

test('Béla adds a new box of scans from his computer: recorded under the named folder as the team records it, thumbnails on the server for Anna, unchanged files not read again, a copy flagged as a duplicate', async () => {
  const box = path.join(belaScans, 'Doboz 3');
  await writeFixture(box, 'fortepan_100200.jpg', makeJpeg({ colour: '#33aa55', width: 120, height: 90 }));
  const first = JSON.parse(run(bela(home), 'ingest', box, '--catalogue', team, '--json')) as { added: number; unchanged: number; photos: number };
  assert.deepEqual([first.added, first.unchanged, first.photos], [1, 0, 3]);
  const listed = JSON.parse(run(anna(home), 'list', '--catalogue', team, '--json')) as { photos: { id: number; file: string; fortepanId: number | null }[] };
  const added = listed.photos.find((p) => p.fortepanId === 100200)!;
  assert.equal(added.file, path.join(annaScans, 'Doboz 3', 'fortepan_100200.jpg'), 'recorded under the named folder, as the team records it');
  // Anna (another computer, another cache) sees its thumbnail, made on Béla's.
  const catalogue = await TeamCatalogue.open(team, { archivist: 'Kovács Anna', cacheDir: path.join(home, 'anna-cache') });
  try {
    const thumb = await catalogue.photos.shownImageFile(added.id, 'grid');
    assert.ok(thumb && thumb.startsWith(path.join(home, 'anna-cache')), `copied from the server into Anna's cache: ${thumb}`);
  } finally {
    await catalogue.close();
  }
  const again = JSON.parse(run(bela(home), 'ingest', box, '--catalogue', team, '--json')) as { added: number; unchanged: number };
  assert.deepEqual([again.added, again.unchanged], [0, 1], 'nothing read again');
  fs.copyFileSync(path.join(box, 'fortepan_100200.jpg'), path.join(box, 'masolat.jpg'));
  assert.equal((JSON.parse(run(bela(home), 'ingest', box, '--catalogue', team, '--json')) as { added: number }).added, 1);
  const copy = (JSON.parse(run(bela(home), 'show', String(added.id + 1), '--catalogue', team, '--json')) as { duplicateOf: number | null });
  assert.equal(copy.duplicateOf, added.id, 'the copy is flagged a duplicate of the first');

  // Anna captions the scan; a rescan of it arrives with a title and a caption of its own: the
  // empty title is filled from the file, Anna's caption stays.
  run(anna(home), 'edit', String(added.id), '--caption', 'Anna felirata', '--catalogue', team);
  await writeFixture(box, 'fortepan_100200.jpg', makeJpeg({ colour: '#33aa56', width: 120, height: 90, xmp: { title: 'Villamos a Körúton', description: 'A fájl saját leírása' } }));
  assert.equal((JSON.parse(run(bela(home), 'ingest', box, '--catalogue', team, '--json')) as { updated: number }).updated, 1);
  const rescanned = JSON.parse(run(anna(home), 'show', String(added.id), '--catalogue', team, '--json')) as { title: string; caption: string };
  assert.deepEqual([rescanned.title, rescanned.caption], ['Villamos a Körúton', 'Anna felirata']);
});

test('a scan moved to another box on the share and added again from there is the same photo, moved: its caption kept, recorded where it is now', async () => {
  const listed = () => (JSON.parse(run(anna(home), 'list', '--catalogue', team, '--json')) as { photos: { id: number; fortepanId: number | null; file: string }[] }).photos;
  const before = listed();
  const scan = before.find((p) => p.fortepanId === 100200 && p.file.endsWith('fortepan_100200.jpg'))!;
  fs.mkdirSync(path.join(belaScans, 'Doboz 4'));
  fs.renameSync(path.join(belaScans, 'Doboz 3', 'fortepan_100200.jpg'), path.join(belaScans, 'Doboz 4', 'fortepan_100200.jpg'));
  const report = JSON.parse(run(bela(home), 'ingest', path.join(belaScans, 'Doboz 4'), '--catalogue', team, '--json')) as { added: number; updated: number };
  assert.deepEqual([report.added, report.updated], [0, 1], 'relinked, not added anew');
  const after = listed();
  assert.equal(after.length, before.length);
  assert.equal(after.find((p) => p.id === scan.id)!.file, path.join(annaScans, 'Doboz 4', 'fortepan_100200.jpg'));
  assert.equal((JSON.parse(run(anna(home), 'show', String(scan.id), '--catalogue', team, '--json')) as { caption: string }).caption, 'Anna felirata');
});

test('a box renamed on the share is relinked by content from Béla\'s computer: recorded under the named folder as the team records it, found by a colleague who mapped it too', async () => {
  fs.renameSync(path.join(belaScans, 'Doboz 2'), path.join(belaScans, 'Doboz 02'));
  const report = JSON.parse(run(bela(home), 'relink', '--folder', path.join(annaScans, 'Doboz 2'), path.join(belaScans, 'Doboz 02'), '--catalogue', team, '--json')) as { photos: number; relinked: number; notFound: number };
  assert.deepEqual([report.photos, report.relinked, report.notFound], [1, 1, 0]);
  const listed = JSON.parse(run(anna(home), 'list', '--catalogue', team, '--json')) as { photos: { fortepanId: number | null; file: string }[] };
  assert.equal(listed.photos.find((p) => p.fortepanId === 7416)!.file, path.join(annaScans, 'Doboz 02', 'fortepan_7416.jpg'), 'the team records it under its named folder');
  // Another computer of the team, which reaches the share at its own path, finds it there.
  const cili = { FOTOTAR_CONFIG_DIR: path.join(home, 'cili-config'), FOTOTAR_CACHE_DIR: path.join(home, 'cili-cache'), FOTOTAR_ARCHIVIST: 'Tóth Cili' };
  const ciliScans = path.join(home, 'cili', 'scans');
  fs.cpSync(belaScans, ciliScans, { recursive: true });
  run(cili, 'roots', 'map', 'Szkennelések', ciliScans, '--catalogue', team);
  const check = JSON.parse(run(cili, 'check-files', '--catalogue', team, '--json')) as { missing: { file: string }[] };
  assert.deepEqual(check.missing, [], 'every original found where Cili reaches the share, the renamed box too');
});

test('checking originals: Béla\'s computer finds them under his named folder; Anna\'s, which has not mapped it, leaves them alone instead of marking them missing for the team', () => {
  const annaCheck = JSON.parse(run(anna(home), 'check-files', '--catalogue', team, '--json')) as { checked: number; missing: unknown[] };
  assert.deepEqual([annaCheck.checked, annaCheck.missing.length], [0, 0], 'nothing here Anna can tell about');
  const belaCheck = JSON.parse(run(bela(home), 'check-files', '--catalogue', team, '--json')) as { checked: number; missing: unknown[] };
  const photos = (JSON.parse(run(bela(home), 'list', '--catalogue', team, '--json')) as { photos: unknown[] }).photos.length;
  assert.deepEqual([belaCheck.checked, belaCheck.missing.length], [photos, 0], 'every original found where Béla reaches it');
  // A scan gone from the share: missing, for everyone.
  fs.rmSync(path.join(belaScans, 'Doboz 1', 'fortepan_54176.jpg'));
  const gone = JSON.parse(run(bela(home), 'check-files', '--catalogue', team, '--json')) as { missing: { file: string }[] };
  assert.deepEqual(gone.missing.map((m) => path.basename(m.file)), ['fortepan_54176.jpg']);

  // The share not mounted on Béla's computer (the NAS asleep): nothing more is missing for the team.
  fs.renameSync(belaScans, `${belaScans}-unmounted`);
  try {
    const asleep = JSON.parse(run(bela(home), 'check-files', '--catalogue', team, '--json')) as { checked: number; missing: unknown[] };
    assert.deepEqual([asleep.checked, asleep.missing.length], [0, 1], 'nothing checked, nothing newly marked missing');
  } finally {
    fs.renameSync(`${belaScans}-unmounted`, belaScans);
  }
});

test('an open team catalogue checks its originals in the background, as this computer reaches them', async () => {
  const catalogue = await TeamCatalogue.open(team, { archivist: 'Szabó Béla', cacheDir: path.join(home, 'bela-cache'), localRoots: (id) => new RootPaths(path.join(home, 'bela-config')).read(id) });
  try {
    const photos = await catalogue.photos.getMany(await catalogue.photos.ids());
    const box = photos.find((p) => p.file.endsWith(path.join('Doboz 02', 'fortepan_7416.jpg')))!;
    assert.equal(box.missing, false);
    fs.rmSync(path.join(belaScans, 'Doboz 02', 'fortepan_7416.jpg'));
    catalogue.startBackgroundDuties();
    for (const deadline = Date.now() + 20_000; !(await catalogue.photos.get(box.id))!.missing; ) {
      assert.ok(Date.now() < deadline, 'the background check marked the gone scan missing within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await catalogue.close();
  }
});
