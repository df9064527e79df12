// Metadata from strangers on every write path: oversized values are cut to the same limits
// (shared/fieldLimits.ts) with a warning the user sees, control characters and terminal escape
// sequences are removed, and the CLI never prints one raw, even from data stored before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../../../../electron/catalogue/catalogue.ts';
import { createApiHandler } from '../../../../electron/catalogue/apiHandler.ts';
import { importMetadata } from '../../../../electron/catalogue/exchange/metadataImport.ts';
import { MAX_SIDECAR_BYTES } from '../../../../electron/catalogue/sidecars/xmpSidecar.ts';
import { FIELD_MAX_LENGTH, MAX_TAGS } from '../../../../shared/fieldLimits.ts';
import { makeJpeg, tempDir, writeFixture, xmpPacket } from '../../../support/fixtures.ts';
import { fototar } from '../../../support/cli.ts';

/** Sets the window title, writes the clipboard (OSC 52), and a one-character C1 CSI. */
const ESCAPES = '\u001b]0;pwned\u0007\u001b]52;c;cm0gLXJmIH4=\u0007\u009b31m\u202e';
/** What must not reach a terminal: a CR only as part of a CRLF line end. */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

async function catalogueWith(files: Record<string, Buffer | Promise<Buffer>>) {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  for (const [name, data] of Object.entries(files)) await writeFixture(photos, name, data);
  return { dir, photos, root: path.join(dir, 'cat'), catalogue: Catalogue.open(path.join(dir, 'cat'), { create: true }) };
}

test('a sidecar with too many tags and a giant title is cut to the API limits, with a warning in the ingest report', async () => {
  const tags = Array.from({ length: 20_000 }, (_, i) => `tag ${i}`);
  const title = `${'Ü'.repeat(FIELD_MAX_LENGTH.title + 5000)}`;
  const { photos, catalogue } = await catalogueWith({
    'fortepan_1.jpg': makeJpeg(),
    'fortepan_1.jpg.xmp': Promise.resolve(Buffer.from(xmpPacket({ title: `${ESCAPES}${title}`, subject: tags, description: `két\nsor${ESCAPES}` }))),
  });
  try {
    const report = await catalogue.ingest.run([photos]);
    assert.equal(report.added, 1);
    const [photo] = (await Array.fromAsync(catalogue.photos.iterateAll()));
    assert.equal(photo.tags.length, MAX_TAGS);
    assert.equal(photo.title.length, FIELD_MAX_LENGTH.title);
    assert.doesNotMatch(photo.title, RAW_CONTROL);
    assert.equal(photo.caption, 'két\nsor]0;pwned]52;c;cm0gLXJmIH4=31m', 'line breaks stay in a caption; escape sequences lose their controls');
    const warnings = report.warnings.filter((w) => w.path === photo.file).map((w) => w.message);
    assert.ok(warnings.some((m) => /^tags cut to the first 500 \(there were 20,000\)$/.test(m)), warnings.join('\n'));
    assert.ok(warnings.some((m) => /^title cut to 2,000 characters/.test(m)), warnings.join('\n'));
    assert.ok(warnings.some((m) => /control characters removed/.test(m)), warnings.join('\n'));
    // Each carries its message key too, so the ingest panel says it in the UI's language.
    const cut = report.warnings.find((w) => w.path === photo.file && w.message.startsWith('tags cut to'));
    assert.deepEqual([cut?.key, cut?.params], ['tagsTooMany', { max: 500, total: 20_000 }]);
  } finally {
    catalogue.close();
  }
});

