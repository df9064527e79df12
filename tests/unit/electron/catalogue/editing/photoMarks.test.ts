// Ratings, flags and colour labels in the catalogue: migration 10 on an older catalogue, the
// batch edit path (one undoable step for a whole selection), the store's refusal of values that
// are no mark, the search index's filters and facet counts, and the CLI's edit/show/list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { CatalogueError } from '../../../../../electron/catalogue/catalogueError.ts';
import { imagelessCatalogue } from '../../../../support/imagelessCatalogue.ts';
import { withoutMarks } from '../../../../support/olderSchema.ts';
import { fototar } from '../../../../support/cli.ts';

test('migration 12 gives an older catalogue unmarked photos, and edits of marks reach the search index', async () => {
  const dir = imagelessCatalogue(4);
  const db = new DatabaseSync(path.join(dir, 'catalogue.sqlite'));
  withoutMarks(db);
  db.exec('PRAGMA user_version = 11');
  db.close();
  const catalogue = Catalogue.open(dir);
  try {
    assert.deepEqual(
      (await catalogue.photos.getMany([1, 2, 3, 4])).map((p) => [p.rating, p.flag, p.label]),
      [[0, '', ''], [0, '', ''], [0, '', ''], [0, '', '']],
    );
    assert.equal((await catalogue.search.query('rating:0 flag:none label:none', 0, 10)).total, 4);
    await catalogue.photos.update([2], { rating: 4, flag: 'pick', label: 'red' });
    // The changelog trigger logs marks (else a persisted index would never learn of the edit).
    const found = await catalogue.search.query('rating:>=3 flag:pick label:red', 0, 10);
    assert.deepEqual(found.hits.map((h) => [h.id, h.rating, h.flag, h.label]), [[2, 4, 'pick', 'red']]);
    // The column refuses what is no mark, whoever writes.
    assert.throws(() => catalogue.db.exec("UPDATE photos SET label = 'orange' WHERE id = 1"), /CHECK constraint/);
    assert.throws(() => catalogue.db.exec('UPDATE photos SET rating = 6 WHERE id = 1'), /CHECK constraint/);
  } finally {
    catalogue.close();
  }
});

test('marks on a whole selection are one undoable step; search filters and facet counts follow every change', async () => {
  const catalogue = Catalogue.open(imagelessCatalogue(30));
  try {
    const everything = { query: '', all: true, ids: [1, 2] };
    assert.deepEqual(await catalogue.photos.editSelection(everything, { rating: 3 }), { count: 28, changed: 28 });
    assert.equal((await catalogue.history.state()).undoLabel, 'Edit rating of 28 photos');
    await catalogue.photos.editSelection({ query: 'rating:3', all: false, ids: [3, 4, 5] }, { flag: 'reject', label: 'blue' });
    await catalogue.photos.editSelection({ query: '', all: false, ids: [1] }, { rating: 5, flag: 'pick' });

    const total = async (query: string) => (await catalogue.search.query(query, 0, 1)).total;
    assert.equal(await total('rating:>=3'), 29);
    assert.equal(await total('rating:3'), 28);
    assert.equal(await total('rating:5 flag:pick'), 1);
    assert.equal(await total('flag:reject'), 3);
    assert.equal(await total('-flag:reject rating:>=3'), 26);
    assert.equal(await total('label:blue'), 3);
    assert.equal(await total('címke:kék'), 0, 'címke: is tags, not the colour label');
    assert.equal(await total('színcímke:kék jelölés:elutasított értékelés:3'), 3);
    // Combined with words and years: the imageless photos are "Utcakép n", dated 1900 + n % 90.
    assert.equal(await total('utcakep rating:3 year:1903..1905'), 3, '3, 4 and 5 are rejected but still rated 3');
    assert.equal(await total('utcakep rating:3 year:1903..1905 -flag:reject'), 0);
    assert.equal(await total('utcakep rating:3 year:1906..1910'), 5);

    const facets = await catalogue.search.facets('utcakep');
    assert.deepEqual(facets.marks.ratings, [1, 0, 0, 28, 0, 1]);
    assert.deepEqual(facets.marks.flags, { none: 26, pick: 1, reject: 3 });
    assert.equal(facets.marks.labels.blue, 3);
    assert.equal(facets.marks.labels.none, 27);

    // Undo takes back the last step only, and the index follows.
    await catalogue.history.undo();
    assert.equal(await total('flag:pick'), 0);
    assert.equal(await total('rating:5'), 0);
    assert.equal(await total('rating:0'), 2);
    await catalogue.history.undo();
    assert.equal(await total('label:blue'), 0);
    await catalogue.history.redo();
    assert.equal(await total('label:blue flag:reject'), 3);

    // Values that are no mark are refused with a reason, never stored.
    await assert.rejects(catalogue.photos.editSelection(everything, { rating: 7 }), (e: unknown) => e instanceof CatalogueError && /^Rating not stored: "7"/.test(e.message));
    await assert.rejects(async () => await catalogue.photos.update([1], { label: 'orange' as never }), /Label not stored: "orange"/);
  } finally {
    catalogue.close();
  }
});

