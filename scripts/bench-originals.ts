// Measures the background check for missing originals (originals/originalFiles.ts) on a
// catalogue of N photos (default 200,000): real files on disk, a tenth of them deleted.
// Prints one JSON line: {"photos","missing","ms" (first check, marks written),"steadyMs" (nothing changed)}.
// Usage: node scripts/bench-originals.ts [count]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../electron/catalogue/store/openDatabase.ts';
import { checkOriginals } from '../electron/catalogue/originals/originalFiles.ts';
import { PhotoRepository } from '../electron/catalogue/store/photoRepository.ts';
import { SqliteOriginalsRecords } from '../electron/catalogue/store/originalsRecords.ts';

const count = Number(process.argv[2] ?? 200_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-bench-originals-'));
try {
  const db = openDatabase(path.join(dir, 'catalogue.sqlite'));
  const insert = db.prepare(
    "INSERT INTO photos (hash, file, file_size, file_mtime_ms, added_at, updated_at) VALUES ('0', ?, 1, 0, '', '')",
  );
  db.exec('BEGIN');
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, 'photos', String(Math.floor(i / 1000)));
    if (i % 1000 === 0) fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `fortepan_${i}.jpg`);
    if (i % 10 !== 0) fs.writeFileSync(file, '');
    insert.run(file);
  }
  db.exec('COMMIT');
  // First check: 10% newly missing (their marks are written); second: nothing changed.
  const started = performance.now();
  const report = await checkOriginals(new SqliteOriginalsRecords(new PhotoRepository(db)));
  const ms = performance.now() - started;
  const again = performance.now();
  await checkOriginals(new SqliteOriginalsRecords(new PhotoRepository(db)));
  const steadyMs = performance.now() - again;
  console.log(JSON.stringify({ photos: report.checked, missing: report.missing, ms: Math.round(ms), steadyMs: Math.round(steadyMs), steadyPerPhotoUs: Math.round((steadyMs * 1000) / count) }));
  db.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
