// The catalogue's messages to people (errors, refused import rows, folder listing problems) by
// key: one home per text, shared/locales/{en,hu}/errors.json, in i18next's JSON format. The
// catalogue makes each one from a key and its params; the English text rendered here is what
// the CLI prints (the CLI speaks English), and the renderer shows the same key in the UI
// language through its i18next instance (the `errors` namespace), falling back to this English.
//
// The renderer here is deliberately tiny instead of a second i18next instance: the command line
// loads this module for every command and must start fast. It does what the catalogue's
// messages use of i18next: `{{name}}` placeholders, `{{name, number}}` for a number written with
// English digit grouping (2,000), and `_one`/`_other` plurals chosen by `count`. The English
// catalogue writes plain `{{count}}` where the CLI has always printed a bare number; the
// Hungarian one formats counts (`{{count, number}}`: "13 560").
import en from './locales/en/errors.json' with { type: 'json' };

type Catalogue = typeof en;
type Base<K extends string> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : K;

/** Every message key; a key not in the English catalogue is a compile error. */
export type ErrorKey = Base<keyof Catalogue & string>;

/** Values put into a message: data (paths, names, ids, a system's own reason) as text, counts as numbers. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** A message by key, as it crosses the API beside its English rendering. */
export interface MessageRef {
  key: ErrorKey;
  params?: ErrorParams;
}

const messages: Readonly<Record<string, string>> = en;

/** One language's catalogue, with the plural rules and number format of its locale. */
export interface MessageCatalogue {
  messages: Readonly<Record<string, string>>;
  plurals: Intl.PluralRules;
  numbers: Intl.NumberFormat;
}

// Made on first use: Intl's plural rules and number format load ICU's data (about 30 ms), which
// every command-line call paid at start-up although most never print a message.
let english: MessageCatalogue | null = null;

/** A key with its params in a catalogue's language (undefined when the catalogue lacks the key). */
export function renderMessage(catalogue: MessageCatalogue, key: ErrorKey, params: ErrorParams = {}): string | undefined {
  const { messages: all, plurals, numbers } = catalogue;
  const count = params.count;
  const template = (typeof count === 'number' ? all[`${key}_${plurals.select(count)}`] : undefined) ?? all[key] ?? all[`${key}_other`];
  if (template === undefined) return undefined;
  return template.replace(/\{\{\s*([\w.]+)\s*(?:,\s*(\w+)\s*)?\}\}/g, (whole, name: string, format: string | undefined) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return format === 'number' && typeof value === 'number' ? numbers.format(value) : String(value);
  });
}

/** The English message of a key with its params (what the CLI prints and the API's `message`). */
export function englishMessage(key: ErrorKey, params: ErrorParams = {}): string {
  english ??= { messages, plurals: new Intl.PluralRules('en'), numbers: new Intl.NumberFormat('en-US') };
  return renderMessage(english, key, params) ?? key;
}

export function isErrorKey(value: unknown): value is ErrorKey {
  return typeof value === 'string' && (Object.hasOwn(messages, value) || Object.hasOwn(messages, `${value}_other`));
}

/** Whether a value from the other side of the API is a well-formed params object. */
export function isErrorParams(value: unknown): value is ErrorParams {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value as Record<string, unknown>).every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
  );
}
