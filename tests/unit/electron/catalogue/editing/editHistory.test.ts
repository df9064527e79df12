import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { HISTORY_LIMIT } from '../../../../../electron/catalogue/editing/editHistory.ts';
import { archivistCatalogue } from '../../../../support/archivistCatalogue.ts';
import { imagelessCatalogue } from '../../../../support/imagelessCatalogue.ts';

test('a batch edit is one step: undo puts every photo back, redo applies it again', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    catalogue.photos.update([ids[0]], { caption: 'Első' });
    catalogue.photos.update(ids, { donor: 'Nagy Gyula', date: '1956~' });
    assert.deepEqual(ids.map((id) => catalogue.photos.get(id).donor), ['Nagy Gyula', 'Nagy Gyula', 'Nagy Gyula']);
    assert.equal(catalogue.history.state().undoLabel, 'Edit date, donor of 3 photos');

    const undone = catalogue.history.undo();
    assert.equal(undone.label, 'Edit date, donor of 3 photos');
    assert.deepEqual([...undone.ids].sort(), [...ids].sort());
    for (const id of ids) {
      const photo = catalogue.photos.get(id);
      assert.equal(photo.donor, '');
      assert.equal(photo.date, '');
      assert.equal(photo.dateFrom, null);
    }
    // The earlier single edit is untouched by undoing the batch.
    assert.equal(catalogue.photos.get(ids[0]).caption, 'Első');
    assert.deepEqual(undone.history, { canUndo: true, canRedo: true, undoLabel: 'Edit caption of Fortepan 1000', redoLabel: 'Edit date, donor of 3 photos' });

    catalogue.history.redo();
    assert.equal(catalogue.photos.get(ids[2]).date, '1956~');
    assert.equal(catalogue.photos.get(ids[2]).dateFrom, '1956-01-01');
  } finally {
    catalogue.close();
  }
});

test('undo and redo survive closing and reopening the catalogue', async () => {
  const { dir, catalogue, ids } = await archivistCatalogue(2);
  catalogue.photos.update([ids[1]], { title: 'Üllői út, villamos', tags: ['villamos', 'Üllői út'] });
  catalogue.close();

  const reopened = Catalogue.open(path.join(dir, 'cat'));
  try {
    assert.equal(reopened.history.state().canUndo, true);
    reopened.history.undo();
    assert.equal(reopened.photos.get(ids[1]).title, '');
    assert.deepEqual(reopened.photos.get(ids[1]).tags, []);
  } finally {
    reopened.close();
  }
  const again = Catalogue.open(path.join(dir, 'cat'));
  try {
    assert.equal(again.history.state().redoLabel, 'Edit title, tags of Fortepan 1001');
    again.history.redo();
    assert.equal(again.photos.get(ids[1]).title, 'Üllői út, villamos');
  } finally {
    again.close();
  }
});

test('saving an unchanged value records nothing; a new edit drops the redo branch', async () => {
  const { catalogue, ids } = await archivistCatalogue(1);
  try {
    catalogue.photos.update(ids, { caption: 'A' });
    catalogue.photos.update(ids, { caption: 'A' });
    catalogue.history.undo();
    assert.equal(catalogue.history.state().canUndo, false, 'the second, unchanged save was not a step');
    assert.equal(catalogue.history.state().canRedo, true);
    catalogue.photos.update(ids, { caption: 'B' });
    assert.equal(catalogue.history.state().canRedo, false);
    assert.equal(catalogue.history.redo().label, null);
    assert.equal(catalogue.photos.get(ids[0]).caption, 'B');
  } finally {
    catalogue.close();
  }
});

test('an invalid date saves nothing and records no step', async () => {
  const { catalogue, ids } = await archivistCatalogue(2);
  try {
    assert.throws(() => catalogue.photos.update(ids, { date: '1956-13', caption: 'x' }), /Date not saved/);
    assert.equal(catalogue.photos.get(ids[0]).caption, '');
    assert.equal(catalogue.history.state().canUndo, false);
  } finally {
    catalogue.close();
  }
});

