// Draws a sepia, grainy "archival print" for a sample record and embeds its metadata the way
// archive software does: IPTC-IIM (UTF-8, declared) and XMP, with the Fortepan credit line.
import sharp from 'sharp';
import { buildIim, insertIptc } from '../electron/catalogue/metadata/iptcWriter.ts';
import type { SampleRecord } from './sampleData.ts';

function sceneSvg(record: SampleRecord, width: number, height: number): string {
  const [light, dark] = record.palette;
  const shapes: string[] = [];
  const seed = record.fortepanId;
  const rand = (i: number) => ((Math.sin(seed * 9.73 + i * 12.9898) * 43758.5453) % 1 + 1) % 1;
  switch (record.scene) {
    case 'street':
      for (let i = 0; i < 7; i++) {
        const x = i * (width / 7);
        const h = height * (0.35 + rand(i) * 0.4);
        shapes.push(`<rect x="${x}" y="${height * 0.8 - h}" width="${width / 7 - 6}" height="${h}" fill="${dark}" opacity="${0.55 + rand(i + 20) * 0.35}"/>`);
      }
      shapes.push(`<rect x="${width * 0.3}" y="${height * 0.62}" width="${width * 0.28}" height="${height * 0.13}" rx="14" fill="${dark}"/>`);
      shapes.push(`<line x1="0" y1="${height * 0.5}" x2="${width}" y2="${height * 0.48}" stroke="${dark}" stroke-width="3"/>`);
      break;
    case 'lake':
      shapes.push(`<rect x="0" y="${height * 0.6}" width="${width}" height="${height * 0.4}" fill="${dark}" opacity="0.55"/>`);
      for (let i = 0; i < 4; i++) {
        const x = width * (0.15 + i * 0.2);
        shapes.push(`<polygon points="${x},${height * 0.6} ${x + 40},${height * 0.6} ${x + 20},${height * (0.25 + rand(i) * 0.1)}" fill="${dark}"/>`);
      }
      break;
    case 'hills':
      shapes.push(`<path d="M0 ${height * 0.7} Q ${width * 0.3} ${height * 0.35} ${width * 0.6} ${height * 0.6} T ${width} ${height * 0.5} V ${height} H 0 Z" fill="${dark}" opacity="0.7"/>`);
      shapes.push(`<circle cx="${width * 0.8}" cy="${height * 0.22}" r="${height * 0.08}" fill="#fff8e6" opacity="0.8"/>`);
      break;
    case 'bridge':
      shapes.push(`<rect x="0" y="${height * 0.7}" width="${width}" height="${height * 0.3}" fill="${dark}" opacity="0.45"/>`);
      shapes.push(`<path d="M0 ${height * 0.55} Q ${width / 2} ${height * 0.3} ${width} ${height * 0.55}" stroke="${dark}" stroke-width="8" fill="none"/>`);
      shapes.push(`<rect x="0" y="${height * 0.55}" width="${width}" height="${height * 0.04}" fill="${dark}"/>`);
      for (const x of [0.25, 0.75]) shapes.push(`<rect x="${width * x - 20}" y="${height * 0.3}" width="40" height="${height * 0.4}" fill="${dark}"/>`);
      break;
    case 'portrait':
      for (let i = 0; i < 3; i++) {
        const cx = width * (0.3 + i * 0.2);
        shapes.push(`<circle cx="${cx}" cy="${height * 0.38}" r="${width * 0.06}" fill="${dark}"/>`);
        shapes.push(`<rect x="${cx - width * 0.08}" y="${height * 0.46}" width="${width * 0.16}" height="${height * 0.4}" rx="30" fill="${dark}"/>`);
      }
      break;
    case 'square':
      shapes.push(`<rect x="${width * 0.35}" y="${height * 0.25}" width="${width * 0.3}" height="${height * 0.5}" fill="${dark}" opacity="0.8"/>`);
      shapes.push(`<polygon points="${width * 0.42},${height * 0.25} ${width * 0.45},${height * 0.08} ${width * 0.48},${height * 0.25}" fill="${dark}"/>`);
      shapes.push(`<polygon points="${width * 0.52},${height * 0.25} ${width * 0.55},${height * 0.08} ${width * 0.58},${height * 0.25}" fill="${dark}"/>`);
      shapes.push(`<rect x="0" y="${height * 0.75}" width="${width}" height="${height * 0.25}" fill="${dark}" opacity="0.35"/>`);
      break;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><radialGradient id="v" cx="50%" cy="45%" r="75%"><stop offset="55%" stop-color="${light}"/><stop offset="100%" stop-color="${dark}"/></radialGradient></defs>
    <rect width="100%" height="100%" fill="url(#v)"/>${shapes.join('')}
  </svg>`;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function sampleXmp(record: SampleRecord): string {
  const credit = `Fortepan / ${record.donor}`;
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
 xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"
 xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">
 <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(record.title)}</rdf:li></rdf:Alt></dc:title>
 <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(record.caption)}</rdf:li></rdf:Alt></dc:description>
 <dc:subject><rdf:Bag>${record.tags.map((t) => `<rdf:li>${escapeXml(t)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>
 ${record.photographer ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(record.photographer)}</rdf:li></rdf:Seq></dc:creator>` : ''}
 <photoshop:Credit>${escapeXml(credit)}</photoshop:Credit>
 <photoshop:Source>Fortepan</photoshop:Source>
 <photoshop:DateCreated>${/^\d{4}(-\d{2}){0,2}$/.test(record.date) ? record.date : ''}</photoshop:DateCreated>
 <photoshop:City>${escapeXml(record.city)}</photoshop:City>
 <photoshop:Country>${escapeXml(record.country)}</photoshop:Country>
 <Iptc4xmpCore:Location>${escapeXml(record.place)}</Iptc4xmpCore:Location>
 ${record.archiveRef ? `<Iptc4xmpExt:ArtworkOrObject><rdf:Bag><rdf:li rdf:parseType="Resource"><Iptc4xmpExt:AOSourceInvNo>${escapeXml(record.archiveRef)}</Iptc4xmpExt:AOSourceInvNo></rdf:li></rdf:Bag></Iptc4xmpExt:ArtworkOrObject>` : ''}
 <xmpRights:WebStatement>https://creativecommons.org/licenses/by-sa/3.0/</xmpRights:WebStatement>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

export async function makeSampleImage(record: SampleRecord, longEdge = 1200): Promise<Buffer> {
  const width = record.portrait ? Math.round(longEdge * 0.75) : longEdge;
  const height = record.portrait ? longEdge : Math.round(longEdge * 0.7);
  const grain = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 18 } } })
    .greyscale()
    .png()
    .toBuffer();
  const jpeg = await sharp(Buffer.from(sceneSvg(record, width, height)))
    .composite([{ input: grain, blend: 'soft-light' }])
    .blur(0.6)
    .jpeg({ quality: 85 })
    .withXmp(sampleXmp(record))
    .toBuffer();
  const dateCreated = /^\d{4}-\d{2}-\d{2}$/.test(record.date)
    ? record.date.replace(/-/g, '')
    : /^\d{4}$/.test(record.date)
      ? `${record.date}0000`
      : undefined;
  return insertIptc(
    jpeg,
    buildIim({
      objectName: record.title,
      caption: record.caption,
      keywords: record.tags,
      byline: record.photographer,
      credit: `Fortepan / ${record.donor}`,
      source: 'Fortepan',
      dateCreated,
      city: record.city,
      sublocation: record.place,
      country: record.country,
    }),
  );
}
