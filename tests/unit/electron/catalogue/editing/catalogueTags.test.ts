import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listTags, renameTag, fieldValues } from '../../../../../electron/catalogue/editing/catalogueTags.ts';
import { editSelectionTags, selectionFields } from '../../../../../electron/catalogue/editing/selectionFields.ts';
import { archivistCatalogue } from '../../../../support/archivistCatalogue.ts';

test('tags are counted across the catalogue and found by a prefix typed without accents', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    catalogue.updatePhotos([ids[0]], { tags: ['villamos', 'Üllői út'] });
    catalogue.updatePhotos([ids[1]], { tags: ['Villamos', 'utca'] });
    catalogue.updatePhotos([ids[2]], { tags: ['villamos'] });
    assert.deepEqual(listTags(catalogue.db), [
      { tag: 'villamos', count: 3 },
      { tag: 'utca', count: 1 },
      { tag: 'Üllői út', count: 1 },
    ]);
    assert.deepEqual(listTags(catalogue.db, 'ullo').map((t) => t.tag), ['Üllői út']);
    assert.deepEqual(listTags(catalogue.db, 'ut').map((t) => t.tag), ['utca', 'Üllői út']);
  } finally {
    catalogue.close();
  }
});

test('renaming a tag onto an existing one merges them, as one undoable step', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    catalogue.updatePhotos([ids[0]], { tags: ['villamos', 'közlekedés'] });
    catalogue.updatePhotos([ids[1]], { tags: ['Villamos', 'villamosok'] });
    catalogue.updatePhotos([ids[2]], { tags: ['busz'] });
    assert.deepEqual(renameTag(catalogue, 'villamosok', 'villamos', 'Merge'), { photos: 1, merged: true });
    assert.deepEqual(catalogue.getPhoto(ids[1]).tags, ['Villamos'], 'the photo carrying both keeps one');
    renameTag(catalogue, 'VILLAMOS', 'Villamos');
    assert.deepEqual(catalogue.getPhoto(ids[0]).tags, ['Villamos', 'közlekedés']);
    assert.equal(catalogue.historyState().undoLabel, 'Rename tag "VILLAMOS" to "Villamos"');
    catalogue.undo();
    catalogue.undo();
    assert.deepEqual(catalogue.getPhoto(ids[1]).tags, ['Villamos', 'villamosok']);
    assert.deepEqual(catalogue.getPhoto(ids[0]).tags, ['villamos', 'közlekedés']);
    assert.throws(() => renameTag(catalogue, 'nincs ilyen', 'x'), /No photo has the tag/);
    assert.throws(() => renameTag(catalogue, 'busz', 'a;b'), /cannot contain/);
  } finally {
    catalogue.close();
  }
});

test('a selection shows shared values, mixed fields and tag counts; tags are added and removed per photo', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    catalogue.updatePhotos(ids, { donor: 'Berkó Pál', city: 'Budapest' });
    catalogue.updatePhotos([ids[0]], { city: 'Szeged', tags: ['utca', 'villamos'] });
    catalogue.updatePhotos([ids[1]], { tags: ['utca'] });
    const fields = selectionFields(catalogue, ids);
    assert.equal(fields.common.donor, 'Berkó Pál');
    assert.equal(fields.common.title, '');
    assert.ok(fields.mixed.includes('city'));
    assert.equal(fields.common.city, undefined);
    assert.deepEqual(fields.tags, [{ tag: 'utca', count: 2 }, { tag: 'villamos', count: 1 }]);

    editSelectionTags(catalogue, ids, ['1956'], ['utca']);
    assert.deepEqual(ids.map((id) => catalogue.getPhoto(id).tags), [['villamos', '1956'], ['1956'], ['1956']]);
    catalogue.undo();
    assert.deepEqual(ids.map((id) => catalogue.getPhoto(id).tags), [['utca', 'villamos'], ['utca'], []]);
  } finally {
    catalogue.close();
  }
});

test('pick lists offer the values the catalogue uses, most used first', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    catalogue.updatePhotos(ids, { licence: 'CC BY-SA 4.0' });
    catalogue.updatePhotos([ids[0]], { licence: 'Saját' });
    assert.deepEqual(fieldValues(catalogue.db, 'licence'), ['CC BY-SA 4.0', 'Saját']);
    assert.deepEqual(fieldValues(catalogue.db, 'source'), ['Fortepan']);
  } finally {
    catalogue.close();
  }
});
