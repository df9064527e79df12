// The sample catalogue is what a new user (and the README screenshot) sees first: its photo whose
// donor names the photographer must be credited without the name twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { makeSample } from '../../../scripts/make-sample.ts';
import { Catalogue } from '../../../electron/catalogue/catalogue.ts';
import { styledCredit, CREDIT_LANGS, CREDIT_STYLES } from '../../../shared/creditStyles.ts';
import { tempDir } from '../../support/fixtures.ts';

test('the sample has a photo whose donor names the photographer, and no credit repeats a name', async () => {
  const dir = await tempDir('fototar-sample-');
  const { catalogueDir } = await makeSample(dir);
  const catalogue = Catalogue.open(catalogueDir);
  try {
    const photos = (await Array.fromAsync(catalogue.photos.iterateAll()));
    const klosz = photos.find((p) => p.title === 'Lánchíd')!;
    assert.equal(klosz.donor, 'Budapest Főváros Levéltára / Klösz György fényképei');
    assert.equal(klosz.photographer, 'Klösz György');
    assert.equal(klosz.archiveRef, 'HU.BFL.XV.19.d.1.05.054', 'read from the file as Iptc4xmpExt:AOSourceInvNo');
    assert.equal(klosz.credit, 'Fortepan / Budapest Főváros Levéltára / Klösz György fényképei. Archive reference: HU.BFL.XV.19.d.1.05.054');
    for (const photo of photos) {
      for (const style of CREDIT_STYLES.filter((s) => s !== 'tasl')) {
        for (const lang of CREDIT_LANGS) {
          const line = styledCredit(photo, style, lang);
          for (const name of [photo.donor, photo.photographer].filter(Boolean)) {
            const times = line.split(name).length - 1;
            assert.ok(times <= 1, `${path.basename(photo.file)} ${style} ${lang}: "${name}" ${times} times in "${line}"`);
          }
        }
      }
    }
  } finally {
    catalogue.close();
  }
});
