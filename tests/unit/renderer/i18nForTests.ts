// An i18next instance over the real message catalogues (read from disk: Node's test runner
// imports JSON only with import attributes, which the renderer's bundler does not need), for
// unit tests of renderer modules that take a `t`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type Resource, type TFunction } from 'i18next';

// The renderer's own catalogues, and the catalogue's messages (the `errors` namespace) in shared/.
const folders = ['../../../renderer/src/i18n/locales/', '../../../shared/locales/'].map((f) => fileURLToPath(new URL(f, import.meta.url)));

export async function translator(language: 'hu' | 'en', ns = 'common'): Promise<TFunction> {
  const resources: Resource = {};
  for (const lang of ['en', 'hu']) {
    resources[lang] = {};
    for (const locales of folders) {
      for (const file of fs.readdirSync(path.join(locales, lang))) {
        resources[lang][path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(locales, lang, file), 'utf8'));
      }
    }
  }
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: language, fallbackLng: 'en', defaultNS: ns, interpolation: { escapeValue: false } });
  return instance.getFixedT(language, ns) as TFunction;
}
