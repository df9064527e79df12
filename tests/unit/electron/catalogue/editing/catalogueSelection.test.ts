import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { createApiHandler } from '../../../../../electron/catalogue/apiHandler.ts';
import { isCatalogueEvent, type CatalogueEvent } from '../../../../../shared/events.ts';
import { fortepanRecord } from '../../../../support/records.ts';
import { watchExternalWrites } from '../../../../../electron/catalogue/events/externalWrites.ts';

function catalogueOf(count: number, fields: (n: number) => Record<string, string> = () => ({})): Catalogue {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-selection-'));
  const catalogue = Catalogue.open(dir, { create: true });
  const now = new Date().toISOString();
  catalogue.db.exec('BEGIN');
  for (let n = 1; n <= count; n++) catalogue.store.photos.insert(fortepanRecord(n, fields(n)), now);
  catalogue.db.exec('COMMIT');
  return catalogue;
}

function caller(catalogue: Catalogue) {
  const handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
  return async <T>(method: string, params: unknown): Promise<T> => {
    const answer = await handle(method, params);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as T;
  };
}

// (The 200,000-photo case is the end-to-end test's and the benchmark's: the form is the same.)
test('a batch edit addressed to "all except" a selection changes exactly those photos, as one undo step', async () => {
  const catalogue = catalogueOf(2_500);
  const call = caller(catalogue);
  try {
    const left = [5, 6, 7];
    const result = await call<{ count: number; changed: number }>('editSelection', { selection: { query: '', all: true, ids: left }, patch: { donor: 'Hunyadi László' } });
    assert.deepEqual([result.count, result.changed], [2_497, 2_497]);
    const donors = catalogue.db.prepare("SELECT count(*) AS n FROM photos WHERE donor = 'Hunyadi László'").get() as { n: number };
    assert.equal(donors.n, 2_497);
    assert.equal((await catalogue.photos.get(6)).donor, '');
    await call('undo', {});
    const after = catalogue.db.prepare("SELECT count(*) AS n FROM photos WHERE donor != ''").get() as { n: number };
    assert.equal(after.n, 0);
  } finally {
    catalogue.close();
  }
});

test('what a selection has in common is the same asked as "all except" (said in SQL) or as the ids it holds', async () => {
  const catalogue = catalogueOf(50, (n) => ({ donor: n <= 3 ? 'Kovács Anna' : 'Nagy Gyula', city: 'Budapest', title: n <= 3 ? 'villamos' : `busz ${n}` }));
  const call = caller(catalogue);
  try {
    type Fields = { count: number; common: Record<string, string>; mixed: string[] };
    const allBut = await call<Fields>('selectionFields', { selection: { query: '', all: true, ids: [1, 2, 3] } });
    const listed = await call<Fields>('selectionFields', { ids: Array.from({ length: 47 }, (_, i) => i + 4) });
    assert.deepEqual(allBut, listed);
    assert.equal(allBut.count, 47);
    assert.equal(allBut.common.donor, 'Nagy Gyula');
    assert.ok(allBut.mixed.includes('title'));
    // Nothing left out: the whole catalogue, both donors.
    const all = await call<Fields>('selectionFields', { selection: { query: '', all: true, ids: [] } });
    assert.equal(all.count, 50);
    assert.ok(all.mixed.includes('donor'));
    // A search's selection takes its ids from the index.
    const searched = await call<Fields>('selectionFields', { selection: { query: 'villamos', all: true, ids: [] } });
    assert.deepEqual([searched.count, searched.common.donor], [3, 'Kovács Anna']);
  } finally {
    catalogue.close();
  }
});

test('a selection follows what a search shows, and says how many it hid', async () => {
  const catalogue = catalogueOf(10, (n) => ({ title: n <= 4 ? 'villamos' : 'busz' }));
  const call = caller(catalogue);
  try {
    const picked = await call<{ selection: { all: boolean; ids: number[] }; count: number; hidden: number; total: number }>('projectSelection', {
      selection: { query: '', all: false, ids: [1, 2, 7] },
      query: 'villamos',
    });
    assert.deepEqual([picked.selection.all, picked.selection.ids, picked.count, picked.hidden, picked.total], [false, [1, 2], 2, 1, 4]);
    // All of the catalogue but photo 3, seen through "villamos": all its hits but 3.
    const all = await call<{ selection: { all: boolean; ids: number[] }; count: number; hidden: number }>('projectSelection', {
      selection: { query: '', all: true, ids: [3] },
      query: 'villamos',
    });
    assert.deepEqual([all.selection.all, all.selection.ids, all.count, all.hidden], [true, [3], 3, 6]);
    const range = await call<{ total: number; ids: number[] }>('resultIds', { query: 'villamos', offset: 1, limit: 2 });
    assert.equal(range.total, 4);
    assert.equal(range.ids.length, 2);
    const credits = await call<{ text: string }>('creditList', { selection: { query: 'villamos', all: true, ids: [] }, format: 'txt' });
    assert.ok(credits.text.length > 0);
    const neither = await createApiHandler(catalogue, { transport: 'browser', version: 'test' })('selectionFields', {});
    assert.equal(neither.ok, false);
  } finally {
    catalogue.close();
  }
});

