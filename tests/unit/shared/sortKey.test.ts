import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hungarianSortKey } from '../../../shared/sortKey.ts';

const collator = new Intl.Collator('hu', { numeric: true });
const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/fortepan/metadata/', import.meta.url));
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const keyCompare = (a: string, b: string) => {
  const ka = hungarianSortKey(a);
  const kb = hungarianSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** Every string value of every JSON file of Fortepan's metadata, and each of their words. */
function vocabulary(): string[] {
  const out = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      out.add(value);
      for (const word of value.split(/\s+/)) if (word) out.add(word);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const name of fs.readdirSync(CORPUS).filter((n) => n.endsWith('.json'))) walk(JSON.parse(fs.readFileSync(path.join(CORPUS, name), 'utf8')));
  return [...out];
}

/**
 * Sorted by the collator, each neighbour pair ordered the same by the keys (and equal exactly
 * when the collator finds them equal): with both orders total, every pair then agrees.
 */
function assertSameOrder(values: string[]): void {
  const sorted = [...values].sort(collator.compare);
  const wrong: string[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (keyCompare(a, b) !== sign(collator.compare(a, b))) wrong.push(`${JSON.stringify(a)} vs ${JSON.stringify(b)}: collator ${sign(collator.compare(a, b))}, key ${keyCompare(a, b)}`);
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} pairs disagree`);
}

test('the sort key orders the whole Fortepan vocabulary exactly as Intl.Collator("hu", {numeric: true})', () => {
  const words = vocabulary();
  assert.ok(words.length > 20000, `only ${words.length} values read from ${CORPUS}`);
  assertSameOrder(words);
});

test('Hungarian letters, accents, case and numbers', () => {
  const cases = [
    '2 éves', '10 éves', '1.5', '1.10', '007', '7', 'a', 'A', 'á', 'Á', 'ab', 'áb', 'Ab', 'az', 'b', 'c', 'cz', 'cs', 'Cs', 'CS', 'cS', 'ccs', 'cscs',
    'Ccs', 'CCS', 'csa', 'd', 'dz', 'dzs', 'ddz', 'ddzs', 'dzsa', 'dza', 'DZs', 'gy', 'ggy', 'Gy', 'ly', 'lly', 'ny', 'nny', 'NY', 'nY', 'sz', 'ssz',
    'Sz', 'ty', 'tty', 'zs', 'zzs', 'o', 'ó', 'oz', 'ö', 'Ö', 'ő', 'Ő', 'öz', 'p', 'u', 'ú', 'uz', 'ü', 'ű', 'Ű', 'v', 'ø', 'ł', 'đ', 'ə', 'æ', 'ß',
    'x', 'x ', 'x\u00a0', 'a b', 'a-b', 'a\u00adb', 'ab', '', ' ', "'", '‘', '’', '"', '„', '”', '(a)', '[a]', 'a.b', 'a,b', 'Őz', 'őzike', 'ŐZ',
    'Üllői út 2.', 'Üllői út 10.', 'Üllői út', 'Ullmann', 'Pécs', 'Pecz', 'Pest', 'Győr', 'Gyula', 'Gödöllő', 'ő', 'öá', 'őa', 'ű', 'üá', 'Ccs', 'CsCs',
    'Ελλάδα', 'Москва', '東京', '☃', 'a☃', 'a1', 'a 1', 'aa', '1a', '1 a', 'fortepan_2.jpg', 'fortepan_10.jpg', 'Fortepan_10.jpg', 'fortepan_10.tif',
  ];
  assertSameOrder(cases);
  // Every pair, not only neighbours, for the hand-picked cases.
  for (const a of cases) for (const b of cases) assert.equal(keyCompare(a, b), sign(collator.compare(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
});

test('"2 éves" sorts before "10 éves", á with a, ö after o, cs after c', () => {
  const sorted = ['10 éves', 'cukor', 'csak', 'ózd', 'öt', 'alma', 'ács', 'pék', '2 éves', 'Ábel'].sort((a, b) => keyCompare(a, b));
  assert.deepEqual(sorted, ['2 éves', '10 éves', 'Ábel', 'ács', 'alma', 'cukor', 'csak', 'ózd', 'öt', 'pék']);
});

test('keys hold no surrogates or NUL, so SQLite compares them byte for byte in the same order', () => {
  for (const text of ['Ελλάδα', '😀 emoji', 'a\u0000b', '東京']) assert.doesNotMatch(hungarianSortKey(text), /[\u0000\ud800-\udfff]/);
});
