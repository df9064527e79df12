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
    await catalogue.photos.update([ids[0]], { caption: 'Első' });
    await catalogue.photos.update(ids, { donor: 'Nagy Gyula', date: '1956~' });
    assert.deepEqual(await Promise.all(ids.map(async (id) => (await catalogue.photos.get(id)).donor)), ['Nagy Gyula', 'Nagy Gyula', 'Nagy Gyula']);
    assert.equal((await catalogue.history.state()).undoLabel, 'Edit date, donor of 3 photos');

    const undone = await catalogue.history.undo();
    assert.equal(undone.label, 'Edit date, donor of 3 photos');
    assert.deepEqual([...undone.ids].sort(), [...ids].sort());
    for (const id of ids) {
      const photo = await catalogue.photos.get(id);
      assert.equal(photo.donor, '');
      assert.equal(photo.date, '');
      assert.equal(photo.dateFrom, null);
    }
    // The earlier single edit is untouched by undoing the batch.
    assert.equal((await catalogue.photos.get(ids[0])).caption, 'Első');
    assert.deepEqual(undone.history, { canUndo: true, canRedo: true, undoLabel: 'Edit caption of Fortepan 1000', redoLabel: 'Edit date, donor of 3 photos' });

    await catalogue.history.redo();
    assert.equal((await catalogue.photos.get(ids[2])).date, '1956~');
    assert.equal((await catalogue.photos.get(ids[2])).dateFrom, '1956-01-01');
  } finally {
    catalogue.close();
  }
});

test('undo and redo survive closing and reopening the catalogue', async () => {
  const { dir, catalogue, ids } = await archivistCatalogue(2);
  await catalogue.photos.update([ids[1]], { title: 'Üllői út, villamos', tags: ['villamos', 'Üllői út'] });
  catalogue.close();

  const reopened = Catalogue.open(path.join(dir, 'cat'));
  try {
    assert.equal((await reopened.history.state()).canUndo, true);
    await reopened.history.undo();
    assert.equal((await reopened.photos.get(ids[1])).title, '');
    assert.deepEqual((await reopened.photos.get(ids[1])).tags, []);
  } finally {
    reopened.close();
  }
  const again = Catalogue.open(path.join(dir, 'cat'));
  try {
    assert.equal((await again.history.state()).redoLabel, 'Edit title, tags of Fortepan 1001');
    await again.history.redo();
    assert.equal((await again.photos.get(ids[1])).title, 'Üllői út, villamos');
  } finally {
    again.close();
  }
});

test('saving an unchanged value records nothing; a new edit drops the redo branch', async () => {
  const { catalogue, ids } = await archivistCatalogue(1);
  try {
    await catalogue.photos.update(ids, { caption: 'A' });
    await catalogue.photos.update(ids, { caption: 'A' });
    await catalogue.history.undo();
    assert.equal((await catalogue.history.state()).canUndo, false, 'the second, unchanged save was not a step');
    assert.equal((await catalogue.history.state()).canRedo, true);
    await catalogue.photos.update(ids, { caption: 'B' });
    assert.equal((await catalogue.history.state()).canRedo, false);
    assert.equal((await catalogue.history.redo()).label, null);
    assert.equal((await catalogue.photos.get(ids[0])).caption, 'B');
  } finally {
    catalogue.close();
  }
});

test('an invalid date saves nothing and records no step', async () => {
  const { catalogue, ids } = await archivistCatalogue(2);
  try {
    await assert.rejects(async () => await catalogue.photos.update(ids, { date: '1956-13', caption: 'x' }), /Date not saved/);
    assert.equal((await catalogue.photos.get(ids[0])).caption, '');
    assert.equal((await catalogue.history.state()).canUndo, false);
  } finally {
    catalogue.close();
  }
});

test(`the history keeps the last ${HISTORY_LIMIT} steps`, async () => {
  const { catalogue, ids } = await archivistCatalogue(1);
  try {
    // Alternating fields, so no save is folded into the one before it.
    for (let i = 0; i <= HISTORY_LIMIT + 5; i++) await catalogue.photos.update(ids, i % 2 ? { notes: `n${i}` } : { caption: `c${i}` });
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
    await catalogue.photos.update([ids[0]], { title: 'E' }, typing);
    await catalogue.photos.update([ids[0]], { title: 'Első' }, typing);
    await catalogue.photos.update([ids[0]], { title: 'Első cím' }, typing);
    await catalogue.photos.update([ids[0]], { caption: 'Felirat' }, typing);
    await catalogue.photos.update([ids[1]], { caption: 'Másik' }, typing);
    await catalogue.history.undo();
    await catalogue.history.undo();
    assert.equal((await catalogue.photos.get(ids[0])).caption, '');
    assert.equal((await catalogue.photos.get(ids[0])).title, 'Első cím');
    await catalogue.history.undo();
    assert.equal((await catalogue.photos.get(ids[0])).title, '', 'one undo takes back the whole title');
    assert.equal((await catalogue.history.state()).canUndo, false);
    await catalogue.history.redo();
    assert.equal((await catalogue.photos.get(ids[0])).title, 'Első cím');
    // Without the option (the CLI, imports), every edit is its own step.
    await catalogue.photos.update([ids[1]], { notes: 'a' });
    await catalogue.photos.update([ids[1]], { notes: 'b' });
    await catalogue.history.undo();
    assert.equal((await catalogue.photos.get(ids[1])).notes, 'a');
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
    const before = (await Array.fromAsync(catalogue.photos.iterateAll()));
    const ids = before.map((p) => p.id);
    const changed = await catalogue.photos.update(ids, { donor: 'Hunyadi László', date: '1956~', tags: ['utca', 'villamos'] });
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

    const undone = await catalogue.history.undo();
    assert.equal(undone.ids.length, count);
    const after = new Map((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [p.id, p]));
    for (const photo of before) {
      const back = after.get(photo.id)!;
      assert.deepEqual(
        [back.donor, back.date, back.dateFrom, back.dateTo, back.tags, back.title],
        [photo.donor, photo.date, photo.dateFrom, photo.dateTo, photo.tags, photo.title],
        `photo ${photo.id}`,
      );
    }
    await catalogue.history.redo();
    assert.ok((await Array.fromAsync(catalogue.photos.iterateAll())).every((p) => p.donor === 'Hunyadi László' && p.dateTo === '1956-12-31' && p.tags.join(';') === 'utca;villamos'));
    // The search follows the set-based writes (their change log rows) like any other edit.
    assert.equal((await catalogue.search.resultIds('donor:"Hunyadi László"')).total, count);
  } finally {
    catalogue.close();
  }
});

test('a batch edit naming a photo that is not there changes nothing', async () => {
  const { catalogue, ids } = await archivistCatalogue(2);
  try {
    await assert.rejects(async () => await catalogue.photos.update([...ids, 999_999], { donor: 'Nagy Gyula' }), /No photo with id 999999/);
    assert.equal((await catalogue.photos.get(ids[0])).donor, '');
    assert.equal((await catalogue.history.state()).canUndo, false);
  } finally {
    catalogue.close();
  }
});
