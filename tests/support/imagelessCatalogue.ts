// A catalogue of many image-less rows (see records.ts), made in seconds, for tests and
// benchmarks of the UI at scale: 1,500 or 200,000 photos without a single image file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Catalogue } from '../../electron/catalogue/catalogue.ts';
import type { EditableFields } from '../../shared/types.ts';
import { fortepanRecord } from './records.ts';

const DONORS = ['Fortepan', 'Kovács Anna', 'Nagy Gyula', 'Szabó Éva'];
const PLACES = ['Budapest', 'Szeged', 'Pécs', 'Debrecen', 'Győr'];

/** Makes the catalogue in a fresh temp folder and closes it (so a server can take its lock). */
export function imagelessCatalogue(count: number, fields: (n: number) => Partial<EditableFields> = defaultFields): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-imageless-'));
  const catalogue = Catalogue.open(dir, { create: true });
  try {
    const now = new Date().toISOString();
    catalogue.db.exec('BEGIN');
    for (let n = 1; n <= count; n++) catalogue.store.photos.insert(fortepanRecord(100000 + n, fields(n)), now);
    catalogue.db.exec('COMMIT');
  } finally {
    catalogue.close();
  }
  return dir;
}

function defaultFields(n: number): Partial<EditableFields> {
  return {
    title: `Utcakép ${n}`,
    donor: DONORS[n % DONORS.length],
    city: PLACES[n % PLACES.length],
    date: String(1900 + (n % 90)),
    licence: 'CC BY-SA 3.0',
  };
}
