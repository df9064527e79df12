import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSearchQuery } from '../../../shared/searchQuery.ts';

const clauses = (q: string) => {
  const parsed = parseSearchQuery(q);
  assert.ok(parsed.ok, q);
  return parsed.clauses;
};

test('plain words are folded; the last one is a prefix while typing', () => {
  assert.deepEqual(clauses('Üllői út'), [
    { kind: 'terms', field: null, words: ['ulloi'], phrase: false, negated: false, prefix: false },
    { kind: 'terms', field: null, words: ['ut'], phrase: false, negated: false, prefix: true },
  ]);
  assert.equal((clauses('villamos ')[0] as { prefix: boolean }).prefix, false);
});

test('phrases, fields, exclusions, ids and years', () => {
  const parsed = clauses('"Üllői út" donor:"Nagy Gyula" tag:villamos -busz id:12345 year:1950..1960');
  assert.deepEqual(parsed.map((c) => c.kind), ['terms', 'terms', 'terms', 'terms', 'id', 'year']);
  assert.deepEqual(parsed[0], { kind: 'terms', field: null, words: ['ulloi', 'ut'], phrase: true, negated: false, prefix: false });
  assert.deepEqual(parsed[1], { kind: 'terms', field: 'donor', words: ['nagy', 'gyula'], phrase: true, negated: false, prefix: false });
  assert.equal((parsed[2] as { field: string }).field, 'tags');
  assert.equal((parsed[3] as { negated: boolean }).negated, true);
  assert.deepEqual(parsed[4], { kind: 'id', id: 12345, negated: false });
  assert.deepEqual(parsed[5], { kind: 'year', from: 1950, to: 1960, negated: false });
});

test('malformed queries get a message, not an exception', () => {
  for (const q of ['"unclosed', 'year:19', 'year:1960..1950', 'id:abc', 'colour:red', 'donor:']) {
    const parsed = parseSearchQuery(q);
    assert.equal(parsed.ok, false, q);
    if (!parsed.ok) assert.ok(parsed.error.length > 5);
  }
});

test('word~ and word~2 are fuzzy; a fuzzy word is never a typing prefix; ~3 gets a message', () => {
  const [fuzzy] = clauses('szalloda~');
  assert.deepEqual(fuzzy, { kind: 'terms', field: null, words: ['szalloda'], phrase: false, negated: false, prefix: false, fuzzy: 1 });
  assert.equal((clauses('tag:villamos~2')[0] as { fuzzy?: number }).fuzzy, 2);
  const three = parseSearchQuery('villamos~3');
  assert.ok(!three.ok && /one or two/.test(three.error));
  const two = parseSearchQuery('Üllői-út~');
  assert.ok(!two.ok && /one word/.test(two.error));
});

test('Hungarian field names work with or without accents, and a bare 1880-1890 is a year range', () => {
  const fieldOf = (q: string) => {
    const parsed = parseSearchQuery(q, { prefixLastWord: false });
    assert.ok(parsed.ok, q);
    return parsed.clauses[0];
  };
  const pairs: [string, string][] = [
    ['adományozó:Nagy', 'donor'], ['adomanyozo:Nagy', 'donor'], ['fotós:Berkó', 'photographer'], ['szerző:Berkó', 'photographer'],
    ['hely:Duna', 'place'], ['helyszín:Duna', 'place'], ['címke:villamos', 'tags'], ['CÍMKE:villamos', 'tags'], ['cím:Körtér', 'title'],
    ['leírás:villamos', 'caption'],
  ];
  for (const [q, field] of pairs) {
    const clause = fieldOf(q);
    assert.equal(clause.kind, 'terms', q);
    if (clause.kind === 'terms') assert.equal(clause.field, field, q);
  }
  for (const q of ['év:1950..1960', 'ÉV:1950-1960', 'year:1950–1960', '1950-1960', '1950–1960']) {
    assert.deepEqual(fieldOf(q), { kind: 'year', from: 1950, to: 1960, negated: false }, q);
  }
  assert.deepEqual(fieldOf('szám:12345'), { kind: 'id', id: 12345, negated: false });
  const unknown = parseSearchQuery('színe:piros');
  assert.equal(unknown.ok, false);
  if (!unknown.ok) assert.match(unknown.error, /Unknown field "színe:".*adományozó:/);
});

test('OR joins the single words next to it; | is not an operator; a lone OR gets a message', () => {
  const [or, rest] = clauses('villamos OR tag:busz OR troli~ Budapest ');
  assert.equal(or.kind, 'or');
  if (or.kind === 'or') {
    assert.deepEqual(or.alternatives.map((a) => [a.field, a.words[0], a.fuzzy ?? 0]), [
      [null, 'villamos', 0],
      ['tags', 'busz', 0],
      [null, 'troli', 1],
    ]);
  }
  assert.deepEqual(rest, { kind: 'terms', field: null, words: ['budapest'], phrase: false, negated: false, prefix: false });
  // The last alternative is a prefix while typing.
  const [typing] = clauses('villamos OR bus');
  assert.ok(typing.kind === 'or' && typing.alternatives[1].prefix);
  // "or" in lower case is a word; | is punctuation between words.
  assert.deepEqual(clauses('villamos or busz ').map((c) => c.kind), ['terms', 'terms', 'terms']);
  assert.deepEqual(clauses('Helyek|Budapest ').map((c) => c.kind), ['terms']);
  for (const q of ['OR busz', 'villamos OR', 'villamos OR OR busz', 'villamos OR "két szó"', '-villamos OR busz', 'villamos OR year:1956']) {
    const parsed = parseSearchQuery(q);
    assert.equal(parsed.ok, false, q);
    if (!parsed.ok) assert.match(parsed.error, /OR/, q);
  }
});

test('tag:"A|B" is a node of the keyword tree: its levels folded, matched like a phrase', () => {
  assert.deepEqual(clauses('tag:"Helyszín | Budapest|Üllői út" '), [
    { kind: 'terms', field: 'tags', words: ['helyszin', 'budapest', 'ulloi', 'ut'], phrase: true, negated: false, prefix: false, path: ['helyszin', 'budapest', 'ulloi ut'] },
  ]);
  assert.deepEqual(clauses('címke:Helyszín|Budapest')[0], { kind: 'terms', field: 'tags', words: ['helyszin', 'budapest'], phrase: true, negated: false, prefix: false, path: ['helyszin', 'budapest'] });
  // Elsewhere | stays punctuation, and a plain tag: word finds any level.
  assert.equal((clauses('Helyek|Budapest ')[0] as { path?: string[] }).path, undefined);
  assert.equal((clauses('tag:Budapest ')[0] as { path?: string[] }).path, undefined);
});

test('folder:"…" (mappa:) is a folder filter: a full path, kept as written, negatable, not in an OR', () => {
  const parsed = parseSearchQuery('villamos folder:"/scans/Doboz 12/Ünnepek" -mappa:/scans/x');
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.clauses.slice(1), [
    { kind: 'folder', key: '/scans/Doboz 12/Ünnepek/', negated: false },
    { kind: 'folder', key: '/scans/x/', negated: true },
  ]);
  const relative = parseSearchQuery('folder:scans');
  assert.ok(!relative.ok && relative.key === 'queryFolder');
  const or = parseSearchQuery('villamos OR folder:/scans');
  assert.ok(!or.ok);
});
