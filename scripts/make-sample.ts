// Makes the bundled sample: a dozen Fortepan-style photos with embedded IPTC/XMP, ingested
// into a catalogue, so a new user sees something at once.
//   node scripts/make-sample.ts [dir]     (default .sample-catalogue)
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SAMPLE_RECORDS } from './sampleData.ts';
import { makeSampleImage } from './makeSampleImage.ts';
import { Catalogue } from '../electron/catalogue/catalogue.ts';

export async function makeSample(dir: string): Promise<{ photosDir: string; catalogueDir: string }> {
  const photosDir = path.resolve(dir, 'photos');
  const catalogueDir = path.resolve(dir, 'catalogue');
  await fs.mkdir(photosDir, { recursive: true });
  for (const record of SAMPLE_RECORDS) {
    const file = path.join(photosDir, `fortepan_${record.fortepanId}.jpg`);
    await fs.writeFile(file, await makeSampleImage(record));
  }
  const catalogue = Catalogue.open(catalogueDir, { create: true });
  try {
    await catalogue.ingest.run([photosDir]);
    // Uncertain dates (1925~, 195X, 1944/1945) have no place in IPTC/XMP date fields: an
    // archivist types them in, so the sample does the same through the catalogue.
    for (const photo of (await Array.fromAsync(catalogue.photos.iterateAll()))) {
      const record = SAMPLE_RECORDS.find((r) => r.fortepanId === photo.fortepanId);
      if (record && photo.date !== record.date) await catalogue.photos.update([photo.id], { date: record.date });
    }
  } finally {
    catalogue.close();
  }
  return { photosDir, catalogueDir };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? '.sample-catalogue';
  const { catalogueDir } = await makeSample(dir);
  console.log(`sample catalogue ready: ${catalogueDir}`);
}
