// Credit lines embedded in files (IPTC Credit, photoshop:Credit), in the forms seen in real files
// (see ../shared/DOMAIN.md):
//   Fortepan / Nagy Gyula                                  Fortepan's own rule
//   FOTO:FORTEPAN / Nagy Gyula                             with a "Fotó:"/"Photo:" prefix
//   Fotó: Nagy Gyula / FORTEPAN                            Hungarian press order
//   Fotó: Klösz György/Fortepan/Budapest Főváros Levéltára. Levéltári jelzet: HU.BFL…
//   FOTO:Fortepan — ID 24628 : Adományozó/Donor: Nagy Gyula.
//   FOTO:FORTEPAN / Konok Tamás id, CC BY-SA 3.0 <link>, via Wikimedia Commons
//   "FI0001858" by Lissa Potter/Fortepan Iowa, "<url>", CC-BY-SA 4.0   Fortepan Iowa's rule
// In Fortepan's convention the name next to the archive is the donor, not the photographer.
import { FORTEPAN_LICENCE } from './credit.ts';
import { knownName } from './creditNames.ts';
import { FORTEPAN_IOWA, FORTEPAN_IOWA_LICENCE, fortepanIowaId } from './fortepanIowa.ts';

export interface RecognisedCredit {
  /** "Fortepan" or "Fortepan Iowa". */
  source: string;
  /** The donor the credit names; "" when it names none (or only the archive itself). */
  donor: string;
  fortepanId: number | null;
  iowaId: string | null;
  /** The licence the credit states, else the archive's own. */
  licence: string;
  /** The photographer a press-style credit names before the archive ("Klösz György/Fortepan/…"), else "". */
  photographer: string;
  /** "Levéltári jelzet: HU.BFL…" / "Archive reference: …" cited in the credit, else "". */
  archiveRef: string;
}

