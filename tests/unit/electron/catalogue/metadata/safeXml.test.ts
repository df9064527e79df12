// XML attacks in XMP: external entities (XXE), entity expansion ("billion laughs") and deep
// nesting, both inside a JPEG going through the ingest and as sidecar text through the safe
// XMP gate (electron/catalogue/metadata/safeXml.ts) that sidecar parsing uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import sharp from 'sharp';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { assertSafeXml, isSafeXml, parseXmpSafely, MAX_XML_DEPTH, UnsafeXmlError } from '../../../../../electron/catalogue/metadata/safeXml.ts';
import { tempDir, writeFixture, xmpPacket } from '../../../../support/fixtures.ts';

const wrap = (body: string, prologue = '') =>
  `${prologue}<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${body}</rdf:Description></rdf:RDF></x:xmpmeta>`;
const title = (text: string) => `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${text}</rdf:li></rdf:Alt></dc:title>`;
const caption = (text: string) => `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${text}</rdf:li></rdf:Alt></dc:description>`;

const xxe = (file: string) => wrap(caption('&xxe;') + title('Ok'), `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://${file}">]>`);
function billionLaughs(): string {
  let entities = '<!ENTITY lol "lol">';
  for (let i = 1; i <= 9; i++) entities += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`;
  return wrap(title('&lol9;'), `<?xml version="1.0"?><!DOCTYPE lolz [${entities}]>`);
}
const deep = (levels: number) => wrap(title('Ok') + `${'<a:b xmlns:a="urn:a">'.repeat(levels)}x${'</a:b>'.repeat(levels)}`);

test('the gate refuses DOCTYPE and ENTITY declarations, however they are written', () => {
  for (const text of [xxe('/etc/passwd'), billionLaughs(), '<!doctype x><x/>', '<x><!ENTITY a "b"></x>', '<?xml version="1.0"?>\n<!DOCTYPE\nx SYSTEM "http://evil.example/x.dtd"><x/>']) {
    assert.throws(() => assertSafeXml(text), UnsafeXmlError, text.slice(0, 60));
  }
  assert.throws(() => assertSafeXml(xxe('/etc/passwd')), /DOCTYPE declaration is refused/);
});

test('the gate refuses deep nesting at once, in one linear pass (half a million levels)', () => {
  assert.throws(() => assertSafeXml(deep(500_000)), /nested deeper than 100 levels/);
  assert.ok(isSafeXml(deep(MAX_XML_DEPTH - 10)));
  assert.equal(isSafeXml(deep(MAX_XML_DEPTH + 1)), false);
});

test('the gate lets real XMP through: comments, CDATA, quoted ">" and self-closing tags', () => {
  assert.ok(isSafeXml(xmpPacket({ title: 'Üllői út', description: 'a > b & "c"', subject: ['villamos'], credit: 'Fortepan / Nagy Gyula' })));
  assert.ok(isSafeXml(wrap(`<!-- <!DOCTYPE in a comment> --><![CDATA[<!ENTITY no>]]><dc:format a="x>y"/>` + title('x'))));
  assert.equal(isSafeXml('<a><b>'.repeat(1) + '<c'), false, 'an unclosed tag');
});

test('parseXmpSafely reads a sidecar once-decoded and refuses hostile ones', async () => {
  const parsed = await parseXmpSafely(Buffer.from(wrap(title('A &amp;lt; B &lt;img src=x onerror=alert(1)&gt;'))));
  assert.equal((parsed.dc as { title: { value: string } }).title.value, 'A &lt; B <img src=x onerror=alert(1)>');
  await assert.rejects(parseXmpSafely(xxe('/etc/passwd')), UnsafeXmlError);
  await assert.rejects(parseXmpSafely(billionLaughs()), UnsafeXmlError);
  await assert.rejects(parseXmpSafely(deep(100_000)), UnsafeXmlError);
});

test('hostile XMP embedded in JPEGs: the ingest resolves no entity, expands nothing and finishes', async () => {
  const dir = await tempDir();
  const secret = await writeFixture(dir, 'secret.txt', Promise.resolve(Buffer.from('TOP-SECRET-LINE')));
  const photos = path.join(dir, 'photos');
  const jpeg = (xmp: string) => sharp({ create: { width: 16, height: 16, channels: 3, background: '#456' } }).jpeg().withXmp(xmp).toBuffer();
  await writeFixture(photos, 'xxe.jpg', jpeg(xxe(secret)));
  await writeFixture(photos, 'laughs.jpg', jpeg(billionLaughs()));
  // An APP1 segment holds at most 64 KiB, so 2,500 levels is as deep as a JPEG can carry.
  await writeFixture(photos, 'deep.jpg', jpeg(deep(2500)));
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  try {
    const report = await catalogue.ingest.run([photos]);
    assert.equal(report.added, 3, JSON.stringify(report.failed));
    for await (const photo of catalogue.photos.iterateAll()) {
      const all = JSON.stringify(photo);
      assert.doesNotMatch(all, /TOP-SECRET/, `${photo.file}: the external entity was not resolved`);
      assert.ok(all.length < 20_000, `${photo.file}: nothing was expanded (${all.length} characters)`);
      assert.ok(!photo.title.includes('lollol'), 'no entity expansion');
    }
  } finally {
    catalogue.close();
  }
});

// The two places that parse XMP pass it through the gate first.
test('sidecars: a hostile sidecar is refused with a warning, not parsed', async () => {
  const { readSidecar } = await import('../../../../../electron/catalogue/sidecars/xmpSidecar.ts');
  const dir = await tempDir();
  const photo = await writeFixture(dir, 'fortepan_1.jpg', Promise.resolve(Buffer.from('x')));
  for (const xml of [xxe('/etc/passwd'), billionLaughs(), deep(20_000)]) {
    await writeFixture(dir, 'fortepan_1.xmp', Promise.resolve(Buffer.from(xml)));
    const read = await readSidecar(photo);
    assert.deepEqual(read?.fields, {});
    assert.match(read?.warnings.join(' ') ?? '', /refused/);
  }
});

test('embedded XMP: a hostile packet is refused with a warning and its fields ignored', async () => {
  const { readMetadata } = await import('../../../../../electron/catalogue/metadata/readMetadata.ts');
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().withXmp(xxe('/etc/passwd')).toBuffer();
  const metadata = await readMetadata(bytes, {});
  assert.equal(metadata.fields.caption, '');
  assert.match(metadata.warnings.join(' '), /refused/);
});

test("embedded XMP: a DOCTYPE outside the XMP (Photoshop's print-settings plist in APP13) neither refuses the XMP nor warns", async () => {
  const { readMetadata } = await import('../../../../../electron/catalogue/metadata/readMetadata.ts');
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().withXmp(wrap(title('Lánchíd'))).toBuffer();
  const plist = Buffer.from('Photoshop 3.0\u00008BIM\u0003\u00ea\u0000\u0000\u0000\u0000\u0000\u0080<?xml version="1.0"?>\n<!DOCTYPE plist PUBLIC "-//Apple Computer//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist/>', 'latin1');
  const app13 = Buffer.from([0xff, 0xed, 0, 0]);
  app13.writeUInt16BE(plist.length + 2, 2);
  const bytes = Buffer.concat([jpeg.subarray(0, 2), app13, plist, jpeg.subarray(2)]);
  const metadata = await readMetadata(bytes, {});
  assert.equal(metadata.fields.title, 'Lánchíd');
  assert.deepEqual(metadata.warnings, []);
});
