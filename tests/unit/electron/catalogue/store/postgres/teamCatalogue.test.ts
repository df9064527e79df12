// A team catalogue opened as a catalogue (TeamCatalogue), through the API the renderer calls: it
// answers as the folder catalogue it was migrated from does (the renderer cannot tell), and two
// archivists on their own computers see each other's saves — in their panels' events, their
// search and a photo's history under the name of who saved — with thumbnails copied from the
// server as they are first shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { migratedCorpusCatalogue } from '../../../../../support/teamCatalogue.ts';
import { startPostgres, type PostgresServer } from '../../../../../support/postgresServer.ts';
import { tempDir } from '../../../../../support/fixtures.ts';
import { Catalogue } from '../../../../../../electron/catalogue/catalogue.ts';
import { TeamCatalogue } from '../../../../../../electron/catalogue/teamCatalogue.ts';
import { createApiHandler } from '../../../../../../electron/catalogue/apiHandler.ts';
import type { OpenCatalogue } from '../../../../../../electron/catalogue/openCatalogue.ts';
import type { CatalogueEvent } from '../../../../../../shared/events.ts';

let server: PostgresServer;
let folder: string;
let pool: pg.Pool;

before(async () => {
  server = await startPostgres();
  ({ folder, pool } = await migratedCorpusCatalogue(server, 'ajto'));
});
after(() => server?.stop());

function api(catalogue: OpenCatalogue) {
  const handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
  return async <T = never>(method: string, params: unknown = {}): Promise<T> => {
    const answer = await handle(method, params);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
    return answer.value as T;
  };
}

async function openTeam(archivist: string): Promise<TeamCatalogue> {
  return await TeamCatalogue.open(server.url('ajto'), { archivist, cacheDir: await tempDir('fototar-team-client-') });
}

test('the API answers on the team catalogue as on the folder it was migrated from: pages, sorts, search, facets, photos, credits, pick lists', async () => {
  const local = Catalogue.open(folder, { readOnly: true });
  const team = await openTeam('Kovács Anna');
  try {
    const [mine, theirs] = [api(local), api(team)];
    const same = async (method: string, params: unknown = {}) => assert.deepEqual(await theirs(method, params), await mine(method, params), `${method} ${JSON.stringify(params)}`);
    const info = await theirs<{ name: string; directory: string; photos: number }>('info');
    assert.deepEqual([info.name, info.directory, info.photos], ['ajto', server.url('ajto'), 1124]);
    await same('listPhotos', { offset: 0, limit: 100 });
    await same('listPhotos', { offset: 500, limit: 100, sort: { field: 'date', direction: 'desc' } });
    await same('listPhotos', { offset: 0, limit: 100, sort: { field: 'place', direction: 'asc' } });
    await same('photoSort');
    for (const query of ['Budapest', 'villamosok', 'year:1940..1950 -Budapest', 'Kolozsvar']) {
      await same('search', { query, offset: 0, limit: 200 });
      await same('searchFacets', { query });
    }
    const ids = (await mine<{ ids: number[] }>('resultIds', { query: 'Budapest', offset: 0, limit: 1000 })).ids.slice(0, 40);
    await same('getPhoto', { id: ids[0] });
    await same('creditList', { ids, format: 'md', lang: 'hu' });
    await same('fieldSuggestions', { field: 'licence' });
    await same('listTags', { prefix: 'b' });
    await same('editHistory');
  } finally {
    local.close();
    await team.close();
  }
});

