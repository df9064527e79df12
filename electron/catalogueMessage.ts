// The catalogue's messages in the UI language for what the main process itself shows (a native
// dialog): the renderer says them through i18next, the CLI in English; this is the one other
// place, kept out of the CLI's modules so the command line never loads the Hungarian catalogue.
import hu from '../shared/locales/hu/errors.json' with { type: 'json' };
import { englishMessage, renderMessage, type ErrorKey, type ErrorParams, type MessageCatalogue } from '../shared/errorMessages.ts';
import type { UiLanguage } from '../shared/uiLanguage.ts';

const hungarian: MessageCatalogue = { messages: hu, plurals: new Intl.PluralRules('hu'), numbers: new Intl.NumberFormat('hu') };

/** An API error as a person reads it in `language`: by its key, or the English that came. */
export function catalogueMessage(language: UiLanguage, error: { message: string; key?: ErrorKey; params?: ErrorParams }): string {
  if (!error.key) return error.message;
  return (language === 'hu' ? renderMessage(hungarian, error.key, error.params) : englishMessage(error.key, error.params)) ?? error.message;
}
