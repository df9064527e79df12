// Search quality on real records: the labelled Hungarian query set (tests/fixtures/huQueries.json,
// how it was labelled: tests/fixtures/huQueries.md) over the 1,124 Fortepan records it is
// labelled against. The same measurement runs in `npm run bench:search`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Catalogue } from '../../../../../electron/catalogue/catalogue.ts';
import { insertCorpusRecords, loadQuerySet, measureQuerySet } from '../../../../../scripts/huQuerySet.ts';
import { tempDir } from '../../../../support/fixtures.ts';

let catalogue: Catalogue;

before(async () => {
  catalogue = Catalogue.open(path.join(await tempDir(), 'cat'), { create: true });
  insertCorpusRecords(catalogue);
});
after(() => catalogue.close());

test('the set is what it says: 80+ labelled queries of every kind, each with photos to find', () => {
  const set = loadQuerySet();
  assert.ok(set.length >= 80, `${set.length} queries`);
  for (const kind of ['inflected-place', 'inflected', 'inflected-words', 'compound', 'name', 'place', 'typo']) {
    assert.ok(set.some((q) => q.kind === kind), kind);
  }
  for (const q of set) assert.ok(q.relevant.length > 0 && q.rule.length > 0, q.query);
});

test('recall ≥ 0.95 and precision ≥ 0.90 on the labelled Hungarian query set', async () => {
  const { recall, precision, outcomes } = await measureQuerySet(catalogue);
  const weak = outcomes.filter((o) => o.recall < 0.9 || o.precision < 0.9).map((o) => `${o.query}: recall ${o.recall.toFixed(2)}, precision ${o.precision.toFixed(2)}`);
  assert.ok(recall >= 0.95, `recall ${recall}\n${weak.join('\n')}`);
  assert.ok(precision >= 0.9, `precision ${precision}\n${weak.join('\n')}`);
  // Every misspelling gets the suggestion its label names.
  for (const q of loadQuerySet().filter((q) => q.suggestion)) {
    assert.equal(outcomes.find((o) => o.query === q.query)?.suggestion, q.suggestion, q.query);
  }
});