test("two archivists: Anna's save reaches Béla's panels, search and the photo's history under her name; a thumbnail is copied from the server once", async () => {
  const anna = await openTeam('Kovács Anna');
  const bela = await openTeam('Szabó Béla');
  const heard: CatalogueEvent[] = [];
  const stop = bela.events.on((event) => heard.push(event));
  try {
    const [annaApi, belaApi] = [api(anna), api(bela)];
    const { ids } = await belaApi<{ ids: number[] }>('resultIds', { query: 'villamos', offset: 0, limit: 1000 });
    const id = ids[0]!;
    await belaApi('search', { query: 'villamos', offset: 0, limit: 10 });
    const saved = Date.now();
    await annaApi('updatePhotos', { ids: [id], patch: { title: 'Árvíztűrő tükörfúrógép a Lánchídon' } });
    const deadline = saved + 2000;
    const found = async () => (await belaApi<{ hits: { id: number }[] }>('search', { query: 'tükörfúrógépek', offset: 0, limit: 10 })).hits.map((h) => h.id);
    while (!(await found()).includes(id) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(await found(), [id], "Béla's search finds Anna's words, inflected, within 2 s");
    assert.ok(heard.some((e) => e.type === 'photosChanged' && (e.ids === 'all' || e.ids.includes(id))), "Béla's panels are told the photo changed");
    assert.ok(heard.some((e) => e.type === 'historyChanged'));
    assert.equal((await belaApi<{ title: string }>('getPhoto', { id })).title, 'Árvíztűrő tükörfúrógép a Lánchídon');
    const history = (await belaApi<{ entries: { author?: string | null; field: string; newValue: unknown }[] }>('photoHistory', { id })).entries;
    assert.equal(history[0]!.field, 'title');
    assert.equal(history[0]!.author, 'Kovács Anna');

    // Béla's undo has nothing of his own to take back; Anna's takes back her save.
    assert.equal((await belaApi<{ canUndo: boolean }>('editHistory')).canUndo, false);
    assert.equal((await annaApi<{ canUndo: boolean }>('editHistory')).canUndo, true);

    // A thumbnail the server holds, shown to Béla: copied into his cache, then served from there.
    const { rows } = await pool.query<{ hash: string }>('SELECT hash FROM photos WHERE id = $1', [id]);
    const picture = fs.readFileSync(path.join(import.meta.dirname, '../../../../../../resources/icon.png'));
    await pool.query('INSERT INTO thumbnails (hash, size, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [rows[0]!.hash, 'grid', picture]);
    const file = await bela.photos.shownImageFile(id, 'grid');
    assert.ok(file && file.startsWith(bela.paths.root), `in Béla's cache: ${file}`);
    assert.deepEqual(fs.readFileSync(file), picture);
    assert.equal(await bela.photos.shownImageFile(ids[1]!, 'grid'), null, 'none on the server: none shown');

    // A field the search does not index (the licence) reaches Béla's panels too.
    heard.length = 0;
    await annaApi('updatePhotos', { ids: [ids[2]!], patch: { licence: 'CC BY 4.0' } });
    const until = Date.now() + 5000;
    while (!heard.some((e) => e.type === 'photosChanged' && e.ids !== 'all' && e.ids.includes(ids[2]!)) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(heard.some((e) => e.type === 'photosChanged' && e.ids !== 'all' && e.ids.includes(ids[2]!)), "Béla's panels are told of Anna's licence");
    assert.equal((await belaApi<{ licence: string }>('getPhoto', { id: ids[2]! })).licence, 'CC BY 4.0');
  } finally {
    stop();
    await anna.close();
    await bela.close();
  }
});

test('the same field saved by two from what each editor showed: the second is refused naming who, when and their value, nothing is overwritten; another field merges; keeping one\'s own is a save over theirs, as seen', async () => {
  const anna = await openTeam('Kovács Anna');
  const bela = await openTeam('Szabó Béla');
  try {
    const [annaApi, belaApi] = [api(anna), api(bela)];
    const belaRaw = createApiHandler(bela, { transport: 'browser', version: 'test' });
    const { ids } = await belaApi<{ ids: number[] }>('resultIds', { query: 'Kolozsvár', offset: 0, limit: 10 });
    const id = ids[0]!;
    const shown = await belaApi<{ caption: string; place: string }>('getPhoto', { id });
    await annaApi('updatePhotos', { ids: [id], patch: { caption: 'Anna: a Szamos-part télen' }, seen: { caption: shown.caption } });

    const refused = await belaRaw('updatePhotos', { ids: [id], patch: { caption: 'Béla: a Szamos-híd nyáron' }, seen: { caption: shown.caption } });
    assert.equal(refused.ok, false);
    if (refused.ok) return;
    assert.equal(refused.error.code, 'edit-conflict');
    assert.equal(refused.error.params?.by, 'Kovács Anna');
    assert.equal(refused.error.params?.theirs, 'Anna: a Szamos-part télen');
    assert.match(refused.error.message, /changed by Kovács Anna at \d{4}-\d\d-\d\d \d\d:\d\d to "Anna: a Szamos-part télen"/);
    assert.equal((await annaApi<{ caption: string }>('getPhoto', { id })).caption, 'Anna: a Szamos-part télen', 'nothing overwritten');

    // Another field of the same photo, from what Béla saw: saved beside Anna's caption.
    await belaApi('updatePhotos', { ids: [id], patch: { place: 'Szamos-part' }, seen: { place: shown.place } });
    const merged = await annaApi<{ caption: string; place: string }>('getPhoto', { id });
    assert.deepEqual([merged.caption, merged.place], ['Anna: a Szamos-part télen', 'Szamos-part']);

    // Béla keeps his own after seeing hers: a save over her value, as he now saw it.
    await belaApi('updatePhotos', { ids: [id], patch: { caption: 'Béla: a Szamos-híd nyáron' }, seen: { caption: 'Anna: a Szamos-part télen' } });
    assert.equal((await annaApi<{ caption: string }>('getPhoto', { id })).caption, 'Béla: a Szamos-híd nyáron');
    const history = (await annaApi<{ entries: { author: string | null; field: string; after: unknown }[] }>('photoHistory', { id })).entries.filter((e) => e.field === 'caption');
    assert.deepEqual(history.slice(0, 2).map((e) => [e.author, e.after]), [['Szabó Béla', 'Béla: a Szamos-híd nyáron'], ['Kovács Anna', 'Anna: a Szamos-part télen']]);
  } finally {
    await anna.close();
    await bela.close();
  }
});

test('the server gone mid-session: the window is told, a save says the server cannot be reached (no stack, nothing half-saved); back again, it is told so, saves go through and a colleague\'s save is found', async () => {
  const restart = await startPostgres();
  try {
    await migratedCorpusCatalogue(restart, 'ujra');
    const open = async (archivist: string) => await TeamCatalogue.open(restart.url('ujra'), { archivist, cacheDir: await tempDir('fototar-team-client-') });
    const anna = await open('Kovács Anna');
    const bela = await open('Szabó Béla');
    const heard: CatalogueEvent[] = [];
    const stop = bela.events.on((event) => heard.push(event));
    try {
      const [annaApi, belaApi] = [api(anna), api(bela)];
      const belaRaw = createApiHandler(bela, { transport: 'browser', version: 'test' });
      const { ids } = await belaApi<{ ids: number[] }>('resultIds', { query: 'villamos', offset: 0, limit: 10 });
      const id = ids[0]!;
      const before = await belaApi<{ title: string }>('getPhoto', { id });

      await restart.halt();
      const until = async (what: string, done: () => boolean) => {
        const deadline = Date.now() + 20_000;
        while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        assert.ok(done(), what);
      };
      await until('the window is told the connection was lost', () => heard.some((e) => e.type === 'connection' && e.state === 'lost'));
      const refused = await belaRaw('updatePhotos', { ids: [id], patch: { title: 'Mentés leállás közben' }, seen: { title: before.title } });
      assert.equal(refused.ok, false);
      if (!refused.ok) {
        assert.equal(refused.error.code, 'catalogue-unreadable');
        assert.match(refused.error.message, /^Cannot reach the PostgreSQL database postgres:\/\/fototar@\/ujra/);
      }

      await restart.resume();
      await until('the window is told the connection is back', () => heard.some((e) => e.type === 'connection' && e.state === 'back'));
      assert.ok(heard.some((e) => e.type === 'photosChanged' && e.ids === 'all'), 'panels read again');
      assert.equal((await annaApi<{ title: string }>('getPhoto', { id })).title, before.title, 'the refused save left nothing');
      await belaApi('updatePhotos', { ids: [id], patch: { title: 'Mentés újraindulás után' }, seen: { title: before.title } });
      await annaApi('updatePhotos', { ids: [ids[1]!], patch: { caption: 'Sziklakápolna a Gellérthegyen' } });
      const found = async () => (await belaApi<{ hits: { id: number }[] }>('search', { query: 'sziklakápolnában', offset: 0, limit: 5 })).hits.map((h) => h.id);
      const deadline = Date.now() + 5000;
      while (!(await found()).includes(ids[1]!) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(await found(), [ids[1]!]);
      assert.equal((await annaApi<{ title: string }>('getPhoto', { id })).title, 'Mentés újraindulás után');
    } finally {
      stop();
      await anna.close();
      await bela.close();
    }
  } finally {
    await restart.stop();
  }
});
