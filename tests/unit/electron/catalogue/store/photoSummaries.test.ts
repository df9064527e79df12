// The grid's pages are read as summaries (only the columns a card needs), and the photo count
// is kept between pages: both must answer exactly what whole photos and a fresh count would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { PhotoRepository } from '../../../../../electron/catalogue/store/photoRepository.ts';
import { photoSummary } from '../../../../../shared/photoSummary.ts';
import { fortepanRecord } from '../../../../support/records.ts';
import { tempDir } from '../../../../support/fixtures.ts';

async function catalogueWithPhotos(): Promise<Catalogue> {
  const dir = path.join(await tempDir('fototar-summaries-'), 'cat');
  const catalogue = Catalogue.open(dir, { create: true });
  const now = new Date().toISOString();
  const photos = catalogue.store.photos;
  // Credit lines of every kind: Fortepan (donor, photographer), Fortepan Iowa, another source
  // with an embedded creator, none at all; a preview error; a duplicate; a missing file.
  photos.insert(fortepanRecord(101, { title: 'Üllői út', caption: 'utcakép', date: '1956', donor: 'Szabó Éva', photographer: 'Kovács', licence: 'CC BY-SA 3.0' }), now);
  photos.insert({ ...fortepanRecord(102, { title: 'Iowa', donor: 'Lambert', source: 'Fortepan Iowa' }), fortepanId: null, iowaId: 'FI0001858' }, now);
  photos.insert({ ...fortepanRecord(103, { title: 'Más', source: 'Budapest Főváros Levéltára', archiveRef: 'HU.BFL.XV.19.d.1.05.054' }), fortepanId: null, embeddedCreator: 'Klösz György', previewError: 'cannot decode' }, now);
  photos.insert({ ...fortepanRecord(104), fortepanId: null, embeddedCredit: 'Saját kép' }, now);
  const copy = photos.insert({ ...fortepanRecord(105, { title: 'másolat' }), hash: fortepanRecord(101).hash }, now);
  catalogue.db.prepare('UPDATE photos SET duplicate_of = 1, missing = 1 WHERE id = ?').run(copy);
  return catalogue;
}

test('summaries read from the card columns equal the summaries of whole photos, in the order asked, leaving out unknown ids', async () => {
  const catalogue = await catalogueWithPhotos();
  try {
    const photos = catalogue.store.photos;
    const whole = (ids: number[]) => photos.getMany(ids).map(photoSummary);
    assert.deepEqual(photos.summaries([3, 1, 999, 5, 2, 4]), whole([3, 1, 5, 2, 4]));
    assert.deepEqual(photos.summaryPage(1, 3), whole([2, 3, 4]));
    assert.deepEqual(photos.sortedSummaryPage('title', 'desc', 0, 10), whole(photos.sortedIdPage('title', 'desc', 0, 10)));
    assert.ok(photos.summaries([1])[0].credit.startsWith('Fortepan / Szabó Éva'));
    assert.equal(photos.summaries([5])[0].duplicateOf, 1);
    // What the grid and a search page get.
    assert.deepEqual((await catalogue.photos.list(0, 10)).photos, whole([1, 2, 3, 4, 5]));
    const searched = await catalogue.search.query('ulloi', 0, 10);
    assert.deepEqual(
      searched.hits.map(({ score: _score, ...summary }) => summary),
      whole([1]),
    );
  } finally {
    catalogue.close();
  }
});

test('the photo count follows inserts by this connection and by another one (the CLI, a second window)', async () => {
  const catalogue = await catalogueWithPhotos();
  try {
    assert.equal((await catalogue.photos.list(0, 1)).total, 5);
    catalogue.store.photos.insert(fortepanRecord(106), new Date().toISOString());
    assert.equal((await catalogue.photos.list(0, 1)).total, 6);
    const other = new DatabaseSync(catalogue.paths.database);
    try {
      new PhotoRepository(other).insert(fortepanRecord(107), new Date().toISOString());
    } finally {
      other.close();
    }
    assert.equal((await catalogue.photos.list(0, 1)).total, 7);
    assert.equal(catalogue.store.photos.count(), 7);
  } finally {
    catalogue.close();
  }
});
