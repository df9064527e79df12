// The author's commands as a user types them: collection create/add/remove/move/list/show,
// credits --collection in every format, and export with its refusals.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';
import { fototar } from '../../../../support/cli.ts';

let dir: string;
let cat: string;
const id: Record<number, string> = {};

before(async () => {
  dir = await tempDir('fototar-cli-collections-');
  const photos = path.join(dir, 'photos');
  cat = path.join(dir, 'cat');
  await writeFixture(photos, 'fortepan_54176.jpg', makeJpeg({ width: 120, height: 90, xmp: { description: 'Villamos', credit: 'Fortepan / Nagy Gyula' } }));
  await writeFixture(photos, 'fortepan_7416.jpg', makeJpeg({ xmp: { description: 'Vitorlások', credit: 'Fortepan / Kurutz Márton' } }));
  await writeFixture(photos, 'fortepan_1.jpg', makeJpeg({ xmp: { credit: 'Fortepan / Ebner' } }));
  assert.equal(fototar('ingest', photos, '--catalogue', cat).status, 0);
  for (const p of JSON.parse(fototar('list', '--catalogue', cat, '--json').stdout).photos) id[p.fortepanId] = String(p.id);
});

const show = () => JSON.parse(fototar('collection', 'show', 'Chapter 3', '--catalogue', cat, '--json').stdout);

