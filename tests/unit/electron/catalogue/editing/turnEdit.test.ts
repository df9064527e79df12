// Rotate and flip (issue 16 item 4) in the catalogue: stored per photo, relative to each photo's
// own turn, one undoable step for a whole selection, the displayed size and the image version
// following it, and a catalogue from before it opening with every photo upright.
import { withoutFolders, withoutMarks, withoutTurns } from '../../../../support/olderSchema.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { archivistCatalogue } from '../../../../support/archivistCatalogue.ts';

const turnOf = async (catalogue: Catalogue, id: number) => {
  const p = await catalogue.photos.get(id);
  return { rotation: p.rotation, flipped: p.flipped };
};

test('Ctrl+] on a selection turns each photo a quarter further, as one step; undo and redo put it back and again', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    const [a, b, c] = ids;
    assert.deepEqual(await turnOf(catalogue, a), { rotation: 0, flipped: false });
    const before = await catalogue.photos.get(a);
    assert.deepEqual([before.width, before.height], [40, 30]);
    const versionOfB = (await catalogue.photos.get(b)).thumbVersion;

    await catalogue.photos.turn({ ids: [a] }, { rotate: 90 });
    assert.equal((await catalogue.history.state()).undoLabel, 'Rotate clockwise Fortepan 1000');
    // Two photos with different turns: each is turned from its own.
    const done = await catalogue.photos.turn({ ids: [a, b] }, { rotate: 90 });
    assert.deepEqual([...done.changed].sort(), [a, b].sort());
    assert.deepEqual(await turnOf(catalogue, a), { rotation: 180, flipped: false });
    assert.deepEqual(await turnOf(catalogue, b), { rotation: 90, flipped: false });
    assert.deepEqual(await turnOf(catalogue, c), { rotation: 0, flipped: false });
    assert.equal((await catalogue.history.state()).undoLabel, 'Rotate clockwise 2 photos');

    // Width and height as displayed follow a quarter turn; the image version changes with the turn.
    const turned = await catalogue.photos.get(b);
    assert.deepEqual([turned.width, turned.height], [30, 41]);
    assert.notEqual(turned.thumbVersion, versionOfB);
    assert.ok(turned.thumbVersion.startsWith(versionOfB));

    const undone = await catalogue.history.undo();
    assert.equal(undone.label, 'Rotate clockwise 2 photos');
    assert.deepEqual([...undone.ids].sort(), [a, b].sort());
    assert.deepEqual(await turnOf(catalogue, a), { rotation: 90, flipped: false });
    assert.deepEqual(await turnOf(catalogue, b), { rotation: 0, flipped: false });
    assert.deepEqual([(await catalogue.photos.get(b)).width, (await catalogue.photos.get(b)).height], [41, 30]);
    assert.equal((await catalogue.photos.get(b)).thumbVersion, versionOfB);

    await catalogue.history.redo();
    assert.deepEqual(await turnOf(catalogue, a), { rotation: 180, flipped: false });
    assert.deepEqual(await turnOf(catalogue, b), { rotation: 90, flipped: false });
  } finally {
    catalogue.close();
  }
});

test('a flip mirrors the picture as shown; Ctrl+[ after it still turns the screen counter-clockwise; a turn back gives the first image version again', async () => {
  const { catalogue, ids } = await archivistCatalogue(1);
  try {
    const [a] = ids;
    const version = (await catalogue.photos.get(a)).thumbVersion;
    await catalogue.photos.turn({ ids: [a] }, { flip: true });
    assert.deepEqual(await turnOf(catalogue, a), { rotation: 0, flipped: true });
    assert.equal((await catalogue.history.state()).undoLabel, 'Flip Fortepan 1000');
    await catalogue.photos.turn({ ids: [a] }, { rotate: 270 });
    // Flipped, then a quarter counter-clockwise on screen: stored as a quarter clockwise, then the flip.
    assert.deepEqual(await turnOf(catalogue, a), { rotation: 90, flipped: true });
    assert.equal((await catalogue.history.state()).undoLabel, 'Rotate counter-clockwise Fortepan 1000');
    await catalogue.photos.turn({ ids: [a] }, { rotate: 90, flip: true });
    assert.deepEqual(await turnOf(catalogue, a), { rotation: 0, flipped: false });
    assert.equal((await catalogue.photos.get(a)).thumbVersion, version);
    // Nothing to do is no step.
    assert.deepEqual((await catalogue.photos.turn({ ids: [a] }, {})).changed, []);
    assert.equal((await catalogue.history.state()).undoLabel, 'Rotate clockwise and flip Fortepan 1000');
  } finally {
    catalogue.close();
  }
});

test('a whole-catalogue selection is turned without listing it; an unknown id changes nothing', async () => {
  const { catalogue, ids } = await archivistCatalogue(3);
  try {
    const done = await catalogue.photos.turn({ selection: { query: '', all: true, ids: [ids[1]!] } }, { rotate: 180 });
    assert.equal(done.count, 2);
    assert.deepEqual(await Promise.all(ids.map(async (id) => (await turnOf(catalogue, id)).rotation)), [180, 0, 180]);
    await assert.rejects(catalogue.photos.turn({ ids: [ids[0]!, 99999] }, { rotate: 90 }), /99999/);
    assert.equal((await turnOf(catalogue, ids[0]!)).rotation, 180);
  } finally {
    catalogue.close();
  }
});

test('the turn survives a restart, and the file\'s own orientation is kept from the ingest', async () => {
  const { dir, catalogue, ids } = await archivistCatalogue(1);
  await catalogue.photos.turn({ ids }, { rotate: 270 });
  assert.equal((await catalogue.photos.get(ids[0]!)).fileOrientation, 1); // the fixture has no EXIF orientation: upright
  catalogue.close();
  const again = Catalogue.open(`${dir}/cat`);
  try {
    assert.deepEqual(await turnOf(again, ids[0]!), { rotation: 270, flipped: false });
    assert.equal((await again.history.state()).undoLabel, 'Rotate counter-clockwise Fortepan 1000');
  } finally {
    again.close();
  }
});

test('a catalogue from before rotate and flip opens with every photo upright, and the new columns refuse a turn that is none', async () => {
  const { dir, catalogue } = await archivistCatalogue(2);
  const file = catalogue.paths.database;
  catalogue.close();
  const db = new DatabaseSync(file);
  // Back to version 9: migration 10 (this one) and the later 11 and 12 taken out.
  withoutMarks(db);
  withoutFolders(db);
  withoutTurns(db);
  db.exec('PRAGMA user_version = 9');
  db.close();
  const reopened = Catalogue.open(`${dir}/cat`);
  try {
    for await (const photo of reopened.photos.iterateAll()) assert.deepEqual([photo.rotation, photo.flipped, photo.fileOrientation], [0, false, null]);
    assert.throws(() => reopened.db.exec('UPDATE photos SET rotation = 45'), /CHECK constraint/);
  } finally {
    reopened.close();
  }
});
