// Undo/redo labels come from the catalogue in English; the UI says the known forms in its own
// language and shows any other label as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { historyLabel } from '../../../renderer/src/common/historyLabels.ts';
import { translator } from './i18nForTests.ts';

const CASES: [string, string, string][] = [
  // server label, Hungarian, English
  ['Edit title of Fortepan 7416', 'Szerkesztés (cím): Fortepan 7416', 'Edit title of Fortepan 7416'],
  ['Edit date, tags of 12 photos', 'Szerkesztés (dátum, címkék): 12 fotó', 'Edit date, tags of 12 photos'],
  ['Edit donor of 13560 photos', 'Szerkesztés (adományozó): 13\u00a0560 fotó', 'Edit donor of 13,560 photos'],
  ['Edit title, caption, date… of Üllői út', 'Szerkesztés (cím, leírás, dátum…): Üllői út', 'Edit title, caption, date… of Üllői út'],
  ['Edit archiveRef of Fortepan 1', 'Szerkesztés (levéltári jelzet): Fortepan 1', 'Edit archive reference of Fortepan 1'],
  ['Rename tag "villamos" to "Villamos"', 'Címke átnevezése: „villamos” → „Villamos”', 'Rename tag “villamos” to “Villamos”'],
  ['Merge tag "troli" into "trolibusz"', 'Címke összevonása: „troli” → „trolibusz”', 'Merge tag “troli” into “trolibusz”'],
  ['Tags of 3 photos: add "híd", "Duna"', '3 fotó címkéi: hozzáadva: „híd”, „Duna”', 'Tags of 3 photos: add “híd”, “Duna”'],
  ['Tags of 1 photo: add "a", remove "b"', '1 fotó címkéi: hozzáadva: „a”, levéve: „b”', 'Tags of 1 photo: add “a”, remove “b”'],
  ['Tags of 2 photos: remove "b"', '2 fotó címkéi: levéve: „b”', 'Tags of 2 photos: remove “b”'],
  ['Import 1 row from leiras.csv', 'Importálás: 1 sor (leiras.csv)', 'Import 1 row from leiras.csv'],
  ['Import 250 rows', 'Importálás: 250 sor', 'Import 250 rows'],
  ['Batch edit', 'Csoportos szerkesztés', 'Batch edit'],
  // Unknown forms (a field the UI does not know, another wording) stay as the server wrote them.
  ['Edit colour of Fortepan 1', 'Edit colour of Fortepan 1', 'Edit colour of Fortepan 1'],
  ['Restore backup', 'Restore backup', 'Restore backup'],
];

test('known edit-history labels are said in Hungarian', async () => {
  const t = await translator('hu');
  for (const [label, hu] of CASES) assert.equal(historyLabel(label, t), hu, label);
});

test('in English the labels read as the catalogue wrote them (with typographic quotes and grouped numbers)', async () => {
  const t = await translator('en');
  for (const [label, , en] of CASES) assert.equal(historyLabel(label, t), en, label);
});
