// What to show of something thrown: an Error's message, anything else (a string, a rejected
// value from a library) as text. One rule for the UI, the CLI and the main process.
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
