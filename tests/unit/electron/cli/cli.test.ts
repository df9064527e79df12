import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { makeJpeg, tempDir, writeFixture } from '../../../support/fixtures.ts';
import { fototar } from '../../../support/cli.ts';

let photos: string;
let cat: string;

before(async () => {
  const dir = await tempDir();
  photos = path.join(dir, 'photos');
  cat = path.join(dir, 'new', 'catalogue');
  await writeFixture(photos, 'fortepan_54176.jpg', makeJpeg({ xmp: { description: 'Villamos', credit: 'Fortepan / Nagy Gyula' } }));
  await writeFixture(photos, 'Budapest, 1956. Fortepan 7416.jpg', makeJpeg({ colour: '#223344', orientation: 8, width: 60, height: 30 }));
  await writeFixture(photos, 'broken.jpg', Promise.resolve(Buffer.from('nope')));
});

test('ingest creates the catalogue and prints one JSON report', () => {
  const r = fototar('ingest', photos, '--catalogue', cat, '--json');
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.added, 2);
  assert.equal(report.photos, 2);
  assert.equal(report.failed.length, 1);
  assert.match(report.failed[0].path, /broken\.jpg$/);
  assert.ok(report.failed[0].reason);
});

test('list, show, edit, search and credits', () => {
  const list = JSON.parse(fototar('list', '--catalogue', cat, '--json').stdout);
  assert.deepEqual(list.photos.map((p: { fortepanId: number }) => p.fortepanId).sort((a: number, b: number) => a - b), [7416, 54176]);
  const target = list.photos.find((p: { fortepanId: number }) => p.fortepanId === 7416);

  const shown = JSON.parse(fototar('show', String(target.id), '--catalogue', cat, '--json').stdout);
  for (const key of ['id', 'file', 'fortepanId', 'title', 'caption', 'date', 'donor', 'photographer', 'country', 'city', 'place', 'tags', 'licence', 'credit', 'width', 'height']) {
    assert.ok(key in shown, key);
  }
  assert.deepEqual([shown.width, shown.height], [30, 60]);
  assert.equal(shown.licence, 'CC BY-SA 3.0');

  const edit = fototar('edit', String(target.id), '--catalogue', cat, '--caption', 'Tüntetők a Múzeum körúton', '--donor', 'Berkó Pál', '--tags', '1956; forradalom');
  assert.equal(edit.status, 0, edit.stderr);
  const hits = JSON.parse(fototar('search', 'muzeum korut', '--catalogue', cat, '--json').stdout);
  assert.equal(hits.total, 1);
  assert.deepEqual(Object.keys(hits.hits[0]).sort(), ['credit', 'file', 'fortepanId', 'id', 'title']);
  assert.equal(hits.hits[0].credit, 'Fortepan / Berkó Pál');
  assert.equal(JSON.parse(fototar('search', 'Múzeum', '--catalogue', cat, '--json').stdout).total, 1);

  const credits = fototar('credits', String(target.id), '--catalogue', cat, '--format', 'md');
  assert.match(credits.stdout, /Fortepan \/ Berkó Pál/);
});

test('user errors print one line on stderr and exit 1, never a stack', () => {
  for (const args of [
    ['list'],
    ['show', '999', '--catalogue', cat],
    ['show', 'abc', '--catalogue', cat],
    ['list', '--catalogue', path.join(cat, 'nope')],
    ['edit', '1', '--catalogue', cat],
    ['edit', '1', '--catalogue', cat, '--date', 'tavasz'],
    ['search', '"open', '--catalogue', cat],
    ['credits', '1', '--catalogue', cat, '--format', 'pdf'],
    ['frobnicate'],
    ['list', '--catalogue', cat, '--bogus'],
  ]) {
    const r = fototar(...args);
    assert.equal(r.status, 1, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.ok(!/\n\s+at /.test(r.stderr), args.join(' '));
  }
});
