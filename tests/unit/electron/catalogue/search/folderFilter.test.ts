// folder:"…" filters in the catalogue (the search worker reads the folder index), so it is exact
// over the whole catalogue: with words, facets, sort and selection ids; a folder's subfolders
// are in it, a sibling whose name starts the same ("Doboz 1" / "Doboz 10") is not; a photo
// relinked elsewhere leaves it. The tree's counts come from the same column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { fortepanRecord } from '../../../../support/records.ts';
import { walkFolders } from '../../../../../shared/folderTree.ts';

const COUNT = 12_000;
const FOLDERS = ['/archív/Doboz 1/', '/archív/Doboz 1/Ünnepek/', '/archív/Doboz 10/', '/archív/Doboz 2/', '/archív/Doboz 1 másolat/'];
const folderOf = (n: number) => FOLDERS[n % FOLDERS.length];
const titleOf = (n: number) => (n % 3 === 0 ? 'Villamos a körúton' : 'Utcakép');

function makeCatalogue(): { dir: string; catalogue: Catalogue } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-folders-'));
  const catalogue = Catalogue.open(dir, { create: true });
  const now = new Date().toISOString();
  catalogue.db.exec('BEGIN');
  for (let n = 1; n <= COUNT; n++) {
    const record = fortepanRecord(100000 + n, { title: titleOf(n), donor: n % 2 ? 'Nagy Gyula' : 'Kovács Anna', date: String(1900 + (n % 80)) });
    catalogue.store.photos.insert({ ...record, file: `${folderOf(n)}fortepan_${100000 + n}.jpg` }, now);
  }
  catalogue.db.exec('COMMIT');
  return { dir, catalogue };
}

const expected = (inside: (folder: string) => boolean, words: (n: number) => boolean = () => true) => {
  let total = 0;
  for (let n = 1; n <= COUNT; n++) if (inside(folderOf(n)) && words(n)) total++;
  return total;
};

test('a folder filter is exact at 12,000 photos, combined with words, facets, sort and selection ids', async () => {
  const { catalogue } = makeCatalogue();
  try {
    const box1 = (f: string) => f === '/archív/Doboz 1/' || f === '/archív/Doboz 1/Ünnepek/';
    const only = await catalogue.search.query('folder:"/archív/Doboz 1"', 0, 50);
    assert.equal(only.error, null);
    assert.equal(only.total, expected(box1));
    assert.ok(only.hits.every((h) => h.file.startsWith('/archív/Doboz 1/')));

    const withWords = await catalogue.search.query('villamos folder:"/archív/Doboz 1"', 0, 1000, { field: 'date', direction: 'desc' });
    const villamos = (n: number) => n % 3 === 0;
    assert.equal(withWords.total, expected(box1, villamos));
    assert.ok(withWords.hits.every((h) => h.file.startsWith('/archív/Doboz 1/') && h.title === 'Villamos a körúton'));
    const years = withWords.hits.map((h) => h.date);
    assert.deepEqual(years, [...years].sort().reverse(), 'sorted by date, newest first');

    const facets = await catalogue.search.facets('donor:"Nagy Gyula" folder:"/archív/Doboz 1/Ünnepek/"');
    assert.equal(facets.total, expected((f) => f === '/archív/Doboz 1/Ünnepek/', (n) => n % 2 === 1));

    const ids = await catalogue.search.resultIds('-folder:"/archív/Doboz 1" villamos');
    assert.equal(ids.total, expected((f) => !box1(f), villamos));
    assert.equal(ids.ids.length, ids.total);

    // The tree counts the same photos, a folder with its subfolders.
    const tree = await catalogue.originals.folders();
    assert.equal(tree.parent, '/archív');
    assert.equal(tree.total, COUNT);
    const counts = Object.fromEntries([...walkFolders(tree.nodes)].map(({ node }) => [node.path, node.count]));
    assert.deepEqual(counts, {
      '/archív/Doboz 1': expected(box1),
      '/archív/Doboz 1/Ünnepek': expected((f) => f === '/archív/Doboz 1/Ünnepek/'),
      '/archív/Doboz 1 másolat': expected((f) => f === '/archív/Doboz 1 másolat/'),
      '/archív/Doboz 2': expected((f) => f === '/archív/Doboz 2/'),
      '/archív/Doboz 10': expected((f) => f === '/archív/Doboz 10/'),
    });

    // A photo relinked out of the folder leaves its filter and its count at once.
    const first = only.hits[0];
    catalogue.store.photos.relink(first.id, `/archív/Doboz 2/${path.basename(first.file)}`, 1000, 0, new Date().toISOString());
    const after = await catalogue.search.query('folder:"/archív/Doboz 1"', 0, 50);
    assert.equal(after.total, only.total - 1);
    assert.equal(Object.fromEntries([...walkFolders((await catalogue.originals.folders()).nodes)].map(({ node }) => [node.path, node.count]))['/archív/Doboz 2'], counts['/archív/Doboz 2'] + 1);

    const bad = await catalogue.search.query('folder:Doboz', 0, 10);
    assert.match(bad.error ?? '', /full path/);
  } finally {
    catalogue.close();
  }
});