test('an oversized sidecar is refused unread and a DOCTYPE sidecar refused: both warnings reach the ingest report (CLI text and --json)', async () => {
  const big = Buffer.alloc(MAX_SIDECAR_BYTES + 1, ' ');
  Buffer.from(xmpPacket({ title: 'never read' })).copy(big);
  const doctype = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${xmpPacket({ title: '&a;' })}`;
  const { dir, photos, root, catalogue } = await catalogueWith({
    'big.jpg': makeJpeg({ colour: '#101010' }),
    'big.jpg.xmp': Promise.resolve(big),
    'doctype.jpg': makeJpeg({ colour: '#202020' }),
    'doctype.xmp': Promise.resolve(Buffer.from(doctype)),
  });
  catalogue.close();
  void dir;
  const json = fototar('ingest', photos, '--catalogue', root, '--json');
  assert.equal(json.status, 0, json.stderr);
  const report = JSON.parse(json.stdout) as { added: number; warnings: { path: string; message: string }[] };
  assert.equal(report.added, 2);
  const byFile = Object.fromEntries(report.warnings.map((w) => [path.basename(w.path), w.message]));
  assert.match(byFile['big.jpg'], /^sidecar big\.jpg\.xmp refused: 4\.0 MB is over the 4\.0 MB a sidecar may have$/);
  assert.match(byFile['doctype.jpg'], /^sidecar doctype\.xmp refused: .*DOCTYPE/);
  const listed = JSON.parse(fototar('list', '--catalogue', root, '--json').stdout) as { photos: { title: string }[] };
  assert.deepEqual(listed.photos.map((p) => p.title), ['', '']);

  // The text report of a second ingest of the same (changed) files says the same, one line each.
  fs.utimesSync(path.join(photos, 'big.jpg'), new Date(), new Date(Date.now() + 5000));
  const text = fototar('ingest', photos, '--catalogue', root);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /warning: .*big\.jpg: sidecar big\.jpg\.xmp refused: /);
});

test('the API edit, batch edit, tag rename and CSV import all store text without control characters, under the same limits', async () => {
  const { photos, catalogue } = await catalogueWith({
    'fortepan_1.jpg': makeJpeg({ colour: '#111111' }),
    'fortepan_2.jpg': makeJpeg({ colour: '#222222' }),
  });
  try {
    await catalogue.ingest.run([photos]);
    const handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
    const [one, two] = await catalogue.photos.ids();

    const edited = (await handle('updatePhotos', { ids: [one], patch: { title: `Villamos${ESCAPES}`, tags: [`villamos${ESCAPES}`] } })) as { ok: boolean };
    assert.equal(edited.ok, true, JSON.stringify(edited));
    assert.equal((await catalogue.photos.get(one)).title, 'Villamos]0;pwned]52;c;cm0gLXJmIH4=31m');
    assert.deepEqual((await catalogue.photos.get(one)).tags, ['villamos]0;pwned]52;c;cm0gLXJmIH4=31m']);

    // Over the limit through the API: refused with the field and the limit (the editor never sends it).
    const tooLong = (await handle('updatePhotos', { ids: [one], patch: { title: 'x'.repeat(FIELD_MAX_LENGTH.title + 1) } })) as { ok: boolean };
    assert.equal(tooLong.ok, false);

    await catalogue.photos.update([one, two], { place: `Üllői út\r\n${ESCAPES}` });
    for (const id of [one, two]) assert.equal((await catalogue.photos.get(id)).place, 'Üllői út ]0;pwned]52;c;cm0gLXJmIH4=31m');

    await catalogue.tags.rename('villamos]0;pwned]52;c;cm0gLXJmIH4=31m', `tram${'\u0007'.repeat(3)}\u009b`);
    assert.deepEqual((await catalogue.photos.get(one)).tags, ['tram']);

    const csv = `fortepan_id;title;description;tags\r\n2;"Cím${ESCAPES}";"${'á'.repeat(FIELD_MAX_LENGTH.caption + 10)}";"a;b"\r\n`;
    const preview = await importMetadata(catalogue, csv, { apply: true });
    assert.deepEqual(preview.rejected, []);
    assert.equal(preview.applied, true);
    assert.deepEqual(
      preview.warnings.map((w) => `${w.line}: ${w.message}`),
      ['2: title: control characters removed', '2: caption cut to 20,000 characters (it had 20,010)'],
    );
    assert.equal((await catalogue.photos.get(two)).title, 'Cím]0;pwned]52;c;cm0gLXJmIH4=31m');
    assert.equal((await catalogue.photos.get(two)).caption.length, FIELD_MAX_LENGTH.caption);

    const stored = catalogue.db.prepare('SELECT title, caption, place, tags FROM photos').all() as Record<string, string>[];
    for (const row of stored) for (const value of Object.values(row)) assert.doesNotMatch(value, RAW_CONTROL);
  } finally {
    catalogue.close();
  }
});

test('list, show and credits never print a control character, even from data stored before the rules', async () => {
  const { photos, root, catalogue } = await catalogueWith({ 'fortepan_5.jpg': makeJpeg() });
  try {
    await catalogue.ingest.run([photos]);
    // Written straight into the database, as an older Fototar (or another tool) could have.
    catalogue.db
      .prepare('UPDATE photos SET title = ?, donor = ?, caption = ?')
      .run(`Cím${ESCAPES}`, `Nagy${ESCAPES} Gyula`, `sor\r\n${ESCAPES}`);
  } finally {
    catalogue.close();
  }
  for (const args of [['list'], ['list', '--json'], ['show', '1'], ['show', '1', '--json'], ['credits', '1'], ['credits', '1', '--format', 'md'], ['credits', '1', '--style', 'tasl', '--format', 'html']]) {
    const r = fototar(...args, '--catalogue', root);
    assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.doesNotMatch(r.stdout, RAW_CONTROL, args.join(' '));
    assert.match(r.stdout, /\\u001b\\?\]52;/, `${args.join(' ')} shows the escape as text (Markdown escapes the bracket)`);
  }
  // JSON stays valid and means the same text.
  const shown = JSON.parse(fototar('show', '1', '--json', '--catalogue', root).stdout) as { title: string };
  assert.equal(shown.title, `Cím${ESCAPES}`);
});
