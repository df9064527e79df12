// Benchmark of the archivist's desk on a synthetic catalogue (default 20,000 photos, no image
// files needed): a batch edit of every photo and its undo, tag rename, CSV export, and a CSV
// import preview and apply. Prints one JSON line (milliseconds).
//   node scripts/bench-archivist-desk.ts [photos]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fortepanRecord } from '../tests/support/records.ts';
import { Catalogue } from '../electron/catalogue/catalogue.ts';
import { inTransaction } from '../electron/catalogue/store/openDatabase.ts';
import { exportMetadata } from '../electron/catalogue/exchange/metadataExport.ts';
import { importMetadata } from '../electron/catalogue/exchange/metadataImport.ts';

const count = Number(process.argv[2] ?? 20000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-bench-desk-'));
const catalogue = Catalogue.open(path.join(dir, 'cat'), { create: true });
const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - start)];
};
try {
  const now = new Date().toISOString();
  inTransaction(catalogue.db, () => {
    for (let i = 0; i < count; i++) {
      const fields = { caption: `Felirat ${i} az Üllői úton`, date: '1956', donor: `Adományozó ${i % 300}`, country: 'Magyarország', city: 'Budapest', tags: ['villamos', `t${i % 50}`], licence: 'CC BY-SA 3.0', source: 'Fortepan' };
      catalogue.store.photos.insert(fortepanRecord(100000 + i, fields, { width: 100, height: 80 }), now);
    }
  });
  const ids = await catalogue.photos.ids();
  const [, batchEdit] = await time(() => catalogue.photos.update(ids, { photographer: 'Ismeretlen', date: '195X' }));
  const [, undo] = await time(() => catalogue.history.undo());
  const [, redo] = await time(() => catalogue.history.redo());
  const [, tagRename] = await time(() => catalogue.tags.rename('villamos', 'Villamos'));
  const [csv, exportCsv] = await time(() => exportMetadata(catalogue, 'csv'));
  const changed = csv.replace(/Ismeretlen/g, 'Nagy Gyula');
  const [preview, importPreview] = await time(() => importMetadata(catalogue, changed));
  const [, importApply] = await time(() => importMetadata(catalogue, changed, { apply: true, name: 'bench.csv' }));
  process.stdout.write(
    `${JSON.stringify({ photos: count, batchEditMs: batchEdit, undoMs: undo, redoMs: redo, tagRenameMs: tagRename, exportCsvMs: exportCsv, csvBytes: Buffer.byteLength(csv), importPreviewMs: importPreview, importApplyMs: importApply, importChanges: preview.changes.length })}\n`,
  );
} finally {
  catalogue.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
