import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imagelessCatalogue } from '../../../../support/imagelessCatalogue.ts';
import { fototar } from '../../../../support/cli.ts';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { withoutMarks } from '../../../../support/olderSchema.ts';

const DATES = ['1956', '', '1930', '1956-10-23', '1890', ''];
const TITLES = ['10 éves', '2 éves', 'Ábel', 'ózd', 'öt', 'cukor'];

test('fototar list --sort orders in the catalogue (Hungarian, undated last both ways) and refuses an unknown field in one line', () => {
  const dir = imagelessCatalogue(6, (n) => ({ title: TITLES[n - 1], date: DATES[n - 1], donor: n % 2 ? 'Csorba' : 'Cukor' }));
  const ids = (...args: string[]) => {
    const r = fototar('list', '--catalogue', dir, '--json', ...args);
    assert.equal(r.status, 0, r.stderr);
    return (JSON.parse(r.stdout) as { photos: { id: number }[] }).photos.map((p) => p.id);
  };
  assert.deepEqual(ids(), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(ids('--sort', 'date'), [5, 3, 1, 4, 2, 6]);
  assert.deepEqual(ids('--sort', 'date', '--desc'), [4, 1, 3, 5, 6, 2]);
  assert.deepEqual(ids('--sort', 'title'), [2, 1, 3, 6, 4, 5]);
  assert.deepEqual(ids('--sort', 'title', '--desc'), [5, 4, 6, 3, 1, 2]);
  // Cukor before Csorba ("cs" is a letter after "c"); ties by id.
  assert.deepEqual(ids('--sort', 'donor'), [2, 4, 6, 1, 3, 5]);
  assert.deepEqual(ids('--sort', 'id', '--desc'), [6, 5, 4, 3, 2, 1]);
  assert.deepEqual(ids('--sort', 'added', '--desc'), [6, 5, 4, 3, 2, 1]);
  const text = fototar('list', '--catalogue', dir, '--sort', 'title');
  assert.match(text.stdout.split('\n')[0], /^\s+2 {2}Fortepan 100002 {2}2 éves$/);
  for (const bad of [['--sort', 'colour'], ['--desc']]) {
    const r = fototar('list', '--catalogue', dir, ...bad);
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, bad[0] === '--desc' ? /--desc needs --sort/ : /--sort must be one of date, id, title, donor, photographer, place, added, file \(got colour\)/);
  }
});

test('fototar list --sort on a catalogue no newer Fototar has opened yet says what to do, in one line', () => {
  const dir = imagelessCatalogue(3);
  const db = new DatabaseSync(path.join(dir, 'catalogue.sqlite'));
  for (const index of ['date', 'title', 'donor', 'photographer', 'place', 'added', 'file']) db.exec(`DROP INDEX photos_sort_${index}`);
  for (const column of ['title', 'donor', 'photographer', 'country', 'city', 'place', 'file']) db.exec(`ALTER TABLE photos DROP COLUMN ${column}_sort`);
  db.exec('ALTER TABLE collections DROP COLUMN query'); // migration 9's, after this one
  for (const column of ['rotation', 'flipped', 'file_orientation']) db.exec(`ALTER TABLE photos DROP COLUMN ${column}`); // migration 10's (rotate and flip)
  for (const trigger of ['insert', 'update']) db.exec(`DROP TRIGGER photos_folder_${trigger}`); // migration 11's (folders)
  db.exec('DROP INDEX photos_folder');
  db.exec('ALTER TABLE photos DROP COLUMN folder');
  withoutMarks(db); // and migration 12's
  db.exec('PRAGMA user_version = 7');
  db.close();
  const r = fototar('list', '--catalogue', dir, '--sort', 'title');
  assert.equal(r.status, 1);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /older Fototar and has no sort keys yet: open it once in the app/);
  // Unsorted, it lists as before; once opened for editing, it sorts.
  assert.equal(fototar('list', '--catalogue', dir).status, 0);
  assert.equal(fototar('edit', '3', '--title', 'Ábel', '--catalogue', dir).status, 0);
  const sorted = fototar('list', '--catalogue', dir, '--sort', 'title', '--json');
  assert.equal(sorted.status, 0, sorted.stderr);
  assert.deepEqual((JSON.parse(sorted.stdout) as { photos: { id: number }[] }).photos.map((p) => p.id), [3, 1, 2]);
});
