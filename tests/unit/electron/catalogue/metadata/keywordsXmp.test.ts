// Hierarchical keywords travel as Lightroom Classic and digiKam exchange them: written as
// lr:hierarchicalSubject (full paths) and flattened into dc:subject and IPTC Keywords (every
// level), checked with ExifTool on sidecars and exported JPEG and TIFF copies; read back on
// ingest from Fototar's, Lightroom's and digiKam's sidecars and from embedded XMP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { writeSidecars } from '../../../../../electron/catalogue/sidecars/xmpSidecar.ts';
import { archivistCatalogue } from '../../../../support/archivistCatalogue.ts';
import { exiftool, hasExiftool } from '../../../../support/exiftool.ts';
import { makeJpeg, tempDir, writeFixture } from '../../../../support/fixtures.ts';

const skip = hasExiftool ? false : 'exiftool is not installed (Debian: libimage-exiftool-perl)';
const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

const TAGS = ['Helyszín|Budapest|Üllői út', 'Helyszín|Budapest|Kálvin tér', 'Jármű|Villamos', 'forradalom'];
/** Every level once, in order: Lightroom's default flattening. */
const FLAT = ['Helyszín', 'Budapest', 'Üllői út', 'Kálvin tér', 'Jármű', 'Villamos', 'forradalom'];

const RDF_HEAD =
  '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">';
const RDF_TAIL = '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
const li = (items: string[]) => items.map((i) => `<rdf:li>${i}</rdf:li>`).join('');

/** A sidecar as Lightroom Classic writes one (flattened dc:subject, full paths in lr:hierarchicalSubject). */
const LIGHTROOM_SIDECAR = `${RDF_HEAD}<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:lr="http://ns.adobe.com/lightroom/1.0/">
<dc:subject><rdf:Bag>${li(['Budapest', 'Helyszín', 'Üllői út', 'Villamos', 'Jármű', 'utcakép'])}</rdf:Bag></dc:subject>
<lr:hierarchicalSubject><rdf:Bag>${li(['Helyszín|Budapest|Üllői út', 'Jármű|Villamos', 'utcakép'])}</rdf:Bag></lr:hierarchicalSubject>
</rdf:Description>${RDF_TAIL}`;

/** A sidecar as digiKam writes one: digiKam:TagsList joins levels with `/`; dc:subject holds leaves. */
const DIGIKAM_SIDECAR = `${RDF_HEAD}<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:digiKam="http://www.digikam.org/ns/1.0/">
<digiKam:TagsList><rdf:Seq>${li(['Helyszín/Budapest/Üllői út', 'Személyek/Nagy Gyula'])}</rdf:Seq></digiKam:TagsList>
<dc:subject><rdf:Bag>${li(['Üllői út', 'Nagy Gyula', 'tél'])}</rdf:Bag></dc:subject>
</rdf:Description>${RDF_TAIL}`;

test('a sidecar carries full paths in lr:hierarchicalSubject and every level in dc:subject; a fresh catalogue reads the paths back', { skip }, async () => {
  const { dir, photos, catalogue, ids } = await archivistCatalogue(1);
  try {
    await catalogue.photos.update(ids, { tags: TAGS });
    const [written] = writeSidecars(await catalogue.photos.getMany(ids), 'name.ext.xmp').written;
    const read = exiftool(written);
    assert.deepEqual(list(read['XMP-lr:HierarchicalSubject']), TAGS);
    assert.deepEqual(list(read['XMP-dc:Subject']), FLAT);
    const fresh = Catalogue.open(path.join(dir, 'fresh'), { create: true });
    try {
      await fresh.ingest.run([photos]);
      assert.deepEqual((await Array.fromAsync(fresh.photos.iterateAll()))[0].tags, TAGS);
    } finally {
      fresh.close();
    }
  } finally {
    catalogue.close();
  }
});

test("Lightroom's and digiKam's sidecars are read as paths, each leaf once", async () => {
  const dir = await tempDir('fototar-keywords-');
  const photos = path.join(dir, 'photos');
  await writeFixture(photos, 'lr_001.jpg', makeJpeg({ colour: '#112233' }));
  await writeFixture(photos, 'dk_001.jpg', makeJpeg({ colour: '#332211' }));
  fs.writeFileSync(path.join(photos, 'lr_001.xmp'), LIGHTROOM_SIDECAR);
  fs.writeFileSync(path.join(photos, 'dk_001.jpg.xmp'), DIGIKAM_SIDECAR);
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  try {
    await catalogue.ingest.run([photos]);
    const byName = new Map((await Array.fromAsync(catalogue.photos.iterateAll())).map((p) => [path.basename(p.file), p.tags]));
    assert.deepEqual(byName.get('lr_001.jpg'), ['Helyszín|Budapest|Üllői út', 'Jármű|Villamos', 'utcakép']);
    assert.deepEqual(byName.get('dk_001.jpg'), ['Helyszín|Budapest|Üllői út', 'Személyek|Nagy Gyula', 'tél']);
  } finally {
    catalogue.close();
  }
});

test('embedded XMP with lr:hierarchicalSubject is read as paths on ingest', async () => {
  const dir = await tempDir('fototar-keywords-');
  const photos = path.join(dir, 'photos');
  const xmp = Buffer.from(LIGHTROOM_SIDECAR, 'utf8');
  const image = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#445566' } })
    .jpeg()
    .withXmp(xmp.toString('utf8'))
    .toBuffer();
  await writeFixture(photos, 'embedded.jpg', image);
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  try {
    await catalogue.ingest.run([photos]);
    assert.deepEqual((await Array.fromAsync(catalogue.photos.iterateAll()))[0].tags, ['Helyszín|Budapest|Üllői út', 'Jármű|Villamos', 'utcakép']);
  } finally {
    catalogue.close();
  }
});

for (const format of ['jpeg', 'tiff'] as const) {
  test(`an exported ${format.toUpperCase()} carries the paths in lr:hierarchicalSubject and every level in dc:subject and IPTC Keywords`, { skip }, async () => {
    const { dir, catalogue, ids } = await archivistCatalogue(1);
    try {
      await catalogue.photos.update(ids, { tags: TAGS });
      const collection = (await catalogue.collections.create('Kulcsszavak')).id;
      await catalogue.collections.add(collection, ids);
      const out = path.join(dir, `export-${format}`);
      const report = await catalogue.exports.run(collection, { outDir: out, size: 40, format, style: 'fortepan', lang: 'hu', overwrite: false });
      const read = exiftool(path.join(out, report.files[0]));
      assert.deepEqual(list(read['XMP-lr:HierarchicalSubject']), TAGS);
      assert.deepEqual(list(read['XMP-dc:Subject']), FLAT);
      assert.deepEqual(list(read['IPTC:Keywords']), FLAT);
    } finally {
      catalogue.close();
    }
  });
}
