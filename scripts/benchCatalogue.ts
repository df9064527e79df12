// The benchmark's catalogue as a folder: `docs` image-less photos from the deterministic generator
// (benchCorpus.ts), made once and kept where the folder is, so the next run starts at once.
import fs from 'node:fs';
import path from 'node:path';
import { Catalogue } from '../electron/catalogue/catalogue.ts';
import { generateCatalogueRows } from './benchCorpus.ts';

export function ensureBenchCatalogue(catalogueDir: string, docs: number, log: (message: string) => void): void {
  if (fs.existsSync(path.join(catalogueDir, 'catalogue.sqlite'))) return;
  const t = performance.now();
  const catalogue = Catalogue.open(catalogueDir, { create: true });
  generateCatalogueRows(catalogue.db, catalogue.store.photos, docs);
  catalogue.close();
  log(`generated ${docs} photos in ${Math.round((performance.now() - t) / 1000)} s`);
}
