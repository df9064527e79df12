// The catalogue store (CatalogueStore) answers alike on both engines: the folder catalogue's
// SqliteStore and a team catalogue's PgStore on a real PostgreSQL server, both holding the same
// 1,124 real Fortepan records (migrated from the folder). The same edits go to both: the photos,
// the undo label, each photo's recorded changes and the undo itself come out the same; the
// settings, the folder tree and the pick lists read alike; and what a team catalogue cannot do
// yet is refused with a message that says so, in English and Hungarian.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { migratedCorpusCatalogue } from '../../../../../support/teamCatalogue.ts';
import { startPostgres, type PostgresServer } from '../../../../../support/postgresServer.ts';
import { Catalogue } from '../../../../../../electron/catalogue/catalogue.ts';
import { CatalogueError } from '../../../../../../electron/catalogue/catalogueError.ts';
import { PgStore } from '../../../../../../electron/catalogue/store/postgres/pgStore.ts';
import type { CatalogueStore } from '../../../../../../electron/catalogue/store/catalogueStore.ts';
import { FIELD_COLUMN } from '../../../../../../electron/catalogue/store/fieldWrites.ts';
import { SUGGESTED_FIELDS } from '../../../../../../shared/pickLists.ts';
import type { Photo } from '../../../../../../shared/types.ts';
import en from '../../../../../../shared/locales/en/errors.json' with { type: 'json' };
import hu from '../../../../../../shared/locales/hu/errors.json' with { type: 'json' };

let server: PostgresServer;
let pool: pg.Pool;
let catalogue: Catalogue;
let sqlite: CatalogueStore;
let postgres: PgStore;

before(async () => {
  server = await startPostgres();
  // Photos in subfolders, and pick-list values with ties (ordered by their spelling then).
  const made = await migratedCorpusCatalogue(server, 'tar', (c) =>
    c.db.exec(`
      UPDATE photos SET file = replace(file, '/archive/fortepan/', '/archive/fortepan/' || (id % 3) || '/') WHERE id % 2 = 0;
      UPDATE photos SET licence = CASE id % 4 WHEN 0 THEN 'CC BY-SA 3.0' WHEN 1 THEN 'CC BY 4.0' ELSE '' END, source = CASE WHEN id % 7 = 0 THEN 'Ádám hagyatéka' WHEN id % 7 = 1 THEN 'Zágon' ELSE '' END;
    `),
  );
  const folder = made.folder;
  pool = made.pool;
  catalogue = Catalogue.open(folder);
  await catalogue.whenWritable();
  sqlite = catalogue.store;
  postgres = new PgStore(pool, 'Kovács Anna');
});
after(async () => {
  catalogue?.close();
  postgres?.close();
  await server?.stop();
});

/** Photos as both engines hold them, without when each wrote them. */
const unstamped = (photos: readonly (Photo | null)[]) => photos.map((p) => p && { ...p, updatedAt: '' });

async function same<T>(what: string, read: (store: CatalogueStore) => Promise<T>): Promise<T> {
  const expected = await read(sqlite);
  assert.deepEqual(await read(postgres), expected, what);
  return expected;
}

test('settings, the folder tree and the pick lists read alike', async () => {
  await same('the default sort', (s) => s.sort());
  await same('a sort kept', (s) => s.setSort({ field: 'donor', direction: 'desc' }));
  await same('the sort read back', (s) => s.sort());
  await same('a sort that does not read falls back', (s) => s.setSort({ field: 'nonsense', direction: 'up' } as never));
  await same('the default sidecar settings', (s) => s.sidecarSettings());
  await same('sidecar settings kept', (s) => s.setSidecarSettings({ autoWrite: true, naming: 'name.xmp' }));
  await same('one sidecar setting changed', (s) => s.setSidecarSettings({ autoWrite: false }));
  const counts = await same('folder counts', async (s) => (await s.folderCounts()).sort((a, b) => (a.folder < b.folder ? -1 : 1)));
  assert.ok(counts.length >= 4, JSON.stringify(counts));
  await same('a folder with its subfolders', (s) => s.photosInFolder('/archive/fortepan/'));
  await same('one subfolder', (s) => s.photosInFolder('/archive/fortepan/1/'));
  await same('no such folder', (s) => s.photosInFolder('/archive/mashol/'));
  const values = await same('pick lists', (s) => s.fieldValues(SUGGESTED_FIELDS.map((f) => FIELD_COLUMN[f]), 200));
  // As many of each: the tie goes by spelling, code point by code point (a space before a hyphen).
  assert.deepEqual(values.licence, ['CC BY 4.0', 'CC BY-SA 3.0']);
  assert.ok(values.donor!.length > 10);
});