test(`the history keeps the last ${HISTORY_LIMIT} steps`, async () => {
  const { catalogue, ids } = await archivistCatalogue(1);
  try {
    // Alternating fields, so no save is folded into the one before it.
    for (let i = 0; i <= HISTORY_LIMIT + 5; i++) catalogue.photos.update(ids, i % 2 ? { notes: `n${i}` } : { caption: `c${i}` });
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
    catalogue.photos.update([ids[0]], { title: 'E' }, typing);
    catalogue.photos.update([ids[0]], { title: 'Első' }, typing);
    catalogue.photos.update([ids[0]], { title: 'Első cím' }, typing);
    catalogue.photos.update([ids[0]], { caption: 'Felirat' }, typing);
    catalogue.photos.update([ids[1]], { caption: 'Másik' }, typing);
    catalogue.history.undo();
    catalogue.history.undo();
    assert.equal(catalogue.photos.get(ids[0]).caption, '');
    assert.equal(catalogue.photos.get(ids[0]).title, 'Első cím');
    catalogue.history.undo();
    assert.equal(catalogue.photos.get(ids[0]).title, '', 'one undo takes back the whole title');
    assert.equal(catalogue.history.state().canUndo, false);
    catalogue.history.redo();
    assert.equal(catalogue.photos.get(ids[0]).title, 'Első cím');
    // Without the option (the CLI, imports), every edit is its own step.
    catalogue.photos.update([ids[1]], { notes: 'a' });
    catalogue.photos.update([ids[1]], { notes: 'b' });
    catalogue.history.undo();
    assert.equal(catalogue.photos.get(ids[1]).notes, 'a');
  } finally {
    catalogue.close();
  }
});

test('a batch edit of thousands of photos is stored compactly; undo puts back each photo its own values, field by field', async () => {
  const count = 3000;
  // Four donors in turn; every tenth photo already has the new donor, every seventh the new date.
  const dir = imagelessCatalogue(count, (n) => ({
    title: `Utcakép ${n}`,
    donor: n % 10 === 0 ? 'Hunyadi László' : ['Fortepan', 'Kovács Anna', 'Nagy Gyula', 'Szabó Éva'][n % 4],
    date: n % 7 === 0 ? '1956~' : String(1900 + (n % 90)),
    tags: n % 2 ? ['villamos', 'utca'] : [],
  }));
  const catalogue = Catalogue.open(dir);
  try {
    const before = [...catalogue.photos.iterateAll()];
    const ids = before.map((p) => p.id);
    const changed = catalogue.photos.update(ids, { donor: 'Hunyadi László', date: '1956~', tags: ['utca', 'villamos'] });
    assert.equal(changed.length, count);
    for (const photo of changed) {
      assert.equal(photo.donor, 'Hunyadi László');
      assert.equal(photo.date, '1956~');
      assert.equal(photo.dateFrom, '1956-01-01');
      assert.deepEqual(photo.tags, ['utca', 'villamos']);
    }
    const step = catalogue.db.prepare('SELECT label, changes, photo_count FROM edit_history ORDER BY id DESC LIMIT 1').get() as { label: string; changes: string; photo_count: number };
    assert.equal(step.label, 'Edit date, donor, tags of 3000 photos');
    assert.equal(Number(step.photo_count), count);
    // Per field, the photos grouped by their earlier value: far smaller than {id, before, after} per photo.
    const stored = JSON.parse(step.changes) as { form: string; fields: Record<string, { after: string; before: [string, number[]][] }> };
    assert.equal(stored.form, 'uniform');
    assert.deepEqual(stored.fields.donor.before.map(([value]) => value).sort(), ['Fortepan', 'Kovács Anna', 'Nagy Gyula', 'Szabó Éva']);
    assert.equal(stored.fields.donor.before.flatMap(([, group]) => group).length, count - count / 10, 'photos that had the donor already are not in the step');
    assert.ok(step.changes.length < count * 30, `${step.changes.length} characters`);

    const undone = catalogue.history.undo();
    assert.equal(undone.ids.length, count);
    const after = new Map([...catalogue.photos.iterateAll()].map((p) => [p.id, p]));
    for (const photo of before) {
      const back = after.get(photo.id)!;
      assert.deepEqual(
        [back.donor, back.date, back.dateFrom, back.dateTo, back.tags, back.title],
        [photo.donor, photo.date, photo.dateFrom, photo.dateTo, photo.tags, photo.title],
        `photo ${photo.id}`,
      );
    }
    catalogue.history.redo();
    assert.ok([...catalogue.photos.iterateAll()].every((p) => p.donor === 'Hunyadi László' && p.dateTo === '1956-12-31' && p.tags.join(';') === 'utca;villamos'));
    // The search follows the set-based writes (their change log rows) like any other edit.
    assert.equal((await catalogue.search.resultIds('donor:"Hunyadi László"')).total, count);
  } finally {
    catalogue.close();
  }
});

test('a batch edit naming a photo that is not there changes nothing', async () => {
  const { catalogue, ids } = await archivistCatalogue(2);
  try {
    assert.throws(() => catalogue.photos.update([...ids, 999_999], { donor: 'Nagy Gyula' }), /No photo with id 999999/);
    assert.equal(catalogue.photos.get(ids[0]).donor, '');
    assert.equal(catalogue.history.state().canUndo, false);
  } finally {
    catalogue.close();
  }
});