const PREFIX = /^\s*(?:fot[oó]|photo(?:graph)?|k[eé]p|credit)\s*:\s*/i;
const CC_LICENCE = /\bCC[\s-]*(BY(?:[\s-]*SA)?)[\s-]*(\d\.\d)\b/i;
const VIA_COMMONS = /,?\s*via\s+wikimedia\s+commons\.?\s*$/i;
const URL_TEXT = /<?\s*https?:\/\/\S+?\s*>?(?=[\s,"”]|$)/gi;
const ARCHIVE_REF = /[.,;]?\s*(?:lev[eé]lt[aá]ri\s+jelzet|archive\s+reference)\s*:\s*([^\s,;]+?)\.?(?=[\s,;]|$)/i;
const DASH = '[-–—]';
// Hungarian name suffixes end in a dot that belongs to the name ("Konok Tamás id.").
const ABBREVIATED_END = /(?:^|\s)(?:id|ifj|idős|ifjabb|dr|özv|sen|jun|jr|sr|st)\.$/i;

function licenceText(match: RegExpExecArray): string {
  return `CC ${match[1].toUpperCase().replace(/[\s-]+/g, '-')} ${match[2]}`;
}

function cleanDonor(text: string): string {
  let donor = text.trim().replace(/^["“„]|["”]$/g, '').replace(/[\s,;:]+$/, '').trim();
  if (donor.endsWith('.') && !ABBREVIATED_END.test(donor)) donor = donor.slice(0, -1).trim();
  return knownName(donor);
}

function result(source: string, donor: string, fortepanId: number | null, iowaId: string | null, licence: string, archiveRef = '', photographer = ''): RecognisedCredit {
  const fallback = source === FORTEPAN_IOWA ? FORTEPAN_IOWA_LICENCE : FORTEPAN_LICENCE;
  // A donor "Fortepan" is the archive itself, not a name to credit twice.
  const named = /^fortepan$/i.test(donor) ? '' : donor;
  return { source, donor: named, fortepanId, iowaId, licence: licence || fallback, archiveRef, photographer };
}

/** What an embedded credit says about donor, number and licence, or null when it is not Fortepan's or Fortepan Iowa's. */
export function recogniseEmbeddedCredit(credit: string): RecognisedCredit | null {
  let text = credit.replace(/\s+/g, ' ').trim();
  if (!/fortepan/i.test(text)) return null;
  const licenceMatch = CC_LICENCE.exec(text);
  const licence = licenceMatch ? licenceText(licenceMatch) : '';

  // Fortepan Iowa's own rule: "FI0001858" by Lissa Potter/Fortepan Iowa, "<url>", CC-BY-SA 4.0
  const iowa = new RegExp(`^["“„]?(FI\\d{7})["”]?\\s*(?:by\\s+(.+?))?\\s*/?\\s*Fortepan\\s+Iowa\\b`, 'i').exec(text.replace(PREFIX, ''));
  if (iowa) return result(FORTEPAN_IOWA, cleanDonor(iowa[2] ?? ''), null, iowa[1].toUpperCase(), licence);

  const refMatch = ARCHIVE_REF.exec(text);
  const archiveRef = refMatch ? refMatch[1] : '';
  if (refMatch) text = text.replace(ARCHIVE_REF, ' ');
  text = text.replace(PREFIX, '').replace(VIA_COMMONS, '').replace(URL_TEXT, ' ');
  if (licenceMatch) text = text.replace(CC_LICENCE, ' ');
  text = text.replace(/\s+/g, ' ').replace(/[\s,;]+$/, '').trim();

  // "Fortepan — ID 24628 : Adományozó/Donor: Nagy Gyula."
  const labelled = new RegExp(`^fortepan(?:\\s*${DASH})?\\s*(?:id\\.?\\s*:?\\s*)?(\\d{1,7})?\\s*[:,;.]?\\s*(?:adom[aá]nyoz[oó]\\s*/\\s*donor|adom[aá]nyoz[oó]|donor)\\s*:\\s*(.*)$`, 'i').exec(text);
  if (labelled) return result('Fortepan', cleanDonor(labelled[2]), labelled[1] ? Number(labelled[1]) : null, null, licence, archiveRef);

  // "Fortepan / Nagy Gyula", "FORTEPAN 24628 / Nagy Gyula", "Fortepan Iowa / Lissa Potter"
  const archiveFirst = new RegExp(`^fortepan(\\s+iowa)?(?:\\s*${DASH}?\\s*(?:id\\.?\\s*:?\\s*)?(\\d{1,7}))?\\s*/\\s*(.+)$`, 'i').exec(text);
  if (archiveFirst) {
    const source = archiveFirst[1] ? FORTEPAN_IOWA : 'Fortepan';
    return result(source, cleanDonor(archiveFirst[3]), archiveFirst[2] && !archiveFirst[1] ? Number(archiveFirst[2]) : null, fortepanIowaId(text), licence, archiveRef);
  }
  // "Klösz György/Fortepan/Budapest Főváros Levéltára": photographer, then "Fortepan / donor" (pestbuda.hu)
  const archiveBetween = /^(.+?)\s*\/\s*fortepan(\s+iowa)?\s*\/\s*(.+)$/i.exec(text);
  if (archiveBetween) {
    return result(archiveBetween[2] ? FORTEPAN_IOWA : 'Fortepan', cleanDonor(archiveBetween[3]), null, null, licence, archiveRef, knownName(archiveBetween[1]));
  }
  // "Nagy Gyula / FORTEPAN", "Lissa Potter/Fortepan Iowa"
  const archiveLast = /^(.+?)\s*\/\s*fortepan(\s+iowa)?\.?$/i.exec(text);
  if (archiveLast) return result(archiveLast[2] ? FORTEPAN_IOWA : 'Fortepan', cleanDonor(archiveLast[1]), null, null, licence, archiveRef);
  // "Fortepan", "Fortepan 24628": the archive without a donor.
  const bare = /^fortepan(\s+iowa)?(?:\s*[-–—]?\s*(?:id\.?\s*:?\s*)?(\d{1,7}))?\.?$/i.exec(text);
  if (bare) return result(bare[1] ? FORTEPAN_IOWA : 'Fortepan', '', bare[2] && !bare[1] ? Number(bare[2]) : null, null, licence, archiveRef);
  return null;
}
