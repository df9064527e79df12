// Errors a person can act on. Each is made from a message key and its params
// (shared/errorMessages.ts, shared/locales/{en,hu}/errors.json): `message` is the English
// sentence, which the CLI prints without a stack; the API carries the key and params beside it,
// so the UI says the same in its own language.
import { englishMessage, type ErrorKey, type ErrorParams, type MessageRef } from '../../shared/errorMessages.ts';
import type { ApiErrorBody } from '../../shared/api.ts';

export type CatalogueErrorCode =
  | 'catalogue-unreadable'
  | 'catalogue-corrupt'
  | 'catalogue-too-new'
  | 'catalogue-missing'
  | 'catalogue-in-use'
  | 'not-found'
  | 'invalid-input'
  | 'busy'
  | 'not-saved'
  /** Someone else saved the same field of a team catalogue's photo after this person saw it. */
  | 'edit-conflict'
  /** A window's call was meant for a catalogue that is no longer the one open (shared/apiClient.ts CATALOGUE_CHANGED). */
  | 'catalogue-changed'
  /** A team catalogue's server asks for a password none was given for, or refused the one given. */
  | 'password-needed'
  /** An export would replace files that exist; the caller asks, then retries with overwrite. */
  | 'output-exists'
  | 'export-cancelled'
  /** A newer search replaced this one before it finished (the caller ignores the answer). */
  | 'search-cancelled'
  | 'search-failed'
  /** The API was asked to read or write a folder the person did not choose in this session. */
  | 'not-chosen';

export class CatalogueError extends Error {
  readonly code: CatalogueErrorCode;
  readonly key: ErrorKey;
  readonly params: ErrorParams;
  constructor(code: CatalogueErrorCode, key: ErrorKey, params: ErrorParams = {}) {
    super(englishMessage(key, params));
    this.name = 'CatalogueError';
    this.code = code;
    this.key = key;
    this.params = params;
  }
}

/** The key and params of an error the catalogue made (for the UI's language); undefined for any other error. */
export function messageRefOf(error: unknown): MessageRef | undefined {
  return error instanceof CatalogueError ? { key: error.key, params: error.params } : undefined;
}

/** An error a person can act on, as it crosses to a window: its code, English message, key and params. */
export function errorBody(error: { code: string; message: string; key: ErrorKey; params: ErrorParams }): ApiErrorBody {
  return { code: error.code, message: error.message, key: error.key, params: error.params };
}
