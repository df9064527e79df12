// The UI's one i18next instance (react-i18next binds it to React). Plurals come from
// Intl.PluralRules and numbers from Intl.NumberFormat of the UI language — "13 560 fotó",
// "1356 fotó" in Hungarian, "13,560 photos" in English — through `{{count, number}}`.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../../shared/uiLanguage.ts';
import { NAMESPACES, resources } from './resources.ts';

export const i18n = i18next.createInstance();

export async function startI18n(language: UiLanguage): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    // React escapes text itself; metadata never becomes markup (no Trans with HTML).
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  followDocumentLanguage(language);
  i18n.on('languageChanged', (lng) => followDocumentLanguage(lng as UiLanguage));
}

/** `<html lang>` follows the UI: screen readers, hyphenation and spell-checking use it. */
function followDocumentLanguage(language: UiLanguage): void {
  document.documentElement.lang = language;
}

export function currentLanguage(): UiLanguage {
  return i18n.language === 'hu' ? 'hu' : 'en';
}
