// What the catalogue said, in the UI's language. The catalogue makes its messages from a key and
// params (shared/errorMessages.ts) and sends the English sentence beside them; the UI shows the
// key from the `errors` namespace in its own language, and the English sentence only when no key
// came (an older catalogue, a transport's own failure) or this build does not know it. The one
// helper for every place that shows an error or a server text: notices, dialogs, the editor's
// "not saved", the import preview, the export dialog, the ingest panel, the folder browser.
// (The rules are in serverText.ts.)
import { ApiError } from '../../../shared/apiClient.ts';
import { errorMessage } from '../../../shared/errorMessage.ts';
import { currentLanguage, i18n } from '../i18n/i18n.ts';
import { serverTextIn, type LooseT, type ServerTextRef } from './serverText.ts';

/** A server text (an import row's reason, a listing's or a progress's error) in the UI language. */
export function serverText(english: string, ref: ServerTextRef | null | undefined): string {
  return serverTextIn(i18n.t as unknown as LooseT, currentLanguage(), english, ref);
}

/** Anything thrown, said in the UI language: an ApiError by its key, anything else as its message. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return serverText(error.message, error);
  return errorMessage(error);
}