test('the same edits give the same photos, labels, recorded changes and undo on both engines', async () => {
  const ids = await postgres.photoReads.ids();
  const batch = ids.slice(10, 14);
  const one = ids[20]!;
  for (const store of [sqlite, postgres]) {
    await store.applyEdit(batch.map((id) => ({ id, patch: { tags: ['villamos', 'Budapest'], donor: 'Széchényi Zsófia' } })));
    await store.applyEdit([{ id: one, patch: { caption: 'Lóvasút a Múzeum körúton' } }]);
  }
  await same('the photos edited', async (s) => unstamped(await s.photoReads.getMany([...batch, one])));
  await same('what undo would take back', (s) => s.historyState());
  const changes = (entries: Awaited<ReturnType<CatalogueStore['photoHistory']>>) => entries.map((e) => ({ field: e.field, before: e.before, after: e.after, undo: e.undo }));
  await same("a photo's recorded changes", async (s) => changes(await s.photoHistory(one)));
  await same("a batch-edited photo's recorded changes", async (s) => changes(await s.photoHistory(batch[2]!)));
  assert.equal((await postgres.photoHistory(one))[0]!.author, 'Kovács Anna', 'a team change says who made it');
  await same('undo', (s) => s.undo());
  await same('after undo', async (s) => unstamped([await s.photoReads.get(one)]));
  await same('undo of the batch', (s) => s.undo());
  await same('after both undos', async (s) => unstamped(await s.photoReads.getMany(batch)));
});

test('turning photos: the same turns, labels, undo and redo on both engines; a team undo over a colleague\'s later turn is refused', async () => {
  const ids = await postgres.photoReads.ids();
  const group = ids.slice(30, 33);
  const one = ids[40]!;
  const turns = async (s: CatalogueStore) => (await s.photoReads.getMany([...group, one])).map((p) => [p.id, p.rotation, p.flipped]);
  await same('a quarter clockwise, three photos', (s) => s.turn(group, { rotate: 90 }));
  await same('one of them flipped too, and another photo', (s) => s.turn([group[0]!, one], { rotate: 180, flip: true }));
  await same('turned', turns);
  await same('what undo would take back', (s) => s.historyState());
  await same('undo of the second turn', (s) => s.undo());
  await same('after undo', turns);
  await same('what redo would put back', (s) => s.historyState());
  await same('redo', (s) => s.redo());
  await same('after redo', turns);
  await same('undo, undo', async (s) => [await s.undo(), await s.undo()]);
  await same('all back', turns);
  await same('an empty request changes nothing', (s) => s.turn(group, {}));

  // A colleague turns one of Anna's photos after her: her undo would not give back what either saw.
  await postgres.turn([one], { rotate: 270 });
  const bela = new PgStore(pool, 'Szabó Béla');
  try {
    await bela.turn([one], { flip: true });
    await assert.rejects(postgres.undo(), (error: unknown) => error instanceof CatalogueError && error.key === 'turnChangedSince' && /turned by someone else/.test(error.message));
    assert.deepEqual((await postgres.photoReads.getMany([one])).map((p) => [p.rotation, p.flipped]), [[270, true]], 'nothing undone');
    assert.ok((en as Record<string, string>).turnChangedSince && (hu as Record<string, string>).turnChangedSince);
    await bela.undo();
    await postgres.undo();
    assert.deepEqual((await postgres.photoReads.getMany([one])).map((p) => [p.rotation, p.flipped]), [[0, false]]);
  } finally {
    bela.close();
  }
});

test('what a team catalogue cannot do yet is refused, saying so in English and Hungarian', async () => {
  const refusals: [string, () => Promise<unknown>, string][] = [
    ['backup', () => postgres.backup(), 'teamBackupByServer'],
  ];
  for (const [what, run, key] of refusals) {
    await assert.rejects(run(), (error: unknown) => error instanceof CatalogueError && error.key === key, what);
    assert.ok((en as Record<string, string>)[key] && (hu as Record<string, string>)[key], `${key} in both languages`);
  }
});

