// `fototar history <id>` on a folder catalogue: every change to the photo's fields, newest first,
// read from both forms an undo step is kept in (a batch edit's compact form, an import's
// per-photo form), an undone step marked as such; an unknown id is one clear line.
// (A team catalogue's history, with authors, is tested in store/postgres/teamEdits.test.ts.)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { makeJpeg, tempDir, writeFixture } from '../../../support/fixtures.ts';
import { assertOneLineFailure, fototar, fototarJson } from '../../../support/cli.ts';

let dir: string;
let cat: string;
let id: number;
let other: number;

before(async () => {
  dir = await tempDir();
  const photos = path.join(dir, 'photos');
  cat = path.join(dir, 'cat');
  await writeFixture(photos, 'fortepan_54176.jpg', makeJpeg({}));
  await writeFixture(photos, 'fortepan_7416.jpg', makeJpeg({ colour: '#223344' }));
  assert.equal(fototar('ingest', photos, '--catalogue', cat).status, 0);
  const listed = fototarJson('list', '--catalogue', cat).photos as { id: number; fortepanId: number }[];
  id = listed.find((p) => p.fortepanId === 54176)!.id;
  other = listed.find((p) => p.fortepanId === 7416)!.id;
});

test('history lists each field change of the photo, newest first, from batch edits and imports alike; an undone step says so', () => {
  assert.equal(fototar('edit', String(id), String(other), '--donor', 'Fortepan / Kölcsey Ödön', '--catalogue', cat).status, 0);
  const csv = path.join(dir, 'feliratok.csv');
  fs.writeFileSync(csv, 'fortepan_id,title,tags\n54176,Árvíztűrő tükörfúrógép,villamos;Körút\n7416,Másik kép,\n');
  assert.equal(fototar('import', csv, '--catalogue', cat).status, 0);
  assert.equal(fototar('edit', String(id), '--rating', '4', '--catalogue', cat).status, 0);
  assert.equal(fototar('undo', '--catalogue', cat).status, 0);

  const entries = fototarJson('history', String(id), '--catalogue', cat) as { field: string; before: unknown; after: unknown; author: unknown; undone: boolean; label: string }[];
  assert.deepEqual(
    entries.map((e) => [e.field, e.before, e.after, e.undone]),
    [
      ['rating', 0, 4, true],
      ['title', '', 'Árvíztűrő tükörfúrógép', false],
      ['tags', [], ['villamos', 'Körút'], false],
      ['donor', '', 'Fortepan / Kölcsey Ödön', false],
    ],
  );
  assert.ok(entries.every((e) => e.author === null), 'a folder catalogue has one user');
  assert.equal(entries[1]!.label, 'Import 2 rows from feliratok.csv');

  const text = fototar('history', String(id), '--catalogue', cat);
  assert.equal(text.status, 0, text.stderr);
  const lines = text.stdout.trim().split('\n');
  assert.equal(lines.length, 4);
  assert.match(lines[0]!, /^\d{4}-\d\d-\d\d \d\d:\d\d {2}rating: 0 → 4 {2}\(.+\) \[undone\]$/);
  assert.match(lines[2]!, / {2}tags: "" → "villamos; Körút" {2}\(Import 2 rows from feliratok\.csv\)$/);
  // The other photo's history holds only its own changes.
  assert.deepEqual((fototarJson('history', String(other), '--catalogue', cat) as { field: string }[]).map((e) => e.field), ['title', 'donor']);
});

test('history of an unknown photo, or with no id, is one clear line', () => {
  assert.match(assertOneLineFailure(fototar('history', '99999', '--catalogue', cat), 'history'), /No photo with id 99999/);
  assert.match(assertOneLineFailure(fototar('history', '--catalogue', cat), 'history'), /give at least one photo id/);
});
