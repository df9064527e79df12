import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { makeJpeg, tempDir, writeFixture } from '../../../support/fixtures.ts';
import { fototar, fototarJson } from '../../../support/cli.ts';

const json = fototarJson;

let dir: string;
let photos: string;
let cat: string;

before(async () => {
  dir = await tempDir();
  photos = path.join(dir, 'photos');
  cat = path.join(dir, 'cat');
  await writeFixture(photos, 'fortepan_54176.jpg', makeJpeg({ xmp: { subject: ['villamos', 'Villamosok'] } }));
  await writeFixture(photos, 'fortepan_7416.jpg', makeJpeg({ colour: '#223344', xmp: { subject: ['villamosok'] } }));
  assert.equal(fototar('ingest', photos, '--catalogue', cat).status, 0);
});

test('import --dry-run lists changes and rejected lines and changes nothing; import applies; undo takes it back', () => {
  const csv = path.join(dir, 'leiras.csv');
  fs.writeFileSync(csv, 'fortepan_id,file,title,date,tags\n54176,,Körút,1956~,villamos;1956\n7416,,Rossz,1956-02-30,\n,nincs.jpg,x,,\n');
  const dry = json('import', csv, '--catalogue', cat, '--dry-run');
  assert.equal(dry.applied, false);
  assert.deepEqual(dry.changes.map((c: { line: number }) => c.line), [2]);
  assert.deepEqual(dry.changes[0].fields.map((f: { field: string }) => f.field), ['title', 'date', 'tags']);
  assert.deepEqual(dry.rejected.map((r: { line: number }) => r.line), [3, 4]);
  assert.match(dry.rejected[0].reason, /day 30 does not exist/);
  const listed = json('list', '--catalogue', cat).photos.find((p: { fortepanId: number }) => p.fortepanId === 54176);
  assert.equal(listed.title, '');

  const applied = json('import', csv, '--catalogue', cat);
  assert.equal(applied.applied, true);
  const shown = json('show', String(listed.id), '--catalogue', cat);
  assert.equal(shown.title, 'Körút');
  assert.equal(shown.dateFrom, '1956-01-01');
  assert.equal(shown.dateTo, '1956-12-31');

  const undo = fototar('undo', '--catalogue', cat);
  assert.equal(undo.stdout.trim(), 'undid: Import 1 row from leiras.csv');
  assert.equal(json('show', String(listed.id), '--catalogue', cat).title, '');
  assert.equal(fototar('redo', '--catalogue', cat).status, 0);
  assert.equal(json('show', String(listed.id), '--catalogue', cat).title, 'Körút');
});

test('export-metadata prints CSV or JSON with the import columns', () => {
  const csv = fototar('export-metadata', '--catalogue', cat, '--format', 'csv');
  assert.equal(csv.status, 0, csv.stderr);
  assert.ok(csv.stdout.startsWith('\ufeff"fortepan_id","file","title","description","date","donor","photographer","country","city","place","tags","licence","source","notes","archive_ref"\r\n'));
  const records = JSON.parse(fototar('export-metadata', '--catalogue', cat, '--format', 'json').stdout);
  assert.deepEqual(records.map((r: { fortepan_id: number }) => r.fortepan_id), [7416, 54176]);
  assert.equal(records[1].title, 'Körút');
  const bad = fototar('export-metadata', '--catalogue', cat, '--format', 'xlsx');
  assert.equal(bad.status, 1);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
});

test('tags list, rename and merge work catalogue-wide', () => {
  // The import replaced 54176's tags (villamos, Villamosok) with "villamos;1956".
  assert.deepEqual(json('tags', 'list', '--catalogue', cat).tags, [
    { tag: '1956', count: 1 },
    { tag: 'villamos', count: 1 },
    { tag: 'villamosok', count: 1 },
  ]);
  assert.deepEqual(json('tags', 'merge', 'villamosok', 'villamos', '--catalogue', cat), { photos: 1, merged: true });
  assert.deepEqual(json('tags', 'list', '--catalogue', cat).tags, [{ tag: 'villamos', count: 2 }, { tag: '1956', count: 1 }]);
  assert.deepEqual(json('tags', 'rename', 'villamos', 'Villamos', '--catalogue', cat), { photos: 2, merged: false });
  assert.equal(json('tags', 'list', '--catalogue', cat, '--prefix', 'vil').tags[0].tag, 'Villamos');
  const missing = fototar('tags', 'rename', 'nincs', 'x', '--catalogue', cat);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /No photo has the tag "nincs"/);
});

test('sidecars are written on request and after each edit once switched on', () => {
  const id = String(json('list', '--catalogue', cat).photos[0].id);
  const written = json('sidecars', id, '--catalogue', cat);
  assert.equal(written.written.length, 1);
  assert.match(fs.readFileSync(written.written[0], 'utf8'), /Fortepan/);
  assert.deepEqual(json('sidecars', '--auto', 'on', '--catalogue', cat).settings, { autoWrite: true, naming: 'name.ext.xmp' });
  assert.equal(fototar('edit', id, '--catalogue', cat, '--caption', 'Árvíztűrő tükörfúrógép').status, 0);
  assert.match(fs.readFileSync(written.written[0], 'utf8'), /Árvíztűrő tükörfúrógép/);
  assert.equal(fototar('sidecars', '--catalogue', cat).status, 1);
});
