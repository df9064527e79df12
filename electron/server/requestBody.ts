// How large an API request may be: as large as the contract lets a valid call be, and no larger.
// Bytes are counted as they arrive, so an oversized request is refused before it fills memory.
import { englishMessage, type ErrorKey, type ErrorParams } from '../../shared/errorMessages.ts';
import type http from 'node:http';
import { IMPORT_FILE_MAX_BYTES } from '../../shared/api.ts';

const MiB = 1024 * 1024;
/**
 * Every call but the import is small: its largest valid form (100,000 photo ids, two
 * 20,000-character texts, 500 tags of 200 characters) stays under 3 MiB of JSON even escaped.
 */
export const DEFAULT_BODY_LIMIT = 8 * MiB;
/**
 * The import carries a whole CSV/XLSX/JSON file as base64 (4 characters for 3 bytes), plus room
 * for the other parameters.
 */
const IMPORT_BODY_LIMIT = Math.ceil(IMPORT_FILE_MAX_BYTES / 3) * 4 + MiB;

export function bodyLimitFor(method: string): number {
  return method === 'importMetadata' ? IMPORT_BODY_LIMIT : DEFAULT_BODY_LIMIT;
}

export class BodyTooLarge extends Error {
  readonly status = 413;
  readonly key: ErrorKey;
  readonly params: ErrorParams;
  constructor(key: ErrorKey, params: ErrorParams) {
    super(englishMessage(key, params));
    this.key = key;
    this.params = params;
  }
}

function tooLarge(method: string, limit: number): BodyTooLarge {
  return method === 'importMetadata'
    ? new BodyTooLarge('importTooLarge', { method, megabytes: IMPORT_FILE_MAX_BYTES / 1e6 })
    : new BodyTooLarge('requestTooLarge', { method, megabytes: limit / MiB });
}

export function readBody(req: http.IncomingMessage, method: string): Promise<Buffer> {
  const limit = bodyLimitFor(method);
  // A declared length over the limit is refused before a byte is read.
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge(method, limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Stop reading but keep the socket: the refusal still has to reach the client.
      req.off('data', onData);
      req.pause();
      reject(tooLarge(method, limit));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