test('collection create, add, move, remove, list and show', () => {
  const created = fototar('collection', 'create', 'Chapter 3', '--catalogue', cat, '--json');
  assert.equal(created.status, 0, created.stderr);
  assert.equal(JSON.parse(created.stdout).name, 'Chapter 3');
  assert.equal(fototar('collection', 'create', 'chapter 3', '--catalogue', cat).status, 1, 'names are unique ignoring case');

  assert.equal(fototar('collection', 'add', 'Chapter 3', id[54176], id[7416], id[1], '--catalogue', cat).status, 0);
  assert.deepEqual(show().items.map((i: { fortepanId: number }) => i.fortepanId), [54176, 7416, 1]);
  assert.deepEqual(show().items.map((i: { figure: number }) => i.figure), [1, 2, 3]);

  const dup = fototar('collection', 'add', 'Chapter 3', id[54176], '--catalogue', cat);
  assert.equal(dup.status, 0);
  assert.match(dup.stderr, /warning: photo \d+ is now in this collection more than once \(already figure 1\)/);
  assert.deepEqual(show().items.map((i: { fortepanId: number }) => i.fortepanId), [54176, 7416, 1, 54176]);
  assert.ok(show().warnings.some((w: { kind: string }) => w.kind === 'duplicate'));
  const ambiguous = fototar('collection', 'move', 'Chapter 3', id[54176], '1', '--catalogue', cat);
  assert.equal(ambiguous.status, 1);
  assert.match(ambiguous.stderr, /2 times/);

  assert.equal(fototar('collection', 'remove', 'Chapter 3', id[54176], '--catalogue', cat).status, 0);
  assert.deepEqual(show().items.map((i: { fortepanId: number }) => i.fortepanId), [7416, 1]);
  assert.equal(fototar('collection', 'add', 'Chapter 3', id[54176], '--catalogue', cat).status, 0);
  const moved = fototar('collection', 'move', 'Chapter 3', id[54176], '1', '--catalogue', cat);
  assert.equal(moved.status, 0, moved.stderr);
  assert.deepEqual(show().items.map((i: { fortepanId: number }) => i.fortepanId), [54176, 7416, 1]);
  assert.equal(fototar('collection', 'move', 'Chapter 3', id[1], '2', '--catalogue', cat).status, 0);
  assert.deepEqual(show().items.map((i: { fortepanId: number }) => i.fortepanId), [54176, 1, 7416]);

  const list = JSON.parse(fototar('collection', 'list', '--catalogue', cat, '--json').stdout);
  assert.deepEqual(list.collections.map((c: { name: string; count: number }) => [c.name, c.count]), [['Chapter 3', 3]]);
  const text = fototar('collection', 'show', 'Chapter 3', '--catalogue', cat);
  assert.match(text.stdout, /^ {2}1\. +\d+ +Fortepan 54176 +\(Fortepan \/ Nagy Gyula\)$/m);

  for (const args of [
    ['collection', 'add', 'Nope', id[1]],
    ['collection', 'add', 'Chapter 3', '99999'],
    ['collection', 'move', 'Chapter 3', id[1], '9'],
    ['collection', 'remove', 'Chapter 3', 'x'],
    ['collection', 'frob'],
    ['collection'],
  ]) {
    const r = fototar(...args, '--catalogue', cat);
    assert.equal(r.status, 1, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.ok(!/\n\s+at /.test(r.stderr));
  }
  assert.deepEqual(show().items.map((i: { fortepanId: number }) => i.fortepanId), [54176, 1, 7416], 'failed commands changed nothing');
});

test('credits --collection in every format, style and language; ids keep working', () => {
  const run = (...extra: string[]) => fototar('credits', '--collection', 'Chapter 3', '--catalogue', cat, ...extra);
  const hu = run('--style', 'press', '--lang', 'hu');
  assert.equal(hu.status, 0, hu.stderr);
  assert.equal(hu.stdout, 'Képjegyzék: Chapter 3\n\n1. kép: Fotó: Fortepan / Nagy Gyula (Fortepan 54176; CC BY-SA 3.0)\n2. kép: Fotó: Fortepan / Ebner (Fortepan 1; CC BY-SA 3.0)\n3. kép: Fotó: Fortepan / Kurutz Márton (Fortepan 7416; CC BY-SA 3.0)\n');
  // Warnings follow --lang.
  assert.match(hu.stderr, /^figyelmeztetés: 1\., 2\., 3\. kép: CC BY-SA 3\.0 licenc \(ShareAlike – Így add tovább!\)/m);
  assert.doesNotMatch(hu.stderr, /warning|figure/);
  assert.match(run('--style', 'press', '--lang', 'en').stderr, /^warning: Figures 1, 2, 3 are under CC BY-SA 3\.0 \(ShareAlike\)/m);
  assert.match(run('--style', 'press', '--lang', 'en').stdout, /^Figure 1: Photo: Fortepan \/ Nagy Gyula \(Fortepan 54176; CC BY-SA 3\.0\)$/m);
  const commons = run('--style', 'commons');
  assert.match(commons.stdout, /^Figure 3: Photo: Wikimedia Commons\/Fortepan\/Kurutz Márton /m);
  // These photos were downloaded from fortepan.hu, not taken from Commons: the style says so.
  assert.match(commons.stderr, /^warning: The source recorded for figures 1, 2, 3 is Fortepan \(fortepan\.hu\), not Wikimedia Commons/m);
  assert.match(run('--style', 'commons', '--lang', 'hu').stderr, /^figyelmeztetés: A\(z\) 1\., 2\., 3\. kép rögzített forrása a Fortepan/m);
  assert.match(run('--style', 'tasl', '--lang', 'en').stdout, /^Figure 2: “Fortepan 1” by unknown; source: Fortepan \/ Ebner, https:\/\/fortepan\.hu\/en\/photos\/\?id=1; licence: CC BY-SA 3\.0, https:\/\/creativecommons\.org\/licenses\/by-sa\/3\.0\/$/m);
  assert.match(run('--format', 'md').stdout, /^\*\*Figure 1:\*\* Fortepan \/ Nagy Gyula/m);
  assert.match(run('--format', 'html').stdout, /<strong>Figure 1:<\/strong> Fortepan \/ Nagy Gyula/);
  assert.match(run('--format', 'csv').stdout, /^"1","\d+","Fortepan 54176","Fortepan 54176","Fortepan \/ Nagy Gyula","","","Fortepan \/ Nagy Gyula","https:/m);

  const docx = path.join(dir, 'credits.docx');
  assert.equal(run('--format', 'docx', '--out', docx).status, 0);
  assert.equal(fs.readFileSync(docx).subarray(0, 2).toString('latin1'), 'PK');
  const again = run('--format', 'docx', '--out', docx);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /exists; add --overwrite/);
  assert.equal(run('--format', 'docx', '--out', docx, '--overwrite').status, 0);

  assert.equal(run('--style', 'fancy').status, 1);
  assert.equal(run('--lang', 'de').status, 1);
  assert.match(fototar('credits', id[7416], '--catalogue', cat).stdout, /^1\. Fortepan 7416: Fortepan \/ Kurutz Márton \(CC BY-SA 3\.0\)$/m);
  assert.match(fototar('credits', id[7416], '--style', 'press', '--lang', 'hu', '--catalogue', cat).stdout, /^1\. kép: Fotó: Fortepan \/ Kurutz Márton/m);
});

test('export writes the folder, refuses to overwrite without --overwrite', () => {
  const out = path.join(dir, 'out');
  const r = fototar('export', '--collection', 'Chapter 3', '--out', out, '--catalogue', cat, '--size', '64', '--json');
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.files, ['01_fortepan_54176.jpg', '02_fortepan_1.jpg', '03_fortepan_7416.jpg', 'credits.txt', 'credits.docx', 'manifest.csv']);
  assert.deepEqual(fs.readdirSync(out).sort(), [...report.files].sort());
  const again = fototar('export', '--collection', 'Chapter 3', '--out', out, '--catalogue', cat);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already exist.*nothing was written/);
  assert.equal(fototar('export', '--collection', 'Chapter 3', '--out', out, '--catalogue', cat, '--overwrite', '--format', 'tiff').status, 0);
  assert.ok(fs.existsSync(path.join(out, '01_fortepan_54176.tif')));
  for (const args of [['--format', 'png'], ['--size', 'big'], ['--quality', '0']]) {
    const bad = fototar('export', '--collection', 'Chapter 3', '--out', path.join(dir, 'out2'), '--catalogue', cat, ...args);
    assert.equal(bad.status, 1, args.join(' '));
    assert.equal(bad.stderr.trim().split('\n').length, 1);
  }
  assert.equal(fototar('export', '--out', out, '--catalogue', cat).status, 1);
});

