// The labelled Hungarian query set (tests/fixtures/huQueries.json) and the real Fortepan records
// it is labelled against (../shared/corpus/fortepan/metadata: the Budapest V. district selection
// and the Kolozsvár selection, 1,125 photos). Used by the unit test of search quality and by
// `npm run bench:search`, which both print recall and precision.
//
// How a record becomes a catalogue row (the same for labelling and for measuring):
//   V. district: caption = the description as published; country Magyarország, city Budapest;
//     donor = the "Fortepan / <donor>" the description asks to be credited, where it does.
//   Kolozsvár: "Románia, Kolozsvár, <rest>. (Cluj-Napoca, Romania)" is Fortepan's
//     country, city, caption layout: split so; donor = `credits`, date = `year`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EditableFields } from '../shared/types.ts';
import { inTransaction } from '../electron/catalogue/store/openDatabase.ts';
import type { Catalogue } from '../electron/catalogue/catalogue.ts';
import type { IngestedRecord } from '../electron/catalogue/store/photoRepository.ts';
import { CORPUS_DIR } from './benchCorpus.ts';

export const QUERY_SET_FILE = fileURLToPath(new URL('../tests/fixtures/huQueries.json', import.meta.url));

export interface CorpusRecord extends EditableFields {
  fortepanId: number;
}

const BLANK: EditableFields = {
  title: '',
  caption: '',
  date: '',
  donor: '',
  photographer: '',
  country: '',
  city: '',
  place: '',
  tags: [],
  licence: '',
  source: 'Fortepan',
  notes: '',
};

/** The 1,125 real records as catalogue rows (see the mapping above). */
export function corpusRecords(dir = CORPUS_DIR): CorpusRecord[] {
  const out: CorpusRecord[] = [];
  const vker = JSON.parse(fs.readFileSync(path.join(dir, 'JoshBone_fortepan-map__FortepanVkerGeoTagged.json'), 'utf8')) as { id: number; description: string }[];
  for (const r of vker) {
    const donor = /Fortepan \/ ([^.]+?)\.\s*Levéltári jelzet/.exec(r.description)?.[1] ?? '';
    out.push({ ...BLANK, fortepanId: r.id, caption: r.description.trim(), country: 'Magyarország', city: 'Budapest', donor });
  }
  const yaml = fs.readFileSync(path.join(dir, 'madeincluj_collection__fortepan_metadata_fortepan.yaml'), 'utf8');
  for (const block of yaml.split(/\n\s*-\s*\n/).slice(1)) {
    const field = (name: string) => new RegExp(`^\\s*${name}: ?(.*)$`, 'm').exec(block)?.[1].trim() ?? '';
    const id = Number(field('id'));
    if (!id) continue;
    const m = /^(?:(Románia), )?(Kolozsvár)[,.]?\s*(.*?)\s*\(Cluj-Napoca, Romania\)\s*$/.exec(field('description'));
    out.push({
      ...BLANK,
      fortepanId: id,
      caption: m ? m[3] : field('description'),
      country: m ? 'Románia' : '',
      city: m ? m[2] : '',
      donor: field('credits'),
      date: field('year'),
    });
  }
  return out;
}

/** Writes the corpus records into a catalogue (no images: rows as an ingest would write them). */
export function insertCorpusRecords(catalogue: Catalogue, records = corpusRecords()): void {
  inTransaction(catalogue.db, () => {
    for (const { fortepanId, ...fields } of records) {
      const record: IngestedRecord = {
        hash: fortepanId.toString(16).padStart(64, '0'),
        file: `/archive/fortepan/fortepan_${fortepanId}.jpg`,
        fileSize: 1000,
        fileMtimeMs: 0,
        fortepanId,
        fields,
        width: null,
        height: null,
        format: 'jpeg',
        pageCount: null,
        takenAt: null,
        digitizedAt: null,
        camera: null,
        gps: null,
        embeddedCredit: '',
        embeddedCreator: '',
        copyright: '',
        previewError: null,
      };
      catalogue.photos.insert(record, '2026-01-01T00:00:00.000Z');
    }
  });
}
