// A catalogue of one large noise-filled scan (a JPEG, by default 6,000 × 4,000), for the loupe's
// test and benchmark: fine detail that a preview cannot hold, so the full picture is told apart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Catalogue } from '../../electron/catalogue/catalogue.ts';

export async function loupeCatalogue(width = 6000, height = 4000): Promise<{ dir: string; photoId: number; file: string }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-loupe-'));
  const photos = path.join(root, 'photos');
  fs.mkdirSync(photos);
  const file = path.join(photos, 'fortepan_100001.jpg');
  // Grain like a scan's (not a camera's worst noise): a 6,000 × 4,000 JPEG of a few MB, as archives hold.
  await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 12 } } }).jpeg({ quality: 85 }).toFile(file);
  const dir = path.join(root, 'catalogue');
  const catalogue = Catalogue.open(dir, { create: true });
  try {
    await catalogue.ingest.run([photos]);
    const [photo] = (await Array.fromAsync(catalogue.photos.iterateAll()));
    return { dir, photoId: photo.id, file };
  } finally {
    catalogue.close();
  }
}
