// A gate every XMP text passes before a parser sees it (embedded packets and sidecar files
// alike). XMP never needs a DOCTYPE, so any DOCTYPE or ENTITY declaration is refused outright:
// no external entity (XXE) can be resolved and no entity expansion ("billion laughs") can start.
// Nesting is bounded because exifr's XMP parser is recursive and quadratic in depth: measured
// here, 100,000 nested elements in a sidecar took it 12 s and a million ran for minutes.
// The scan is one linear pass without recursion, so the check itself cannot be made slow.
import { decodeXmpBlock } from './xmlEntities.ts';

/** Real XMP nests about 8 deep (x:xmpmeta/rdf:RDF/rdf:Description/dc:title/rdf:Alt/rdf:li…). */
export const MAX_XML_DEPTH = 100;
/** Sidecars of real photos are a few kilobytes; Photoshop histories reach a few megabytes. */
export const MAX_XML_BYTES = 16 * 1024 * 1024;

export class UnsafeXmlError extends Error {
  readonly code = 'unsafe-xml';
}

/** Throws UnsafeXmlError with a plain reason when `text` is not XML Fototar will parse. */
export function assertSafeXml(text: string): void {
  if (text.length > MAX_XML_BYTES) throw new UnsafeXmlError(`XML too large (${text.length} characters; the limit is ${MAX_XML_BYTES})`);
  let depth = 0;
  let at = text.indexOf('<');
  while (at !== -1) {
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end === -1) throw new UnsafeXmlError('XML comment is not closed');
      at = text.indexOf('<', end + 3);
      continue;
    }
    if (text.startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at + 9);
      if (end === -1) throw new UnsafeXmlError('CDATA section is not closed');
      at = text.indexOf('<', end + 3);
      continue;
    }
    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at + 2);
      if (end === -1) throw new UnsafeXmlError('processing instruction is not closed');
      at = text.indexOf('<', end + 2);
      continue;
    }
    if (text.startsWith('<!', at)) {
      const word = /^<!\s*([A-Za-z]*)/.exec(text.slice(at, at + 20))?.[1]?.toUpperCase() || 'markup';
      throw new UnsafeXmlError(`XML with a ${word} declaration is refused (entities are never expanded or fetched)`);
    }
    const end = tagEnd(text, at + 1);
    if (end === -1) throw new UnsafeXmlError('XML tag is not closed');
    if (text[at + 1] === '/') depth--;
    else if (text[end - 1] !== '/') {
      depth++;
      if (depth > MAX_XML_DEPTH) throw new UnsafeXmlError(`XML nested deeper than ${MAX_XML_DEPTH} levels is refused`);
    }
    at = text.indexOf('<', end + 1);
  }
}

/** The index of the `>` closing a tag, skipping quoted attribute values; -1 if none. */
function tagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/** True when the text is XML Fototar will parse; never throws. */
export function isSafeXml(text: string): boolean {
  try {
    assertSafeXml(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses an XMP sidecar (`photo.xmp`, `photo.jpg.xmp`) or a bare XMP packet after the safety
 * gate, with entities decoded exactly once. Returns exifr's namespaced output
 * (`{ dc: { title, description, subject }, photoshop: {...}, ... }`).
 */
export async function parseXmpSafely(input: Buffer | string): Promise<Record<string, unknown>> {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  assertSafeXml(text);
  // Always a Buffer: exifr treats a string as a path or URL to fetch.
  // Loaded on first use: commands that never read XMP (show, list, credits) start without it.
  const { default: exifr } = await import('exifr');
  const parsed = (await exifr.sidecar(Buffer.from(text, 'utf8'))) as Record<string, unknown> | undefined;
  return (decodeXmpBlock(parsed ?? {}) as Record<string, unknown>) ?? {};
}
