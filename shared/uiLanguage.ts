// The languages the UI speaks, and which one a person gets: the one they chose (remembered by
// the host), otherwise their system's (Electron: app.getLocale(); browser mode: the browser's
// languages) — Hungarian when that is Hungarian, English otherwise.
export const UI_LANGUAGES = ['hu', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The UI language for a remembered choice (or none) and the system's languages, first preferred first. */
export function pickUiLanguage(remembered: UiLanguage | null, systemLanguages: readonly string[]): UiLanguage {
  if (remembered) return remembered;
  const first = systemLanguages.find((tag) => tag.trim() !== '');
  return first && /^hu(?:[-_]|$)/i.test(first.trim()) ? 'hu' : 'en';
}
