// The catalogue's messages by key (shared/errorMessages.ts, shared/locales/{en,hu}/errors.json):
// the English rendering the CLI prints, and every key the code names present in both languages
// and used. (That en and hu hold the same keys and placeholders is messageCatalogues.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { englishMessage, isErrorKey, isErrorParams } from '../../../shared/errorMessages.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (lang: string) => JSON.parse(fs.readFileSync(path.join(root, 'shared/locales', lang, 'errors.json'), 'utf8')) as Record<string, string>;
const en = read('en');
const hu = read('hu');
const baseKey = (key: string) => key.replace(/_(one|other)$/, '');
const placeholders = (message: string) => new Set([...message.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]));

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(rel));
    else if (/\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

test('the English message is the sentence the CLI has always printed', () => {
  assert.equal(englishMessage('photoNotFound', { ids: 5 }), 'No photo with id 5 in this catalogue.');
  assert.equal(englishMessage('collectionExists', { name: 'x' }), 'A collection named "x" already exists.');
  assert.equal(englishMessage('exportQualityRange', { got: '0' }), 'The quality must be a whole number from 1 to 100 (got 0).');
  assert.equal(englishMessage('editNotSaved', { reason: 'database or disk is full' }), 'The edit was not saved: database or disk is full');
  assert.equal(
    englishMessage('outputExists', { count: 2, folder: '/out', files: 'a.jpg, b.jpg' }),
    "2 of the export's files already exist in /out (a.jpg, b.jpg); nothing was written. Overwrite them, or choose another folder.",
  );
  // A count is written bare, as before ("1200", not "1,200"), unless the message formats it.
  assert.equal(englishMessage('photoInCollectionTwice', { id: 7, count: 1200, figures: '1, 3' }), 'Photo 7 is in this collection 1200 times (figures 1, 3); remove one first.');
  // A value is text: a placeholder-looking value is not read again.
  assert.equal(englishMessage('collectionExists', { name: '{{name}} <b>' }), 'A collection named "{{name}} <b>" already exists.');
});

test('keys and params from the other side of the API are checked', () => {
  assert.ok(isErrorKey('photoNotFound'));
  assert.ok(isErrorKey('outputExists'), 'a plural key by its base');
  assert.ok(!isErrorKey('outputExists_one') || en.outputExists_one !== undefined);
  assert.ok(!isErrorKey('noSuchKey'));
  assert.ok(!isErrorKey(5));
  assert.ok(isErrorParams({ ids: '5', count: 2 }));
  assert.ok(!isErrorParams({ ids: ['5'] }));
  assert.ok(!isErrorParams(null));
  assert.ok(!isErrorParams({ count: Number.NaN }));
});

test('Hungarian names no placeholder the English lacks (it would stay empty)', () => {
  const extra: string[] = [];
  for (const [key, message] of Object.entries(hu)) {
    const english = placeholders(en[key] ?? en[`${baseKey(key)}_other`] ?? en[baseKey(key)] ?? '');
    for (const p of placeholders(message)) if (!english.has(p) && p !== 'count') extra.push(`${key}: {{${p}}}`);
  }
  assert.deepEqual(extra, []);
});

test('every message key the code names is in both catalogues, and every catalogue key is used', () => {
  const code = [...sources('electron'), ...sources('shared')].map((file) => fs.readFileSync(path.join(root, file), 'utf8')).join('\n');
  const named = new Set<string>();
  // new CatalogueError(code, 'key', …), new ApiValidationError('key', …), { key: 'key' }, englishMessage('key', …), refuse('key', …)
  for (const m of code.matchAll(/new CatalogueError\(\s*'[a-z-]+',\s*'(\w+)'/g)) named.add(m[1]);
  for (const m of code.matchAll(/new (?:ApiValidationError|BodyTooLarge|EditConflictError)\(\s*'(\w+)'/g)) named.add(m[1]);
  for (const m of code.matchAll(/\bkey: '(\w+)'/g)) named.add(m[1]);
  for (const m of code.matchAll(/englishMessage\(\s*'(\w+)'/g)) named.add(m[1]);
  for (const m of code.matchAll(/\brefuse\(\s*'(\w+)'/g)) named.add(m[1]);
  for (const m of code.matchAll(/\bnotice\(\s*[\w']+,\s*'(\w+)'/g)) named.add(m[1]);
  // Keys chosen by a condition: `cond ? 'a' : 'b'`, and the job runner's and the decoder's tables.
  for (const m of code.matchAll(/\? '(\w+)' : '(\w+)'/g)) for (const k of [m[1], m[2]]) if (isErrorKey(k)) named.add(k);
  for (const m of code.matchAll(/(?:problem: |: ErrorKey> = \{[^}]*?)'(\w+)'/g)) named.add(m[1]);
  for (const m of code.matchAll(/\b(?:ingest|export|backup|busy): '(busy\w+)'/g)) named.add(m[1]);
  // Tables of keys by a kind (shared/skipReasons.ts): every value of a `Record<…, ErrorKey>` literal.
  for (const table of code.matchAll(/Record<\w+, ErrorKey>>? = \{([^}]*)\}/g)) for (const m of table[1].matchAll(/: '(\w+)'/g)) named.add(m[1]);
  assert.ok(named.size > 80, `found ${named.size} keys`);
  const missing = [...named].filter((k) => !isErrorKey(k) || !(k in hu || `${k}_other` in hu));
  assert.deepEqual(missing, [], 'named in the code but not in both catalogues');
  // Keys made from a prefix (importNoPhoto${by}) count as used through their prefix.
  const prefixes = [...code.matchAll(/key: `(\w+)\$\{/g)].map((m) => m[1]);
  const unused = [...new Set(Object.keys(en).map(baseKey))].filter((k) => !named.has(k) && !prefixes.some((p) => k.startsWith(p)));
  assert.deepEqual(unused, [], 'in the catalogue but named nowhere in the code');
});

test('every CatalogueError is made from a key (no sentence written at a call site)', () => {
  const offending: string[] = [];
  for (const file of sources('electron')) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const m of text.matchAll(/new CatalogueError\(([^)]*)/g)) {
      const args = m[1];
      if (/`|"/.test(args.split(',').slice(1, 2).join(','))) offending.push(`${file}: ${m[0].slice(0, 100)}`);
    }
  }
  assert.deepEqual(offending, []);
});