test('edit --archive-ref records a shelfmark; credits cite it where Budapest City Archives asks, and warn where it is missing', () => {
  const edited = fototar('edit', id[1], '--catalogue', cat, '--donor', 'Budapest Főváros Levéltára / Klösz György fényképei', '--photographer', 'Klösz György', '--json');
  assert.equal(edited.status, 0, edited.stderr);
  const warned = fototar('credits', id[1], '--style', 'press', '--lang', 'hu', '--catalogue', cat);
  // The donor already names Klösz György: he stands nowhere twice.
  assert.match(warned.stdout, /^1\. kép: Fotó: Fortepan \/ Budapest Főváros Levéltára \/ Klösz György fényképei \(Fortepan 1; CC BY-SA 3\.0\)$/m);
  assert.match(warned.stderr, /^figyelmeztetés: Nincs levéltári jelzet megadva \(1\. kép\)/m);
  const ref = fototar('edit', id[1], '--catalogue', cat, '--archive-ref', 'HU.BFL.XV.19.d.1.05.054', '--json');
  assert.equal(ref.status, 0, ref.stderr);
  assert.equal(JSON.parse(ref.stdout).photos[0].archiveRef, 'HU.BFL.XV.19.d.1.05.054');
  assert.match(fototar('show', id[1], '--catalogue', cat).stdout, /^archive ref {2}HU\.BFL\.XV\.19\.d\.1\.05\.054$/m);
  const cited = fototar('credits', id[1], '--style', 'press', '--lang', 'hu', '--catalogue', cat);
  assert.match(cited.stdout, /^1\. kép: Fotó: Fortepan \/ Budapest Főváros Levéltára \/ Klösz György fényképei\. Levéltári jelzet: HU\.BFL\.XV\.19\.d\.1\.05\.054 /m);
  assert.doesNotMatch(cited.stderr, /levéltári jelzet/i);
  assert.match(fototar('credits', id[1], '--style', 'fortepan', '--lang', 'en', '--catalogue', cat).stdout, /Klösz György fényképei\. Archive reference: HU\.BFL\.XV\.19\.d\.1\.05\.054 /);
  const csv = fototar('export-metadata', '--catalogue', cat, '--format', 'csv').stdout;
  assert.match(csv, /"HU\.BFL\.XV\.19\.d\.1\.05\.054"\r\n/, 'the last CSV column');
  // Put back what the other tests expect.
  assert.equal(fototar('edit', id[1], '--catalogue', cat, '--donor', 'Ebner', '--photographer', '', '--archive-ref', '').status, 0);
});

test('collection create --query saves a search as a smart collection: show lists what it finds now; nothing is added to it by hand', () => {
  const created = fototar('collection', 'create', 'Villamosok', '--query', 'villamos', '--catalogue', cat, '--json');
  assert.equal(created.status, 0, created.stderr);
  assert.equal(JSON.parse(created.stdout).query, 'villamos');
  const listed = fototar('collection', 'list', '--catalogue', cat);
  assert.match(listed.stdout, /Villamosok {2}\(smart: "villamos"\)/);
  const shown = JSON.parse(fototar('collection', 'show', 'Villamosok', '--catalogue', cat, '--json').stdout);
  assert.equal(shown.total, 1);
  assert.deepEqual(shown.photos.map((p: { fortepanId: number }) => p.fortepanId), [54176]);

  // It follows the catalogue: another photo described as a tram is in it at once.
  assert.equal(fototar('edit', id[7416], '--caption', 'Villamos a hídon', '--catalogue', cat).status, 0);
  const after = JSON.parse(fototar('collection', 'show', 'Villamosok', '--catalogue', cat, '--json').stdout);
  assert.deepEqual(after.photos.map((p: { fortepanId: number }) => p.fortepanId).sort(), [54176, 7416].sort());

  const add = fototar('collection', 'add', 'Villamosok', id[1], '--catalogue', cat);
  assert.equal(add.status, 1);
  assert.match(add.stderr, /“Villamosok” is a smart collection/);
  const empty = fototar('collection', 'create', 'Üres', '--query', '   ', '--catalogue', cat);
  assert.equal(empty.status, 1);
  assert.match(empty.stderr, /needs a search/);
});
