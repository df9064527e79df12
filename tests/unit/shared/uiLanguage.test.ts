import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pickUiLanguage } from '../../../shared/uiLanguage.ts';
import { defaultConfigDirectory, PreferenceStore } from '../../../electron/preferences/userPreferences.ts';

test('the UI speaks Hungarian to a Hungarian system and English to any other, unless the person chose', () => {
  assert.equal(pickUiLanguage(null, ['hu-HU', 'en-US']), 'hu');
  assert.equal(pickUiLanguage(null, ['hu']), 'hu');
  assert.equal(pickUiLanguage(null, ['HU_hu']), 'hu');
  assert.equal(pickUiLanguage(null, ['en-US', 'hu-HU']), 'en');
  assert.equal(pickUiLanguage(null, ['de-DE']), 'en');
  assert.equal(pickUiLanguage(null, ['hsb']), 'en', 'Upper Sorbian is not Hungarian');
  assert.equal(pickUiLanguage(null, []), 'en');
  assert.equal(pickUiLanguage('en', ['hu-HU']), 'en');
  assert.equal(pickUiLanguage('hu', ['en-US']), 'hu');
});

test('the chosen language is remembered in the config folder; an unreadable file is no choice', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-prefs-'));
  const store = new PreferenceStore(path.join(dir, 'Fototar'));
  assert.deepEqual(store.read(), { language: null, archivist: null });
  store.write({ language: 'hu' });
  assert.deepEqual(new PreferenceStore(path.join(dir, 'Fototar')).read(), { language: 'hu', archivist: null });
  fs.writeFileSync(store.file, '{"language": "klingon"}');
  assert.deepEqual(store.read(), { language: null, archivist: null });
  fs.writeFileSync(store.file, 'not json');
  assert.deepEqual(store.read(), { language: null, archivist: null });
  assert.deepEqual(fs.readdirSync(path.dirname(store.file)), ['preferences.json'], 'no partial file left');
  fs.rmSync(dir, { recursive: true });
});

test('the config folder is FOTOTAR_CONFIG_DIR, else the platform\'s', () => {
  assert.equal(defaultConfigDirectory({ FOTOTAR_CONFIG_DIR: '/x/y' }, 'linux'), '/x/y');
  assert.equal(defaultConfigDirectory({ XDG_CONFIG_HOME: '/cfg' }, 'linux'), path.join('/cfg', 'Fototar'));
  assert.equal(defaultConfigDirectory({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32'), path.join('C:\\Users\\a\\AppData\\Roaming', 'Fototar'));
});
