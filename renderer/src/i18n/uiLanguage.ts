// Which language the UI starts in, and switching it: the choice is remembered by the host
// (Electron's userData, browser mode's config folder), so it survives restarts and the changing
// port of browser mode.
import { pickUiLanguage, type UiLanguage } from '../../../shared/uiLanguage.ts';
import { api } from '../common/bridge.ts';
import { i18n } from './i18n.ts';

export async function startingLanguage(): Promise<UiLanguage> {
  try {
    const preferences = await api.preferences({});
    // Electron tells the system's languages; a browser's own list is the person's choice there.
    const system = preferences.systemLanguages.length ? preferences.systemLanguages : [...navigator.languages];
    return pickUiLanguage(preferences.language, system);
  } catch {
    return pickUiLanguage(null, [...navigator.languages]);
  }
}

/**
 * Remembers the language, then changes the UI to it: once the UI speaks it, the choice is saved,
 * so a reload or a quit right after the switch keeps it. A failed save still changes it for now.
 */
export async function chooseLanguage(language: UiLanguage): Promise<void> {
  try {
    await api.setPreferences({ language });
  } catch {
    // Not remembered (the host could not write its preferences); the switch itself stands.
  }
  await i18n.changeLanguage(language);
}