test('collections: the same picks, order, duplicates, refusals and list on both engines', async () => {
  const ids = await postgres.photoReads.ids();
  const [a, b, c, d] = [ids[100]!, ids[101]!, ids[102]!, ids[103]!];
  /** What a call answers, or the refusal it gives, with what differs by nature (times, item ids) left out. */
  const outcome = async (run: () => Promise<unknown>) => {
    try {
      const value = (await run()) ?? null;
      return { value: JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'updatedAt' || key === 'itemId' ? undefined : v))) as unknown };
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      return { refused: error.key, params: error.params };
    }
  };
  /** The same step on both, each with its own collection ids and picks. */
  const step = async (what: string, run: (store: CatalogueStore, named: (name: string) => Promise<number>) => Promise<unknown>) => {
    const on = (store: CatalogueStore) => outcome(() => run(store, (name) => store.collections.idByName(name)));
    const expected = await on(sqlite);
    assert.deepEqual(await on(postgres), expected, what);
    return expected;
  };
  const pickOf = async (store: CatalogueStore, id: number, photo: number, nth = 0) => (await store.collections.items(id)).filter((i) => i.photoId === photo)[nth]!.itemId;

  await step('create', (s) => s.collections.create('  Villamosok   a  körúton '));
  await step('a smart collection', (s) => s.collections.create('Budapesti utcák', 'budapest utca'));
  assert.equal((await step('the same name again, other case', (s) => s.collections.create('VILLAMOSOK a körúton'))).refused, 'collectionExists');
  await step('an empty name', (s) => s.collections.create('   '));
  await step('add three', async (s, named) => s.collections.add(await named('villamosok a körúton'), [a, b, c]));
  assert.deepEqual((await step('add two at 1, one a duplicate', async (s, named) => s.collections.add(await named('villamosok a körúton'), [b, d], 1))).value, { added: 2, duplicates: [b] });
  assert.equal((await step('add to a smart collection', async (s, named) => s.collections.add(await named('Budapesti utcák'), [a]))).refused, 'collectionIsSmart');
  await step('add an unknown photo', async (s, named) => s.collections.add(await named('villamosok a körúton'), [a, 999_999]));
  await step('move d to the front', async (s, named) => {
    const id = await named('villamosok a körúton');
    return s.collections.move(id, await pickOf(s, id, d), 0);
  });
  await step('mark the second b modified', async (s, named) => {
    const id = await named('villamosok a körúton');
    return s.collections.setModified(id, await pickOf(s, id, b, 1), true);
  });
  assert.equal((await step('the one pick of b: ambiguous', async (s, named) => s.collections.itemOfPhoto(await named('villamosok a körúton'), b))).refused, 'photoInCollectionTwice');
  await step('remove a', async (s, named) => s.collections.removePhotos(await named('villamosok a körúton'), [a]));
  await step('remove a photo not picked', async (s, named) => s.collections.removePhotos(await named('villamosok a körúton'), [a]));
  const shown = (await step('the collection', async (s, named) => s.collections.get(await named('villamosok a körúton')))).value as { items: { photo: { id: number }; modified: boolean }[] };
  assert.deepEqual(shown.items.map((i) => [i.photo.id, i.modified]), [[d, false], [b, false], [b, true], [c, false]]);
  await step('rename', async (s, named) => s.collections.rename(await named('villamosok a körúton'), 'Árpád-kori villamosok'));
  await step('rename onto another', async (s, named) => s.collections.rename(await named('Árpád-kori villamosok'), 'budapesti utcák'));
  const list = await step('the list, in Hungarian order', (s) => s.collections.list());
  assert.deepEqual((list.value as { name: string }[]).map((x) => x.name), ['Árpád-kori villamosok', 'Budapesti utcák']);
  await step('delete', async (s, named) => s.collections.delete(await named('Budapesti utcák')));
  await step('the list after', (s) => s.collections.list());
});

test('two archivists adding to one team collection at once: every pick kept, positions a plain sequence', async () => {
  const anna = postgres;
  const bela = new PgStore(server.pool('tar'), 'Kiss Béla');
  const ids = await anna.photoReads.ids();
  const { id } = await anna.collections.create('Közös válogatás');
  await Promise.all([
    ...ids.slice(200, 215).map((photo) => anna.collections.add(id, [photo])),
    ...ids.slice(300, 315).map((photo, i) => bela.collections.add(id, [photo], i % 3)),
  ]);
  const items = await bela.collections.items(id);
  assert.equal(items.length, 30);
  assert.deepEqual(items.map((i) => i.position), [...Array(30).keys()]);
  assert.deepEqual(new Set(items.map((i) => i.photoId)), new Set([...ids.slice(200, 215), ...ids.slice(300, 315)]));
});
