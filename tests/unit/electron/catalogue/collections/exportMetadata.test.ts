// What an exported copy says about itself comes from the same credit rules as the credit list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportFacts, xmpPacket } from '../../../../../electron/catalogue/collections/exportMetadata.ts';
import type { Photo } from '../../../../../shared/types.ts';

const base: Photo = {
  id: 1, file: '/x/fortepan_24628.jpg', hash: '', fortepanId: 24628, iowaId: null, title: '', caption: '', date: '', dateFrom: null, dateTo: null,
  donor: 'Nagy Gyula', photographer: '', country: '', city: '', place: '', tags: [], licence: '', source: 'Fortepan', archiveRef: '', notes: '',
  width: null, height: null, rotation: 0, flipped: false, fileOrientation: null, format: null, pageCount: null, takenAt: null, digitizedAt: null, camera: null, gps: null,
  embeddedCredit: '', embeddedCreator: '', copyright: '', credit: '', previewError: null, previewWarning: null, thumbVersion: '', missing: false, duplicateOf: null,
  addedAt: '', updatedAt: '', rating: 0, flag: '', label: '',
};

test('exported copies carry the style\'s credit line; "ismeretlen" is no creator', () => {
  const facts = exportFacts({ ...base, photographer: 'Ismeretlen fényképész' }, 'press', 'hu');
  assert.equal(facts.credit, 'Fotó: Fortepan / Nagy Gyula');
  assert.equal(facts.creator, '');
  assert.equal(facts.rights, 'CC BY-SA 3.0 — Fotó: Fortepan / Nagy Gyula');
  assert.equal(exportFacts({ ...base, photographer: 'Bauer Sándor' }, 'commons', 'en').credit, 'Photo: Wikimedia Commons/Fortepan/Nagy Gyula/Bauer Sándor');
  assert.equal(exportFacts({ ...base, donor: 'Fortepan' }, 'fortepan', 'en').credit, 'Fortepan');
});

test('a Fortepan Iowa copy names Fortepan Iowa as source, its FI number and CC BY-SA 4.0', () => {
  const facts = exportFacts({ ...base, file: '/x/FI0001858.jpg', fortepanId: null, donor: 'Lissa Potter', source: 'Fortepan Iowa' }, 'fortepan', 'en');
  assert.deepEqual(
    [facts.credit, facts.source, facts.identifier, facts.title, facts.licence, facts.licenceUrl],
    ['"FI0001858" by Lissa Potter/Fortepan Iowa, CC-BY-SA 4.0', 'Fortepan Iowa', 'FI0001858', 'FI0001858', 'CC BY-SA 4.0', 'https://creativecommons.org/licenses/by-sa/4.0/'],
  );
  assert.equal(facts.sourceUrl, '', 'no fortepan.hu page for a Fortepan Iowa photo');
});

test('the archive reference is written as Iptc4xmpExt:AOSourceInvNo, escaped', () => {
  const facts = exportFacts({ ...base, donor: 'Budapest Főváros Levéltára', archiveRef: 'HU.BFL.XV.19.d.1.05.054' }, 'press', 'hu');
  assert.equal(facts.credit, 'Fotó: Fortepan / Budapest Főváros Levéltára. Levéltári jelzet: HU.BFL.XV.19.d.1.05.054');
  const xmp = xmpPacket(facts);
  assert.ok(xmp.includes('xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"'));
  assert.ok(xmp.includes('<Iptc4xmpExt:ArtworkOrObject><rdf:Bag><rdf:li rdf:parseType="Resource"><Iptc4xmpExt:AOSourceInvNo>HU.BFL.XV.19.d.1.05.054</Iptc4xmpExt:AOSourceInvNo>'));
  assert.ok(xmpPacket(exportFacts({ ...base, archiveRef: '<x>&' }, 'fortepan', 'en')).includes('<Iptc4xmpExt:AOSourceInvNo>&#60;x&#62;&#38;</Iptc4xmpExt:AOSourceInvNo>'));
  assert.ok(!xmpPacket(exportFacts(base, 'fortepan', 'en')).includes('ArtworkOrObject'));
});
