// A server text in a given language: the pure core of errorText.ts (it takes the `t` to use, so
// unit tests run it over the real catalogues without the app's i18next instance). The catalogue
// makes its messages from a key and params (shared/errorMessages.ts) and sends the English
// sentence beside them; this says the key from the `errors` namespace in the language of `t`,
// and gives back the English when no key came or the key is unknown here.
import type { ErrorKey, ErrorParams } from '../../../shared/errorMessages.ts';
import { readDate } from '../../../shared/datePhrases.ts';
import { EDITABLE_FIELDS, type EditableField } from '../../../shared/types.ts';
import type { UiLanguage } from '../../../shared/uiLanguage.ts';

/** i18next's t, untyped: the keys here come from the catalogue at run time (a wrong one falls back to the English). */
export type LooseT = (key: string, options?: object) => string;

/** A server text's key and params, as the API carries them beside the English. */
export interface ServerTextRef {
  key?: ErrorKey;
  params?: ErrorParams;
}

/**
 * Params as the UI language says them: a date the catalogue could not read is read again here,
 * so its reason is in the UI language (as the editor says it); a field name is the editor's
 * label. Everything else is data (paths, names, ids, the system's own reasons) and goes in as
 * text: i18next is set not to escape (React does) and, by its default `skipOnVariables`, never
 * reads a value as a placeholder or a nested key.
 */
function localParams(params: ErrorParams, t: LooseT, language: UiLanguage): Record<string, string | number> {
  const local: Record<string, string | number> = { ...params };
  if (typeof params.unreadableDate === 'string') {
    const read = readDate(params.unreadableDate, language);
    if (!read.ok) local.reason = read.error;
  }
  // A reason that is itself a catalogue message (a refused value inside "not saved") is said by its own key.
  if (typeof params.reasonKey === 'string' && typeof params.reason === 'string') {
    const { reasonKey, ...inner } = params;
    const said = serverTextIn(t, language, params.reason, { key: reasonKey as ErrorKey, params: inner });
    local.reason = said.charAt(0).toUpperCase() + said.slice(1);
  }
  if (typeof params.field === 'string' && (EDITABLE_FIELDS as readonly string[]).includes(params.field)) {
    local.field = t(`editing:fields.${params.field as EditableField}`);
  }
  return local;
}

/** A server text in the language of `t` (the pure core, testable with any i18next instance). */
export function serverTextIn(t: LooseT, language: UiLanguage, english: string, ref: ServerTextRef | null | undefined): string {
  if (!ref?.key) return english;
  const params = ref.params ?? {};
  const options = { replace: localParams(params, t, language), ...(typeof params.count === 'number' ? { count: params.count } : {}) };
  // An unknown key (a newer catalogue) falls back to the English the catalogue sent.
  return t(`errors:${ref.key}`, { ...options, defaultValue: english });
}