test('every writer emits a typed event: edits, undo, collections, and another process writing the database', async () => {
  const catalogue = catalogueOf(3);
  const call = caller(catalogue);
  const events: CatalogueEvent[] = [];
  const off = catalogue.events.on((e) => events.push(e));
  try {
    // The events carry what the panels showing them need (the count, the history's state),
    // so a change does not cost those panels a request each.
    await call('updatePhotos', { ids: [2], patch: { title: 'Új' } });
    const edited = events.slice(0, 2);
    assert.deepEqual(edited[0], { type: 'photosChanged', ids: [2], total: 3 });
    assert.equal(edited[1].type, 'historyChanged');
    const afterEdit = (edited[1] as Extract<CatalogueEvent, { type: 'historyChanged' }>).history;
    assert.deepEqual({ ...afterEdit, undoLabel: typeof afterEdit?.undoLabel }, { canUndo: true, canRedo: false, undoLabel: 'string', redoLabel: null });
    assert.ok(isCatalogueEvent(edited[0]) && isCatalogueEvent(edited[1]), 'they pass the guard a renderer applies');
    events.length = 0;
    await call('undo', {});
    assert.deepEqual(events.slice(0, 2), [
      { type: 'photosChanged', ids: [2], total: 3 },
      { type: 'historyChanged', history: { canUndo: false, canRedo: true, undoLabel: null, redoLabel: afterEdit?.undoLabel ?? null } },
    ]);
    events.length = 0;
    await call('createCollection', { name: 'Könyv' });
    assert.deepEqual(events, [{ type: 'collectionsChanged' }]);
    events.length = 0;

    // Another connection (as the CLI or a script would be) commits: the watcher notices.
    const other = new DatabaseSync(catalogue.paths.database);
    other.prepare("UPDATE photos SET donor = 'Kovács' WHERE id = 1").run();
    other.close();
    const deadline = Date.now() + 5000;
    while (!events.some((e) => e.type === 'photosChanged' && e.ids === 'all') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(events.some((e) => e.type === 'photosChanged' && e.ids === 'all'), 'an external write is announced');
  } finally {
    off();
    catalogue.close();
  }
});

test("another process's commit is noticed from the folder's change notice, not only at the next poll", async () => {
  const catalogue = catalogueOf(2);
  let noticed = 0;
  // A poll far too slow to be what notices it within the wait below.
  const stop = watchExternalWrites(catalogue.db, () => noticed++, 600_000);
  try {
    await catalogue.photos.update([1], { title: 'saját' });
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(noticed, 0, "this connection's own write is not another's");
    const other = new DatabaseSync(catalogue.paths.database);
    other.prepare("UPDATE photos SET donor = 'Kovács' WHERE id = 2").run();
    other.close();
    const deadline = Date.now() + 10_000;
    while (noticed === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(noticed, 1);
  } finally {
    stop();
    catalogue.close();
  }
});

test("another process's write re-reads the history and the collections only when it changed them", async () => {
  const catalogue = catalogueOf(3);
  const events: CatalogueEvent[] = [];
  const off = catalogue.events.on((e) => events.push(e));
  const untilPhotosChanged = async (count: number) => {
    const deadline = Date.now() + 10_000;
    while (events.filter((e) => e.type === 'photosChanged').length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  };
  const other = new DatabaseSync(catalogue.paths.database);
  try {
    other.prepare("UPDATE photos SET donor = 'Kovács' WHERE id = 1").run();
    await untilPhotosChanged(1);
    assert.deepEqual(events.map((e) => e.type), ['photosChanged']);
    // A step recorded by the other process (the CLI's edit) moves the history.
    other.prepare("INSERT INTO edit_history (label, changes, photo_count, undone, created_at) VALUES ('Edit donor of Fortepan 1', '[]', 1, 0, '2026-01-01')").run();
    await untilPhotosChanged(2);
    assert.deepEqual(events.map((e) => e.type), ['photosChanged', 'photosChanged', 'historyChanged']);
    other.prepare("INSERT INTO collections (name, name_key, created_at, updated_at) VALUES ('Könyv', 'könyv', 'x', 'x')").run();
    await untilPhotosChanged(3);
    assert.deepEqual(events.slice(3).map((e) => e.type), ['photosChanged', 'collectionsChanged']);
    // Two picks trading places leave the same sums of positions and of photos: still noticed.
    const at = (id: number, photo: number, position: number) =>
      other.prepare("INSERT INTO collection_items (id, collection_id, photo_id, position, added_at) VALUES (?, 1, ?, ?, 'x')").run(id, photo, position);
    other.exec('BEGIN');
    at(1, 1, 0);
    at(2, 2, 1);
    other.exec('COMMIT');
    await untilPhotosChanged(4);
    assert.equal(events.at(-1)!.type, 'collectionsChanged');
    other.exec('UPDATE collection_items SET position = 1 - position');
    await untilPhotosChanged(5);
    assert.deepEqual(events.slice(-2).map((e) => e.type), ['photosChanged', 'collectionsChanged']);
  } finally {
    other.close();
    off();
    catalogue.close();
  }
});
