// "�" (U+FFFD) is what a decoder leaves where it could not read bytes: the letters are lost.
// No import path may store one: Windows-1250/Latin-2 metadata is decoded correctly (with a
// warning), and a value or file that arrives already holding U+FFFD is refused with a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { createApiHandler } from '../../../../../electron/catalogue/apiHandler.ts';
import { importMetadata } from '../../../../../electron/catalogue/exchange/metadataImport.ts';
import { latin2, makeJpeg, tempDir, writeFixture, xmpPacket } from '../../../../support/fixtures.ts';
import { fototar } from '../../../../support/cli.ts';

/** An XMP packet written in the local code page (Windows-1250), as some tools do though XMP is UTF-8. */
const codePageXmp = () => latin2(xmpPacket({ title: 'Főplébániatemplom', subject: ['Tűzoltóság', 'Győr'], city: 'Székesfehérvár' }));

/** A JPEG whose APP1 XMP segment holds exactly these bytes. */
async function jpegWithXmpBytes(xmp: Buffer): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#654' } }).jpeg().toBuffer();
  const header = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
  const marker = Buffer.from([0xff, 0xe1, 0, 0]);
  marker.writeUInt16BE(2 + header.length + xmp.length, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, header, xmp, jpeg.subarray(2)]);
}

function assertNoReplacementCharacter(catalogue: Catalogue): void {
  const rows = catalogue.db.prepare('SELECT * FROM photos').all() as Record<string, unknown>[];
  for (const row of rows) {
    for (const [column, value] of Object.entries(row)) {
      if (typeof value === 'string') assert.ok(!value.includes('\ufffd'), `photo ${String(row.id)} ${column}: ${value}`);
    }
  }
}

test('ingest decodes Windows-1250 XMP (embedded and sidecar) correctly with a warning, and refuses a value that holds U+FFFD', async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  await writeFixture(photos, 'embedded.jpg', jpegWithXmpBytes(codePageXmp()));
  await writeFixture(photos, 'sidecar.jpg', makeJpeg({ colour: '#202020' }));
  await writeFixture(photos, 'sidecar.jpg.xmp', Promise.resolve(codePageXmp()));
  await writeFixture(photos, 'iptc-latin2.jpg', makeJpeg({ colour: '#303030', iptc: { caption: 'Főplébániatemplom', keywords: ['Tűzoltóság'] }, iptcEncode: latin2 }));
  // IPTC that already holds the replacement character (a converter lost the letters before us).
  await writeFixture(photos, 'lost.jpg', makeJpeg({ colour: '#404040', iptc: { caption: 'F\ufffdpl\ufffdb\ufffdnia', keywords: ['Győr', 'T\ufffdzolt\ufffds\ufffdg'] } }));
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  try {
    const report = await catalogue.ingest.run([photos]);
    assert.equal(report.added, 4);
    const byName = new Map((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [path.basename(p.file), p]));
    for (const name of ['embedded.jpg', 'sidecar.jpg']) {
      const photo = byName.get(name)!;
      assert.equal(photo.title, 'Főplébániatemplom', name);
      assert.deepEqual(photo.tags, ['Tűzoltóság', 'Győr'], name);
      assert.equal(photo.city, 'Székesfehérvár', name);
    }
    assert.equal(byName.get('iptc-latin2.jpg')!.caption, 'Főplébániatemplom');
    assert.equal(byName.get('lost.jpg')!.caption, '');
    assert.deepEqual(byName.get('lost.jpg')!.tags, ['Győr']);
    const warnings = report.warnings.map((w) => `${path.basename(w.path)}: ${w.message}`);
    assert.ok(warnings.includes('embedded.jpg: embedded XMP is not UTF-8 as XMP must be: read as Windows-1250 (Central European)'), warnings.join('\n'));
    assert.ok(warnings.includes('sidecar.jpg: sidecar sidecar.jpg.xmp is not UTF-8 as XMP must be: read as Windows-1250 (Central European)'), warnings.join('\n'));
    assert.ok(warnings.some((w) => /^lost\.jpg: caption not stored: it contains "\ufffd" \(U\+FFFD\)/.test(w)), warnings.join('\n'));
    assert.ok(warnings.some((w) => /^lost\.jpg: a tag not stored: it contains "\ufffd" \(U\+FFFD\)/.test(w)), warnings.join('\n'));
    assertNoReplacementCharacter(catalogue);
  } finally {
    catalogue.close();
  }
});

