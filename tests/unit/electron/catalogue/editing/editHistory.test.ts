import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { HISTORY_LIMIT } from '../../../../../electron/catalogue/editing/editHistory.ts';
import { archivistCatalogue } from '../../../../support/archivistCatalogue.ts';

test('a batch edit is one step: undo puts every photo back, redo applies it again', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    catalogue.updatePhotos([ids[0]], { caption: 'Első' });
    catalogue.updatePhotos(ids, { donor: 'Nagy Gyula', date: '1956~' });
    assert.deepEqual(ids.map((id) => catalogue.getPhoto(id).donor), ['Nagy Gyula', 'Nagy Gyula', 'Nagy Gyula']);
    assert.equal(catalogue.historyState().undoLabel, 'Edit date, donor of 3 photos');

    const undone = catalogue.undo();
    assert.equal(undone.label, 'Edit date, donor of 3 photos');
    assert.deepEqual(undone.photos.map((p) => p.id).sort(), [...ids].sort());
    for (const id of ids) {
      const photo = catalogue.getPhoto(id);
      assert.equal(photo.donor, '');
      assert.equal(photo.date, '');
      assert.equal(photo.dateFrom, null);
    }
    // The earlier single edit is untouched by undoing the batch.
    assert.equal(catalogue.getPhoto(ids[0]).caption, 'Első');
    assert.deepEqual(undone.history, { canUndo: true, canRedo: true, undoLabel: 'Edit caption of Fortepan 1000', redoLabel: 'Edit date, donor of 3 photos' });

    catalogue.redo();
    assert.equal(catalogue.getPhoto(ids[2]).date, '1956~');
    assert.equal(catalogue.getPhoto(ids[2]).dateFrom, '1956-01-01');
  } finally {
    catalogue.close();
  }
});

test('undo and redo survive closing and reopening the catalogue', async () => {
  const { dir, catalogue, ids } = await archivistCatalogue(2);
  catalogue.updatePhotos([ids[1]], { title: 'Üllői út, villamos', tags: ['villamos', 'Üllői út'] });
  catalogue.close();

  const reopened = Catalogue.open(path.join(dir, 'cat'));
  try {
    assert.equal(reopened.historyState().canUndo, true);
    reopened.undo();
    assert.equal(reopened.getPhoto(ids[1]).title, '');
    assert.deepEqual(reopened.getPhoto(ids[1]).tags, []);
  } finally {
    reopened.close();
  }
  const again = Catalogue.open(path.join(dir, 'cat'));
  try {
    assert.equal(again.historyState().redoLabel, 'Edit title, tags of Fortepan 1001');
    again.redo();
    assert.equal(again.getPhoto(ids[1]).title, 'Üllői út, villamos');
  } finally {
    again.close();
  }
});

test('saving an unchanged value records nothing; a new edit drops the redo branch', async () => {
  const { catalogue, ids } = await archivistCatalogue(1);
  try {
    catalogue.updatePhotos(ids, { caption: 'A' });
    catalogue.updatePhotos(ids, { caption: 'A' });
    catalogue.undo();
    assert.equal(catalogue.historyState().canUndo, false, 'the second, unchanged save was not a step');
    assert.equal(catalogue.historyState().canRedo, true);
    catalogue.updatePhotos(ids, { caption: 'B' });
    assert.equal(catalogue.historyState().canRedo, false);
    assert.equal(catalogue.redo().label, null);
    assert.equal(catalogue.getPhoto(ids[0]).caption, 'B');
  } finally {
    catalogue.close();
  }
});

test('an invalid date saves nothing and records no step', async () => {
  const { catalogue, ids } = await archivistCatalogue(2);
  try {
    assert.throws(() => catalogue.updatePhotos(ids, { date: '1956-13', caption: 'x' }), /Date not saved/);
    assert.equal(catalogue.getPhoto(ids[0]).caption, '');
    assert.equal(catalogue.historyState().canUndo, false);
  } finally {
    catalogue.close();
  }
});

test(`the history keeps the last ${HISTORY_LIMIT} steps`, async () => {
  const { catalogue, ids } = await archivistCatalogue(1);
  try {
    // Alternating fields, so no save is folded into the one before it.
    for (let i = 0; i <= HISTORY_LIMIT + 5; i++) catalogue.updatePhotos(ids, i % 2 ? { notes: `n${i}` } : { caption: `c${i}` });
    const rows = catalogue.db.prepare('SELECT count(*) AS n FROM edit_history').get() as { n: number };
    assert.equal(Number(rows.n), HISTORY_LIMIT);
  } finally {
    catalogue.close();
  }
});

test('saves of the same field while typing are one step; another field or photo is a new one', async () => {
  const { catalogue, ids } = await archivistCatalogue(2);
  try {
    const typing = { coalesce: true };
    catalogue.updatePhotos([ids[0]], { title: 'E' }, typing);
    catalogue.updatePhotos([ids[0]], { title: 'Első' }, typing);
    catalogue.updatePhotos([ids[0]], { title: 'Első cím' }, typing);
    catalogue.updatePhotos([ids[0]], { caption: 'Felirat' }, typing);
    catalogue.updatePhotos([ids[1]], { caption: 'Másik' }, typing);
    catalogue.undo();
    catalogue.undo();
    assert.equal(catalogue.getPhoto(ids[0]).caption, '');
    assert.equal(catalogue.getPhoto(ids[0]).title, 'Első cím');
    catalogue.undo();
    assert.equal(catalogue.getPhoto(ids[0]).title, '', 'one undo takes back the whole title');
    assert.equal(catalogue.historyState().canUndo, false);
    catalogue.redo();
    assert.equal(catalogue.getPhoto(ids[0]).title, 'Első cím');
    // Without the option (the CLI, imports), every edit is its own step.
    catalogue.updatePhotos([ids[1]], { notes: 'a' });
    catalogue.updatePhotos([ids[1]], { notes: 'b' });
    catalogue.undo();
    assert.equal(catalogue.getPhoto(ids[1]).notes, 'a');
  } finally {
    catalogue.close();
  }
});
