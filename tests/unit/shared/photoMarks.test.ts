// The marks' words, filters and XMP mapping (shared/photoMarks.ts), and how the query language
// and the facet panel say them (shared/searchQuery.ts, shared/searchFacets.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSearchQuery } from '../../../shared/searchQuery.ts';
import { toggledMarkFilter } from '../../../shared/searchFacets.ts';
import { marksFromXmp, marksToXmp, ratingRange } from '../../../shared/photoMarks.ts';

const clauses = (q: string) => {
  const parsed = parseSearchQuery(q);
  assert.ok(parsed.ok, q);
  return parsed.clauses;
};

test('rating: takes one rating, comparisons and ranges; flag: and label: take their words in English and Hungarian', () => {
  assert.deepEqual(clauses('rating:5'), [{ kind: 'rating', min: 5, max: 5, negated: false }]);
  assert.deepEqual(clauses('rating:>=3'), [{ kind: 'rating', min: 3, max: 5, negated: false }]);
  assert.deepEqual(clauses('rating:>3 rating:<=4'), [{ kind: 'rating', min: 4, max: 5, negated: false }, { kind: 'rating', min: 0, max: 4, negated: false }]);
  assert.deepEqual(clauses('-rating:0'), [{ kind: 'rating', min: 0, max: 0, negated: true }]);
  assert.deepEqual(clauses('értékelés:2..4'), [{ kind: 'rating', min: 2, max: 4, negated: false }]);
  assert.deepEqual(clauses('csillag:<2'), [{ kind: 'rating', min: 0, max: 1, negated: false }]);
  assert.deepEqual(clauses('flag:pick flag:reject flag:none'), [
    { kind: 'flag', flag: 'pick', negated: false },
    { kind: 'flag', flag: 'reject', negated: false },
    { kind: 'flag', flag: '', negated: false },
  ]);
  assert.deepEqual(clauses('jelölés:kiválasztott JELOLES:elutasitott'), [{ kind: 'flag', flag: 'pick', negated: false }, { kind: 'flag', flag: 'reject', negated: false }]);
  assert.deepEqual(clauses('label:red színcímke:piros szin:LILA label:none'), [
    { kind: 'label', label: 'red', negated: false },
    { kind: 'label', label: 'red', negated: false },
    { kind: 'label', label: 'purple', negated: false },
    { kind: 'label', label: '', negated: false },
  ]);
  // címke: stays the tag field: a tag "piros" is a word, not the red label.
  assert.deepEqual(clauses('címke:piros')[0], { kind: 'terms', field: 'tags', words: ['piros'], phrase: false, negated: false, prefix: true });
  // With words, years and other fields.
  assert.deepEqual(
    clauses('villamos rating:>=3 year:1950..1960 label:red').map((c) => c.kind),
    ['terms', 'rating', 'year', 'label'],
  );
});

test('a mark filter that cannot be read gets its own message; OR does not join filters', () => {
  for (const [q, message] of [
    ['rating:6', /rating: needs stars from 0 to 5/],
    ['rating:>=', /rating: needs stars/],
    ['rating:4..2', /rating: needs stars/],
    ['rating:>5', /rating: needs stars/],
    ['flag:maybe', /flag: needs pick, reject or none \(got "maybe"\)/],
    ['label:orange', /label: needs red, yellow, green, blue, purple or none/],
    ['rating:', /needs a word|rating:/],
    ['villamos OR rating:5', /./],
  ] as const) {
    const parsed = parseSearchQuery(q);
    assert.equal(parsed.ok, false, q);
    if (!parsed.ok) assert.match(parsed.error, message, q);
  }
  assert.equal(ratingRange('2-4')?.max, 4);
});

test('a facet click puts its filter in place of any other of its kind; a second click takes it out', () => {
  assert.equal(toggledMarkFilter('villamos', 'rating', 'rating:>=3'), 'villamos rating:>=3 ');
  assert.equal(toggledMarkFilter('villamos értékelés:>=2 label:red', 'rating', 'rating:>=4'), 'villamos label:red rating:>=4 ');
  assert.equal(toggledMarkFilter('villamos rating:>=3 ', 'rating', 'rating:>=3'), 'villamos ');
  assert.equal(toggledMarkFilter('flag:pick', 'flag', 'flag:pick'), '');
  assert.equal(toggledMarkFilter('jelölés:elutasított', 'flag', 'flag:pick'), 'flag:pick ');
});

test('XMP: reject is xmp:Rating -1 (Bridge, Lightroom); labels by Lightroom name, digiKam number, Bridge name', () => {
  assert.deepEqual(marksToXmp({ rating: 3, flag: 'reject', label: 'purple' }), { rating: -1, label: 'Purple', pickLabel: 1, colorLabel: 6 });
  assert.deepEqual(marksToXmp({ rating: 5, flag: 'pick', label: '' }), { rating: 5, label: null, pickLabel: 3, colorLabel: null });
  assert.deepEqual(marksFromXmp({ rating: '-1', label: 'Red' }), { flag: 'reject', label: 'red' });
  assert.deepEqual(marksFromXmp({ rating: 4, label: 'to do' }), { rating: 4, label: 'purple' });
  assert.deepEqual(marksFromXmp({ pickLabel: '3', colorLabel: '4' }), { flag: 'pick', label: 'green' });
  assert.deepEqual(marksFromXmp({ rating: '2.5', label: 'Orange', colorLabel: '2' }), {}, 'what has no Fototar mark is left out');
  assert.deepEqual(marksFromXmp({ rating: 99 }), {});
});