test('a Windows-1250 CSV (Hungarian Excel) is read as such; misread text, JSON and API edits holding U+FFFD are refused', async () => {
  const dir = await tempDir();
  const photos = path.join(dir, 'photos');
  await writeFixture(photos, 'fortepan_1.jpg', makeJpeg({ colour: '#111111' }));
  await writeFixture(photos, 'fortepan_2.jpg', makeJpeg({ colour: '#222222' }));
  const root = path.join(dir, 'cat');
  const first = Catalogue.open(root, { create: true });
  await first.ingest.run([photos]);
  first.close();

  // "CSV (pontosvesszővel tagolt)" as Hungarian Excel saves it: Windows-1250, ";" between cells.
  // Told from its bytes and read as such (exchange/spreadsheetText.ts): no U+FFFD is ever stored.
  const csv = path.join(dir, 'leírás.csv');
  fs.writeFileSync(csv, latin2('fortepan_id;title;tags\r\n1;Főplébániatemplom;Tűzoltóság\r\n'));
  const cli = fototar('import', csv, '--catalogue', root);
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, /read as Windows-1250/);

  const catalogue = Catalogue.open(root);
  try {
    assert.equal((await catalogue.photos.get(1)).title, 'Főplébániatemplom');
    const handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
    // Text that already went through a wrong decoding (U+FFFD in place of the letters) is refused
    // row by row, whatever path it comes by.
    const misread = Buffer.from(new TextDecoder().decode(fs.readFileSync(csv)).replace('fortepan_id;title;tags', 'fortepan_id;title'), 'utf8');
    const viaApi = (await handle('importMetadata', { base64: misread.toString('base64'), name: 'leírás.csv', apply: true })) as {
      ok: boolean;
      value?: { rejected: { line: number; reason: string }[] };
    };
    assert.equal(viaApi.ok, true);
    assert.deepEqual(viaApi.value!.rejected.map((r) => r.line), [2]);
    assert.match(viaApi.value!.rejected[0].reason, /U\+FFFD/);
    assert.equal((await catalogue.photos.get(1)).title, 'Főplébániatemplom', 'nothing misread was stored');

    const json = await importMetadata(catalogue, JSON.stringify([{ fortepan_id: 1, title: 'F\ufffdpl\ufffdb\ufffdnia' }, { fortepan_id: 2, title: 'Győr' }]).replace(/\ufffd/g, '\\ufffd'), {
      format: 'json',
      apply: true,
    });
    assert.equal(json.applied, true);
    assert.deepEqual(json.rejected.map((r) => r.line), [1]);
    assert.match(json.rejected[0].reason, /^title not stored: it contains "\ufffd" \(U\+FFFD\)/);

    const edit = (await handle('updatePhotos', { ids: [1], patch: { caption: 'F\ufffdpl\ufffdb\ufffdnia' } })) as { ok: boolean; error?: { code: string; message: string } };
    assert.equal(edit.ok, false);
    assert.equal(edit.error!.code, 'invalid-input');
    assert.match(edit.error!.message, /^Caption not stored: it contains/);
    const tags = (await handle('editSelectionTags', { ids: [1, 2], add: ['T\ufffdzolt\ufffds\ufffdg'], remove: [] })) as { ok: boolean };
    assert.equal(tags.ok, false);

    assert.equal((await catalogue.photos.get(2)).title, 'Győr');
    assertNoReplacementCharacter(catalogue);
  } finally {
    catalogue.close();
  }
});
