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
  | 'not-saved';

export class CatalogueError extends Error {
  readonly code: CatalogueErrorCode;
  constructor(code: CatalogueErrorCode, message: string) {
    super(message);
    this.name = 'CatalogueError';
    this.code = code;
  }
}
