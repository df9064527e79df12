// Errors a person can act on. The message is one plain sentence; the CLI prints it without a
// stack and the UI shows it as it is.

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
  constructor(code: CatalogueErrorCode, message: string) {
    super(message);
    this.name = 'CatalogueError';
    this.code = code;
  }
}
