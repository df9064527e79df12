// The UI language switch in the top bar: each language named in itself, so a person who cannot
// read the current one still finds their own.
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/uiLanguage.ts';
import { chooseLanguage } from './uiLanguage.ts';

const OWN_NAMES: Record<UiLanguage, string> = { hu: 'Magyar', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <select
      className="language-switch"
      data-testid="language-switch"
      aria-label={t('language.label')}
      title={t('language.label')}
      value={i18n.language}
      onChange={(e) => void chooseLanguage(e.target.value as UiLanguage)}
    >
      {UI_LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {OWN_NAMES[language]}
        </option>
      ))}
    </select>
  );
}
