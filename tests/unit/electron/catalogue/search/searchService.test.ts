import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';

let catalogue: Catalogue;
const idOf = new Map<number, number>();

before(async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  const records = [
    { n: 101, description: 'Villamos az Üllői úton', credit: 'Fortepan / Nagy Gyula', subject: ['villamos'], dateCreated: '1956', city: 'Budapest' },
    { n: 102, description: 'Vitorlások a kikötőben', credit: 'Fortepan / Kurutz Márton', subject: ['Balaton'], dateCreated: '1938', city: 'Balatonfüred' },
    { n: 103, description: 'Lovas kocsi az Üllői út sarkán', credit: 'Fortepan / Ebner', subject: ['ló'], dateCreated: '1925', city: 'Budapest' },
  ];
  for (const [i, r] of records.entries()) {
    await writeFixture(photos, `fortepan_${r.n}.jpg`, makeJpeg({ colour: `#${(i + 1) * 30}4040`, xmp: r }));
  }
  catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  await catalogue.ingest.run([photos]);
  for await (const p of catalogue.photos.iterateAll()) idOf.set(p.fortepanId!, p.id);
});
after(() => catalogue.close());

const found = async (query: string) => {
  const result = await catalogue.search.query(query, 0, 50);
  assert.equal(result.error, null, `${query}: ${result.error}`);
  return result.hits.map((h) => h.fortepanId).sort();
};

test('accents are optional and the original spelling comes back', async () => {
  assert.deepEqual(await found('Üllői út'), [101, 103]);
  assert.deepEqual(await found('ulloi ut'), [101, 103]);
  assert.equal((await catalogue.search.query('ulloi', 0, 5)).hits.find((h) => h.fortepanId === 101)?.caption, 'Villamos az Üllői úton');
});

test('the last word matches as a prefix while typing', async () => {
  assert.deepEqual(await found('vitor'), [102]);
  assert.deepEqual(await found('vitor '), []);
});

test('donor, tag, place, year and Fortepan number are searchable', async () => {
  assert.deepEqual(await found('Kurutz'), [102]);
  assert.deepEqual(await found('donor:ebner'), [103]);
  assert.deepEqual(await found('tag:balaton'), [102]);
  assert.deepEqual(await found('place:budapest'), [101, 103]);
  assert.deepEqual(await found('1956'), [101]);
  assert.deepEqual(await found('year:1920..1940'), [102, 103]);
  assert.deepEqual(await found('102'), [102]);
  assert.deepEqual(await found('id:103'), [103]);
});

test('phrases keep word order and exclusions exclude', async () => {
  assert.deepEqual(await found('"ulloi uton"'), [101]);
  assert.deepEqual(await found('"uton ulloi"'), []);
  assert.deepEqual(await found('ulloi -villamos'), [103]);
  assert.deepEqual(await found('-budapest'), [102]);
});

test('an edited caption is found by its new words at once, with or without accents', async () => {
  await catalogue.photos.update([idOf.get(102)!], { caption: 'Tűzoltók gyakorlata a Főplébániatemplomnál' });
  assert.deepEqual(await found('tűzoltók'), [102]);
  assert.deepEqual(await found('tuzoltok fopleb'), [102]);
  assert.deepEqual(await found('vitorlások'), []);
});

test('a malformed query gets a message', async () => {
  assert.match((await catalogue.search.query('year:abc', 0, 5)).error ?? '', /year:/);
});
