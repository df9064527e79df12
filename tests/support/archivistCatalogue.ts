// A small catalogue of Fortepan-style photos for the archivist's-desk tests (editing, undo,
// tags, sidecars, CSV): each test gets its own folder.
import path from 'node:path';
import { Catalogue } from '../../electron/catalogue/catalogue.ts';
import { makeJpeg, tempDir, writeFixture } from './fixtures.ts';

export async function archivistCatalogue(count = 3): Promise<{ dir: string; photos: string; catalogue: Catalogue; ids: number[] }> {
  const dir = await tempDir('fototar-desk-');
  const photos = path.join(dir, 'photos');
  const colours = ['#8a7a66', '#223344', '#665544', '#445566', '#776655'];
  for (let i = 0; i < count; i++) {
    await writeFixture(photos, `fortepan_${1000 + i}.jpg`, makeJpeg({ colour: colours[i % colours.length], width: 40 + i, height: 30 }));
  }
  const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
  await catalogue.ingest.run([photos]);
  const ids = (await Array.fromAsync(catalogue.photos.iterateAll())).sort((a, b) => (a.fortepanId ?? 0) - (b.fortepanId ?? 0)).map((p) => p.id);
  return { dir, photos, catalogue, ids };
}
