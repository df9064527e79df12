// exifr returns XMP text exactly as it stands in the XML, entities and all ("A &amp; B").
// Decoding happens once, here, so "&lt;b&gt;" becomes the text "<b>" (shown as text, never
// markup) and "&amp;lt;" stays the literal "&lt;" its author wrote.

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;

export function decodeXmlEntities(text: string): string {
  return text.replace(ENTITY, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
    // Not a character XML allows (NUL, surrogates, beyond Unicode): keep the text as written.
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return String.fromCodePoint(code);
  });
}

/** Decodes every string inside an exifr XMP block (values, alternatives, lists). */
export function decodeXmpBlock(value: unknown): unknown {
  if (typeof value === 'string') return decodeXmlEntities(value);
  if (Array.isArray(value)) return value.map(decodeXmpBlock);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, decodeXmpBlock(v)]));
  }
  return value;
}
