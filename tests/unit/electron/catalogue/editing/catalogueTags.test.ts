import { test } from 'node:test';
import assert from 'node:assert/strict';
import { archivistCatalogue } from '../../../../support/archivistCatalogue.ts';
import { readFieldValues } from '../../../../../electron/catalogue/store/fieldValues.ts';

test('tags are counted across the catalogue and found by a prefix typed without accents', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    await catalogue.photos.update([ids[0]], { tags: ['villamos', 'Üllői út'] });
    await catalogue.photos.update([ids[1]], { tags: ['Villamos', 'utca'] });
    await catalogue.photos.update([ids[2]], { tags: ['villamos'] });
    assert.deepEqual(await catalogue.tags.list(), [
      { tag: 'villamos', count: 3 },
      { tag: 'utca', count: 1 },
      { tag: 'Üllői út', count: 1 },
    ]);
    assert.deepEqual((await catalogue.tags.list('ullo')).map((t) => t.tag), ['Üllői út']);
    assert.deepEqual((await catalogue.tags.list('ut')).map((t) => t.tag), ['utca', 'Üllői út']);
  } finally {
    catalogue.close();
  }
});

test('renaming a tag onto an existing one merges them, as one undoable step', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    await catalogue.photos.update([ids[0]], { tags: ['villamos', 'közlekedés'] });
    await catalogue.photos.update([ids[1]], { tags: ['Villamos', 'villamosok'] });
    await catalogue.photos.update([ids[2]], { tags: ['busz'] });
    assert.deepEqual(await catalogue.tags.rename('villamosok', 'villamos', 'Merge'), { photos: 1, merged: true });
    assert.deepEqual((await catalogue.photos.get(ids[1])).tags, ['Villamos'], 'the photo carrying both keeps one');
    await catalogue.tags.rename('VILLAMOS', 'Villamos');
    assert.deepEqual((await catalogue.photos.get(ids[0])).tags, ['Villamos', 'közlekedés']);
    assert.equal((await catalogue.history.state()).undoLabel, 'Rename tag "VILLAMOS" to "Villamos"');
    await catalogue.history.undo();
    await catalogue.history.undo();
    assert.deepEqual((await catalogue.photos.get(ids[1])).tags, ['Villamos', 'villamosok']);
    assert.deepEqual((await catalogue.photos.get(ids[0])).tags, ['villamos', 'közlekedés']);
    await assert.rejects(async () => await catalogue.tags.rename('nincs ilyen', 'x'), /No photo has the tag/);
    await assert.rejects(async () => await catalogue.tags.rename('busz', 'a;b'), /cannot contain/);
  } finally {
    catalogue.close();
  }
});

test('a selection shows shared values, mixed fields and tag counts; tags are added and removed per photo', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    await catalogue.photos.update(ids, { donor: 'Berkó Pál', city: 'Budapest' });
    await catalogue.photos.update([ids[0]], { city: 'Szeged', tags: ['utca', 'villamos'] });
    await catalogue.photos.update([ids[1]], { tags: ['utca'] });
    const fields = await catalogue.photos.selectionFields(ids);
    assert.equal(fields.common.donor, 'Berkó Pál');
    assert.equal(fields.common.title, '');
    assert.ok(fields.mixed.includes('city'));
    assert.equal(fields.common.city, undefined);
    assert.deepEqual(fields.tags, [{ tag: 'utca', count: 2 }, { tag: 'villamos', count: 1 }]);

    await catalogue.photos.editTags(ids, ['1956'], ['utca']);
    assert.deepEqual(await Promise.all(ids.map(async (id) => (await catalogue.photos.get(id)).tags)), [['villamos', '1956'], ['1956'], ['1956']]);
    await catalogue.history.undo();
    assert.deepEqual(await Promise.all(ids.map(async (id) => (await catalogue.photos.get(id)).tags)), [['utca', 'villamos'], ['utca'], []]);
  } finally {
    catalogue.close();
  }
});

test('pick lists offer the values the catalogue uses, most used first', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    await catalogue.photos.update(ids, { licence: 'CC BY-SA 4.0' });
    await catalogue.photos.update([ids[0]], { licence: 'Saját' });
    const values = await readFieldValues(catalogue.db, catalogue.paths.database, ['licence', 'source'], 200);
    assert.deepEqual(values, { licence: ['CC BY-SA 4.0', 'Saját'], source: ['Fortepan'] });
  } finally {
    catalogue.close();
  }
});
