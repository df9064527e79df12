// `fototar search --json` takes the whole query language and prints one JSON document; a
// malformed query is one line on stderr and exit 1. The CLI loads (or builds) the persisted
// index like the app, and exits when done although a worker thread served the query.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { inTransaction } from '../../../../../electron/catalogue/store/openDatabase.ts';
import { tempDir } from '../../../../support/fixtures.ts';
import { fortepanRecord } from '../../../../support/records.ts';
import { runFototar } from '../../../../support/cli.ts';

const fototar = (...args: string[]) => runFototar(args, { timeout: 60_000 });

let cat: string;

before(async () => {
  cat = path.join(await tempDir(), 'cat');
  const catalogue = Catalogue.open(cat, { create: true });
  const rows = [
    { n: 11, caption: 'Villamos az Üllői úton', donor: 'Nagy Gyula', date: '1956', tags: ['villamos'] },
    { n: 12, caption: 'Villamos a Margit hídon', donor: 'Ebner', date: '1938', tags: ['villamos', 'híd'] },
    { n: 13, caption: 'Lovas kocsi az Üllői úton', donor: 'Nagy Gyula', date: '1925', tags: ['ló'] },
  ];
  inTransaction(catalogue.db, () => {
    for (const r of rows) {
      const fields = { caption: r.caption, date: r.date, donor: r.donor, city: 'Budapest', tags: r.tags };
      catalogue.store.photos.insert(fortepanRecord(r.n, fields), new Date().toISOString());
    }
  });
  catalogue.close();
});

const search = (query: string) => {
  const r = fototar('search', query, '--catalogue', cat, '--json');
  assert.equal(r.status, 0, r.stderr);
  const result = JSON.parse(r.stdout) as { total: number; hits: { fortepanId: number }[] };
  return result.hits.map((h) => h.fortepanId).sort();
};

test('search --json accepts the query language', () => {
  assert.deepEqual(search('villamos year:1950..1960'), [11]);
  assert.deepEqual(search('donor:"nagy gyula" -tag:lo'), [11]);
  assert.deepEqual(search('"ulloi uton"'), [11, 13]);
  assert.deepEqual(search('id:12'), [12]);
  assert.deepEqual(search('vilamos~'), [11, 12]);
  assert.deepEqual(search('marg'), [12]);
});

test('Hungarian forms, OR, and a suggestion when nothing is found', () => {
  assert.deepEqual(search('villamossal Budapesten '), [11, 12]);
  assert.deepEqual(search('hidon OR lovas '), [12, 13]);
  const json = fototar('search', 'Margti', '--catalogue', cat, '--json');
  assert.deepEqual(JSON.parse(json.stdout), { total: 0, hits: [], suggestion: 'margit' });
  const text = fototar('search', 'Margti', '--catalogue', cat);
  assert.equal(text.status, 0, text.stderr);
  assert.deepEqual(text.stdout.trim().split('\n'), ['0 photos', 'Did you mean: margit']);
});

test('a malformed query is one line on stderr and exit 1', () => {
  const r = fototar('search', 'year:19', '--catalogue', cat, '--json');
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /year:/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});
