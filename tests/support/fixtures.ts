// Fixture images that tests make themselves, each with exactly the metadata a test is about.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { buildIim, insertIptc, type IptcFields } from '../../electron/catalogue/metadata/iptcWriter.ts';

export async function tempDir(prefix = 'fototar-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export interface XmpFields {
  title?: string;
  description?: string;
  subject?: string[];
  creator?: string;
  credit?: string;
  city?: string;
  country?: string;
  location?: string;
  dateCreated?: string;
  webStatement?: string;
  identifier?: string;
  /** Iptc4xmpExt:ArtworkOrObject → AOSourceInvNo (an archive reference). */
  archiveRef?: string;
}

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function xmpPacket(fields: XmpFields): string {
  const parts: string[] = [];
  if (fields.title) parts.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(fields.title)}</rdf:li></rdf:Alt></dc:title>`);
  if (fields.description) parts.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(fields.description)}</rdf:li></rdf:Alt></dc:description>`);
  if (fields.subject) parts.push(`<dc:subject><rdf:Bag>${fields.subject.map((s) => `<rdf:li>${esc(s)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`);
  if (fields.creator) parts.push(`<dc:creator><rdf:Seq><rdf:li>${esc(fields.creator)}</rdf:li></rdf:Seq></dc:creator>`);
  if (fields.credit) parts.push(`<photoshop:Credit>${esc(fields.credit)}</photoshop:Credit>`);
  if (fields.city) parts.push(`<photoshop:City>${esc(fields.city)}</photoshop:City>`);
  if (fields.country) parts.push(`<photoshop:Country>${esc(fields.country)}</photoshop:Country>`);
  if (fields.dateCreated) parts.push(`<photoshop:DateCreated>${esc(fields.dateCreated)}</photoshop:DateCreated>`);
  if (fields.location) parts.push(`<Iptc4xmpCore:Location>${esc(fields.location)}</Iptc4xmpCore:Location>`);
  if (fields.webStatement) parts.push(`<xmpRights:WebStatement>${esc(fields.webStatement)}</xmpRights:WebStatement>`);
  if (fields.identifier) parts.push(`<dc:identifier>${esc(fields.identifier)}</dc:identifier>`);
  if (fields.archiveRef) {
    parts.push(`<Iptc4xmpExt:ArtworkOrObject><rdf:Bag><rdf:li rdf:parseType="Resource"><Iptc4xmpExt:AOSourceInvNo>${esc(fields.archiveRef)}</Iptc4xmpExt:AOSourceInvNo></rdf:li></rdf:Bag></Iptc4xmpExt:ArtworkOrObject>`);
  }
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">${parts.join('')}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

export interface JpegFixture {
  width?: number;
  height?: number;
  colour?: string;
  /** EXIF orientation 1-8. */
  orientation?: number;
  exif?: Record<string, Record<string, string>>;
  xmp?: XmpFields;
  iptc?: IptcFields;
  /** Write IPTC text with this encoder and no declared character set (legacy files). */
  iptcEncode?: (s: string) => Buffer;
}

export async function makeJpeg(fixture: JpegFixture = {}): Promise<Buffer> {
  let image = sharp({
    create: { width: fixture.width ?? 64, height: fixture.height ?? 48, channels: 3, background: fixture.colour ?? '#8a7a66' },
  }).jpeg({ quality: 80 });
  if (fixture.orientation) image = image.withMetadata({ orientation: fixture.orientation });
  if (fixture.exif) image = image.withExif(fixture.exif);
  if (fixture.xmp) image = image.withXmp(xmpPacket(fixture.xmp));
  let buffer: Buffer = await image.toBuffer();
  if (fixture.iptc) {
    buffer = insertIptc(buffer, buildIim(fixture.iptc, fixture.iptcEncode ? { declareUtf8: false, encode: fixture.iptcEncode } : {}));
  }
  return buffer;
}

export async function writeFixture(dir: string, name: string, data: Buffer | Promise<Buffer>): Promise<string> {
  const file = path.join(dir, name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, await data);
  return file;
}

/** Encodes text as ISO-8859-2, as legacy Hungarian archive software wrote IPTC. */
export function latin2(text: string): Buffer {
  const table: Record<string, number> = { ő: 0xf5, Ő: 0xd5, ű: 0xfb, Ű: 0xdb, á: 0xe1, é: 0xe9, í: 0xed, ó: 0xf3, ö: 0xf6, ú: 0xfa, ü: 0xfc, Á: 0xc1, É: 0xc9, Í: 0xcd, Ó: 0xd3, Ö: 0xd6, Ú: 0xda, Ü: 0xdc };
  return Buffer.from([...text].map((c) => table[c] ?? c.charCodeAt(0)));
}
