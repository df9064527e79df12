// The Hungarian and English message catalogues hold the same messages: a key only in English
// would show English in the Hungarian UI; one only in Hungarian is dead. Plural keys are
// compared by their base (Hungarian and English both have `_one` and `_other`), and every
// `{{placeholder}}` of a message appears in its translation. The catalogue's own messages (the
// `errors` namespace, shared/locales/) are held to the same rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const locales = fileURLToPath(new URL('../../../renderer/src/i18n/locales/', import.meta.url));
const sharedLocales = fileURLToPath(new URL('../../../shared/locales/', import.meta.url));

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

function catalogue(language: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const folder of [locales, sharedLocales]) {
    for (const file of fs.readdirSync(path.join(folder, language)).sort()) {
      const ns = path.basename(file, '.json');
      const messages = JSON.parse(fs.readFileSync(path.join(folder, language, file), 'utf8')) as Messages;
      for (const [key, value] of flatten(messages)) all.set(`${ns}:${key}`, value);
    }
  }
  return all;
}

const placeholders = (message: string) => new Set([...message.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]));

test('Hungarian and English have the same namespaces and the same messages', () => {
  assert.deepEqual(fs.readdirSync(path.join(locales, 'hu')).sort(), fs.readdirSync(path.join(locales, 'en')).sort());
  assert.deepEqual(fs.readdirSync(path.join(sharedLocales, 'hu')).sort(), fs.readdirSync(path.join(sharedLocales, 'en')).sort());
  const en = catalogue('en');
  const hu = catalogue('hu');
  assert.ok(en.size > 0);
  assert.ok([...en.keys()].some((k) => k.startsWith('errors:')), 'the errors namespace is read');
  assert.deepEqual([...en.keys()].filter((k) => !hu.has(k)), [], 'in English only');
  assert.deepEqual([...hu.keys()].filter((k) => !en.has(k)), [], 'in Hungarian only');
});

test('every placeholder of an English message is in its Hungarian translation, and no message is empty', () => {
  const en = catalogue('en');
  const hu = catalogue('hu');
  const missing: string[] = [];
  for (const [key, message] of en) {
    const translation = hu.get(key);
    if (translation === undefined) continue;
    if (!message.trim() || !translation.trim()) missing.push(`${key}: empty`);
    // A singular may leave the count out ("a photo"); the other forms keep every placeholder.
    const expected = [...placeholders(message)].filter((p) => !(key.endsWith('_one') && p === 'count'));
    for (const p of expected) if (!placeholders(translation).has(p) && !(key.endsWith('_one') && p === 'count')) missing.push(`${key}: {{${p}}}`);
  }
  assert.deepEqual(missing, []);
});
