import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KNOWN_LICENCES, isKnownOrEmptyLicence, knownLicence } from '../../../shared/licences.ts';
import { licenceUrl } from '../../../shared/credit.ts';
import { LICENCE_CHOICES } from '../../../shared/pickLists.ts';
import { creditWarnings, type FigurePick } from '../../../shared/figureCredits.ts';

test('known licences are found however they are written; others are not', () => {
  assert.equal(knownLicence('cc by-sa 3.0')?.name, 'CC BY-SA 3.0');
  assert.equal(knownLicence('CC-BY-SA-4.0')?.name, 'CC BY-SA 4.0');
  assert.equal(knownLicence(' CC0 ')?.name, 'CC0 1.0');
  assert.equal(knownLicence('public domain')?.name, 'Public Domain Mark 1.0');
  assert.equal(knownLicence('All rights reserved')?.url, null);
  assert.equal(knownLicence('léggöünnepséglégvédelem, tömeg'), undefined);
  assert.equal(isKnownOrEmptyLicence(''), true);
  assert.equal(isKnownOrEmptyLicence('tömeg'), false);
  assert.equal(licenceUrl('CC BY 4.0'), 'https://creativecommons.org/licenses/by/4.0/');
  assert.equal(licenceUrl('cc-by-sa 3.0'), 'https://creativecommons.org/licenses/by-sa/3.0/');
  assert.deepEqual(LICENCE_CHOICES, KNOWN_LICENCES.map((l) => l.name), 'the pick list is the known list');
});

test('credit warnings name an unknown licence per figure', () => {
  const photo = (id: number, licence: string) => ({
    id, fortepanId: 1000 + id, title: '', file: `/a/${id}.jpg`, donor: 'Nagy Gyula', photographer: '', source: '', licence,
    embeddedCredit: '', embeddedCreator: '', copyright: '', caption: '', date: '',
  });
  const picks = [photo(1, 'tömeg'), photo(2, 'CC BY 4.0'), photo(3, 'tömeg')].map((p) => ({ photo: p, modified: false }) as unknown as FigurePick);
  const unknown = creditWarnings(picks).filter((w) => w.kind === 'unknown-licence');
  assert.equal(unknown.length, 1);
  assert.deepEqual(unknown[0].figures, [1, 3]);
  assert.equal(unknown[0].message, 'Figures 1, 3: “tömeg” is not a licence Fototar knows: check it, or pick one from the list.');
});
