// Dates as archivists write them, in Hungarian and English, read into EDTF. Fortepan's captions
// and Hungarian spreadsheets say "1956 körül", "az 1950-es években", "1956. okt. 23.", "1944/45" or
// "1890 után"; the catalogue stores the EDTF form (shared/edtf.ts) so search, sorting and the
// timeline have bounds. EDTF typed directly passes through unchanged.
import { describeEdtf, parseEdtf, SEASON_CODES, type Season } from './edtf.ts';

export type DateReading = { ok: true; edtf: string } | { ok: false; error: string };

const MONTH_WORDS: Record<string, number> = {};
const addMonths = (names: readonly string[]) => names.forEach((name, i) => (MONTH_WORDS[name] = i + 1));
addMonths(['január', 'február', 'március', 'április', 'május', 'június', 'július', 'augusztus', 'szeptember', 'október', 'november', 'december']);
addMonths(['jan', 'febr', 'márc', 'ápr', 'máj', 'jún', 'júl', 'aug', 'szept', 'okt', 'nov', 'dec']);
addMonths(['jan', 'feb', 'már', 'ápr', 'máj', 'jún', 'júl', 'aug', 'szep', 'okt', 'nov', 'dec']);
addMonths(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
addMonths(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);
MONTH_WORDS.sept = 9;

// Hungarian seasons in every form a caption uses them: "ősz", "ősze" (its autumn), "ősszel",
// "őszén" (in its autumn); English and the Latin-rooted words archives also use.
const SEASON_WORDS: Record<string, Season> = {
  tavasz: 'spring', tavasza: 'spring', tavaszán: 'spring', tavasszal: 'spring',
  nyár: 'summer', nyara: 'summer', nyarán: 'summer', nyáron: 'summer',
  ősz: 'autumn', ősze: 'autumn', őszén: 'autumn', ősszel: 'autumn',
  tél: 'winter', tele: 'winter', telén: 'winter', télen: 'winter',
  spring: 'spring', summer: 'summer', autumn: 'autumn', fall: 'autumn', winter: 'winter',
};

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Words that make a date approximate, before it ("kb. 1930") or after it ("1956 körül"). */
const APPROX_BEFORE = /^(?:kb\.?|kb|ca\.?|cca\.?|c\.|circa|about|around|approx\.?|approximately|körülbelül)\s+(.+)$/;
const APPROX_AFTER = /^(.+?)\s+(?:körül|tájékán|táján|tájt|környékén)$/;

/** Case endings a year or day takes in a sentence: "1894-ben", "1956-ban", "23-án", "1890-től". */
const YEAR_IN = /^(\d{4})(?:-(?:ban|ben|as|es|ös))?$/;

function year(text: string): number | null {
  const m = YEAR_IN.exec(text);
  return m ? Number(m[1]) : null;
}

function monthOf(word: string): number | null {
  const key = word.replace(/\.$/, '');
  return MONTH_WORDS[key] ?? null;
}

/** A single point in time, no qualifiers: returns EDTF or null. */
function readPoint(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  const direct = parseEdtf(t);
  if (direct.ok && direct.value && !t.includes('/') && !/[[{]/.test(t)) return t;
  const y = year(t);
  if (y !== null) return String(y);
  let m: RegExpExecArray | null;
  // 1956.10.23.  1956. 10. 23.  1956-10-23.  1956.10.
  if ((m = /^(\d{4})\.\s*(\d{1,2})\.\s*(?:(\d{1,2})\.?)?(?:-(?:án|én|ig|től|tól|i))?$/.exec(t))) {
    return m[3] ? `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}` : `${m[1]}-${pad2(Number(m[2]))}`;
  }
  // 1956. október 23.  1956. okt. 23-án  1956 október  1956. októberében
  if ((m = /^(\d{4})\.?\s+([a-zá-ű]+)\.?(?:ban|ben|jában|jében|ában|ében)?\s*(?:(\d{1,2})\.?(?:-(?:án|én|ig|i|től|tól))?)?$/.exec(t))) {
    const month = monthOf(m[2]) ?? monthOf(m[2].replace(/(?:jában|jében|ában|ében|ban|ben)$/, ''));
    if (month !== null) return m[3] ? `${m[1]}-${pad2(month)}-${pad2(Number(m[3]))}` : `${m[1]}-${pad2(month)}`;
  }
  // 23 October 1956, 23. October 1956
  if ((m = /^(\d{1,2})\.?\s+([a-z]+)\.?,?\s+(\d{4})$/.exec(t))) {
    const month = monthOf(m[2]);
    return month === null ? null : `${m[3]}-${pad2(month)}-${pad2(Number(m[1]))}`;
  }
  // October 23, 1956 / October 1956
  if ((m = /^([a-z]+)\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})$/.exec(t))) {
    const month = monthOf(m[1]);
    if (month !== null) return m[2] ? `${m[3]}-${pad2(month)}-${pad2(Number(m[2]))}` : `${m[3]}-${pad2(month)}`;
  }
  // Decades: 1950-es évek, az 1950-es években, 1950s, the 1950s, 1950's
  if ((m = /^(?:az?\s+)?(\d{3})0-?(?:as|es|ás|és)\s+év(?:ek|ekben|tized|tizedben)$/.exec(t)) || (m = /^(?:the\s+)?(\d{3})0'?s$/.exec(t))) {
    return `${m[1]}X`;
  }
  // Centuries: 19. század, a 19. században, 19th century
  if ((m = /^(?:a\s+)?(\d{1,2})\.\s*(?:század|században)$/.exec(t)) || (m = /^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century$/.exec(t))) {
    const c = Number(m[1]);
    if (c < 1 || c > 21) return null;
    return `${pad2(c - 1)}XX`;
  }
  // Seasons: 1956 ősz, 1956 ősze, 1944 nyarán, 1956. tavasz, autumn 1944, 1944 autumn, spring of 1938
  if ((m = /^(\d{4})\.?\s+([a-zá-ű]+)$/.exec(t)) && SEASON_WORDS[m[2]]) return `${m[1]}-${SEASON_CODES[SEASON_WORDS[m[2]]]}`;
  if ((m = /^([a-z]+)\s+(?:of\s+)?(\d{4})$/.exec(t)) && SEASON_WORDS[m[1]]) return `${m[2]}-${SEASON_CODES[SEASON_WORDS[m[1]]]}`;
  return null;
}

/** "1944/45" and "1944-45": the second year written short, in the first one's century. */
function shortYear(first: string, second: string): string | null {
  if (!/^\d{4}$/.test(first) || !/^\d{2}$/.test(second)) return null;
  const full = Number(first.slice(0, 2) + second);
  return full > Number(first) ? String(full) : null;
}

function interval(fromText: string, toText: string): string | null {
  const from = readPoint(fromText);
  const to = readPoint(toText) ?? shortYear(fromText.trim(), toText.trim());
  if (!from || !to) return null;
  const edtf = `${from}/${to}`;
  return parseEdtf(edtf).ok ? edtf : null;
}

function readUnqualified(t: string): string | null {
  const point = readPoint(t);
  if (point) return point;
  let m: RegExpExecArray | null;
  // Open ends: 1890 után, 1890-től, 1890 óta, after 1890, since 1890; 1880 előtt, 1880-ig, before 1880
  if ((m = /^(.+?)(?:\s+után|-(?:tól|től)|\s+óta|\s+utántól)$/.exec(t)) || (m = /^(?:after|since|from)\s+(.+)$/.exec(t))) {
    const p = readPoint(m[1]);
    if (p) return `${p}/..`;
  }
  if ((m = /^(.+?)(?:\s+előtt|-ig)$/.exec(t)) || (m = /^(?:before|until|till)\s+(.+)$/.exec(t))) {
    const p = readPoint(m[1]);
    if (p) return `../${p}`;
  }
  // Ranges: 1880 és 1890 között, 1880-1890 között, between 1880 and 1890, 1880-tól 1890-ig, 1944/45
  if ((m = /^(.+?)\s+és\s+(.+?)\s+között$/.exec(t)) || (m = /^between\s+(.+?)\s+and\s+(.+)$/.exec(t))) return interval(m[1], m[2]);
  if ((m = /^(.+?)-(?:tól|től)\s+(.+?)-ig$/.exec(t)) || (m = /^from\s+(.+?)\s+(?:to|until|till)\s+(.+)$/.exec(t))) return interval(m[1], m[2]);
  const range = t.replace(/\s+között$/, '');
  if ((m = /^(\d{4})\s*[-–—/]\s*(\d{2}|\d{4})$/.exec(range))) return interval(m[1], m[2]);
  // Two full phrases around a dash with spaces: "1956. október 23. – 1956. november 4."
  if ((m = /^(.+?)\s+[-–—]\s+(.+)$/.exec(range))) return interval(m[1], m[2]);
  return null;
}

const ACCEPTED = {
  en: 'Accepted: 1956, 1956 körül, kb. 1930, 1950-es évek, 1956 ősz, 1956. október 23., 1956.10.23., 1944/45, 1880-1890 között, 1890 után, 1880 előtt, or EDTF (1956~, 195X, 1944/1945).',
  hu: 'Elfogadott: 1956, 1956 körül, kb. 1930, 1950-es évek, 1956 ősz, 1956. október 23., 1956.10.23., 1944/45, 1880-1890 között, 1890 után, 1880 előtt vagy EDTF (1956~, 195X, 1944/1945).',
};

/**
 * Reads a date as a person writes it into EDTF. Empty stays empty (an unknown date). A phrase that
 * cannot be read is refused with a message saying what is accepted, in the language asked for.
 */
export function readDate(input: string, lang: 'en' | 'hu' = 'en'): DateReading {
  const raw = input.trim().replace(/\s+/g, ' ');
  if (!raw) return { ok: true, edtf: '' };
  const direct = parseEdtf(raw);
  if (direct.ok) return { ok: true, edtf: raw };
  let t = raw.toLocaleLowerCase('hu').normalize('NFC');
  // "1930 körül?" and "1956?" in words: uncertain. "kb." and "körül": approximate.
  let uncertain = false;
  if (t.endsWith('?')) {
    uncertain = true;
    t = t.slice(0, -1).trim();
  }
  let approximate = false;
  let m: RegExpExecArray | null;
  if ((m = APPROX_BEFORE.exec(t)) || (m = APPROX_AFTER.exec(t))) {
    approximate = true;
    t = m[1].trim();
  }
  const core = readUnqualified(t);
  if (core) {
    const qualifier = approximate && uncertain ? '%' : approximate ? '~' : uncertain ? '?' : '';
    // Qualifiers go on a single point; on an interval they go on both ends (EDTF level 1).
    const edtf = !qualifier ? core : core.includes('/') ? core.split('/').map((p) => (p === '..' ? p : p + qualifier)).join('/') : core + qualifier;
    if (parseEdtf(edtf).ok) return { ok: true, edtf };
  }
  const reason = direct.error;
  // Typed as EDTF (digits, X, -, /, qualifiers) but wrong, like 1956-02-30: the precise reason is the answer.
  if (lang === 'en' && /^[\dX?~%\[\]{},/-]+$/.test(raw)) return { ok: false, error: reason };
  return {
    ok: false,
    error: lang === 'hu' ? `„${raw}” nem olvasható dátumként. ${ACCEPTED.hu}` : `"${raw}" cannot be read as a date (${reason}). ${ACCEPTED.en}`,
  };
}

/**
 * A stored date as a Hungarian spreadsheet shows it ("1956. október 23.", "1950-es évek"), where
 * reading that text back gives exactly the same EDTF; otherwise the EDTF itself, so an export
 * always imports back unchanged.
 */
export function dateForSpreadsheet(edtf: string, lang: 'en' | 'hu'): string {
  if (lang !== 'hu' || !edtf.trim()) return edtf;
  const said = describeEdtf(edtf, 'hu');
  const back = readDate(said);
  return back.ok && back.edtf === edtf ? said : edtf;
}