test('fototar edit --rating/--flag/--label, show prints them, list filters by them; bad values get one line', () => {
  const dir = imagelessCatalogue(5);
  const run = (...args: string[]) => fototar(...args, '--catalogue', dir);
  let r = run('edit', '2', '3', '--rating', '4', '--flag', 'pick', '--label', 'green');
  assert.equal(r.status, 0, r.stderr);
  r = run('edit', '3', '--flag', 'none', '--label', 'piros');
  assert.equal(r.status, 0, r.stderr);
  r = run('show', '2');
  assert.match(r.stdout, /^rating\s+★★★★☆ \(4\)$/m);
  assert.match(r.stdout, /^flag\s+pick$/m);
  assert.match(r.stdout, /^label\s+green$/m);
  const shown = JSON.parse(run('show', '3', '--json').stdout) as { rating: number; flag: string; label: string };
  assert.deepEqual([shown.rating, shown.flag, shown.label], [4, '', 'red']);
  const listed = (...args: string[]) => (JSON.parse(run('list', '--json', ...args).stdout) as { photos: { id: number }[] }).photos.map((p) => p.id);
  assert.deepEqual(listed('--rating', '>=4'), [2, 3]);
  assert.deepEqual(listed('--flag', 'pick'), [2]);
  assert.deepEqual(listed('--label', 'none', '--rating', '0'), [1, 4, 5]);
  assert.deepEqual(JSON.parse(run('search', 'rating:4 label:red', '--json').stdout).hits.map((h: { id: number }) => h.id), [3]);
  for (const [args, message] of [
    [['edit', '1', '--rating', '7'], /--rating takes a whole number from 0 to 5 \(got "7"\)/],
    [['edit', '1', '--flag', 'maybe'], /--flag takes pick, reject or none \(got "maybe"\)/],
    [['edit', '1', '--label', 'orange'], /--label takes red, yellow, green, blue, purple or none \(got "orange"\)/],
    [['list', '--rating', '>=9'], /--rating takes stars from 0 to 5/],
    [['search', 'rating:9'], /rating: needs stars from 0 to 5/],
  ] as const) {
    r = run(...args);
    assert.equal(r.status, 1, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, message);
  }
  // A smart collection keeps a mark filter and follows the catalogue.
  assert.equal(run('collection', 'create', 'Legjobbak', '--query', 'rating:>=4 színcímke:piros').status, 0);
  const smart = () => (JSON.parse(run('collection', 'show', 'Legjobbak', '--json').stdout) as { photos: { id: number }[] }).photos.map((p) => p.id);
  assert.deepEqual(smart(), [3]);
  // Undo covers CLI edits: the last edit was photo 3's flag and label.
  assert.equal(run('undo').status, 0);
  assert.deepEqual(listed('--label', 'green'), [2, 3]);
  assert.deepEqual(smart(), []);
});
