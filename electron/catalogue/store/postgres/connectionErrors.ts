// Telling a team catalogue's server gone (a restart, a network cut) from a query's own failure,
// so the person is told the server cannot be reached rather than a driver's words. Without the
// driver itself, so the CLI's error wording can ask without loading it.

/** Node's own codes for a connection that could not be made or was cut. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * Whether an error from pg means the server could not be reached or went away mid-request (a
 * restart, a network gone): SQLSTATE class 08 and the shutdown codes 57P01–57P03, a socket
 * refused or cut, or pg's own "Connection terminated". Not a query's own failure.
 */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code))) return true;
  return /^Connection terminated/.test(error.message);
}
