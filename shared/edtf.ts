// Archival dates in EDTF (Library of Congress, ISO 8601-2): the text is kept as entered
// and earliest/latest bounds are derived for sorting, filtering and the timeline.

export interface EdtfDate {
  /** Earliest ISO day the date allows. */
  from: string;
  /** Latest ISO day the date allows. */
  to: string;
  approximate: boolean;
  uncertain: boolean;
}

export type EdtfParse = { ok: true; value: EdtfDate | null } | { ok: false; error: string };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';
/** EDTF level 1 seasons: 1956-21 is spring 1956, …, 1956-24 winter 1956. */
export const SEASON_CODES: Record<Season, number> = { spring: 21, summer: 22, autumn: 23, winter: 24 };
// As Hungarians (and the northern hemisphere) mean them: tavasz March–May, nyár June–August,
// ősz September–November, tél December to February of the next year.
const SEASON_MONTHS: Record<number, [number, number]> = { 21: [3, 5], 22: [6, 8], 23: [9, 11], 24: [12, 14] };

/**
 * How far an open end reaches, for search and the timeline: "after 1890" (1890/..) is taken to
 * mean 1890–1910 and "before 1880" (../1880) 1860–1880. Captions that say "after" mean "soon
 * after" in practice; twenty years keeps such photos in the decades people search for them by.
 */
export const OPEN_END_HORIZON_YEARS = 20;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface Bounds {
  from: string;
  to: string;
  approximate: boolean;
  uncertain: boolean;
}

// One point: YYYY, YYYY-MM, YYYY-MM-DD, with X for unspecified digits and ?, ~, % qualifiers.
const POINT = /^(\d{2}[\dX]{2})(?:-([\dX]{2})(?:-([\dX]{2}))?)?([?~%])?$/;

function parsePoint(text: string): Bounds | string {
  const match = POINT.exec(text);
  if (!match) return `"${text}" is not a date: use a year (1956), a month (1956-10), a day (1956-10-23), 195X, 1956~ or 1956?`;
  const [, yearText, monthText, dayText, qualifier] = match;
  const yearFrom = Number(yearText.replace(/X/g, '0'));
  const yearTo = Number(yearText.replace(/X/g, '9'));
  let monthFrom = 1;
  let monthTo = 12;
  if (monthText !== undefined) {
    if (yearText.includes('X') && monthText !== 'XX') return `"${text}": a month needs a whole year`;
    const season = SEASON_MONTHS[Number(monthText)];
    if (season) {
      if (dayText !== undefined) return `"${text}": a season has no days`;
      const endYear = yearTo + (season[1] > 12 ? 1 : 0);
      const endMonth = season[1] > 12 ? season[1] - 12 : season[1];
      return {
        from: `${pad(yearFrom, 4)}-${pad(season[0], 2)}-01`,
        to: `${pad(endYear, 4)}-${pad(endMonth, 2)}-${pad(daysInMonth(endYear, endMonth), 2)}`,
        approximate: qualifier === '~' || qualifier === '%',
        uncertain: qualifier === '?' || qualifier === '%',
      };
    }
    if (monthText !== 'XX') {
      monthFrom = monthTo = Number(monthText);
      if (monthFrom < 1 || monthFrom > 12) return `"${text}": month ${monthText} does not exist (21–24 are the seasons)`;
    }
  }
  let dayFrom = 1;
  let dayTo = daysInMonth(yearTo, monthTo);
  if (dayText !== undefined) {
    if (monthText === 'XX' && dayText !== 'XX') return `"${text}": a day needs a month`;
    if (dayText !== 'XX') {
      dayFrom = dayTo = Number(dayText);
      if (dayFrom < 1 || dayFrom > daysInMonth(yearFrom, monthFrom)) return `"${text}": day ${dayText} does not exist`;
    }
  }
  return {
    from: `${pad(yearFrom, 4)}-${pad(monthFrom, 2)}-${pad(dayFrom, 2)}`,
    to: `${pad(yearTo, 4)}-${pad(monthTo, 2)}-${pad(dayTo, 2)}`,
    approximate: qualifier === '~' || qualifier === '%',
    uncertain: qualifier === '?' || qualifier === '%',
  };
}

/** Parses EDTF text. An empty text is a valid unknown date (value null). */
export function parseEdtf(input: string): EdtfParse {
  const text = input.trim();
  if (!text) return { ok: true, value: null };
  // One of a set: [1955,1956] or [1955..1957]
  const set = /^[[{](.+)[\]}]$/.exec(text);
  const parts = set ? set[1].split(/\s*,\s*|\.\./) : text.includes('/') ? text.split('/') : [text];
  if (!set && parts.length > 2) return { ok: false, error: `"${text}": an interval has one "/"` };
  const bounds: Bounds[] = [];
  for (const part of parts) {
    if (!set && (part === '..' || part === '')) continue; // open interval end
    const parsed = parsePoint(part.trim());
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    bounds.push(parsed);
  }
  if (bounds.length === 0) return { ok: false, error: `"${text}": an interval needs at least one end` };
  let from = bounds.reduce((a, b) => (a.from <= b.from ? a : b)).from;
  let to = bounds.reduce((a, b) => (a.to >= b.to ? a : b)).to;
  if (!set && parts.length === 2 && bounds.length === 1) {
    // An open end gets a real bound for searching (see OPEN_END_HORIZON_YEARS).
    const openStart = parts[0].trim() === '..' || parts[0].trim() === '';
    if (openStart) from = `${pad(Number(from.slice(0, 4)) - OPEN_END_HORIZON_YEARS, 4)}-01-01`;
    else to = `${pad(Number(to.slice(0, 4)) + OPEN_END_HORIZON_YEARS, 4)}-12-31`;
  }
  if (!set && parts.length === 2 && bounds.length === 2 && bounds[0].from > bounds[1].to) {
    return { ok: false, error: `"${text}": the interval ends before it starts` };
  }
  return {
    ok: true,
    value: {
      from,
      to,
      approximate: bounds.some((b) => b.approximate),
      uncertain: bounds.some((b) => b.uncertain) || set !== null,
    },
  };
}

/** The years a date may fall in, for year search and facets. */
export function edtfYears(input: string): { from: number; to: number } | null {
  const parsed = parseEdtf(input);
  if (!parsed.ok || !parsed.value) return null;
  return { from: Number(parsed.value.from.slice(0, 4)), to: Number(parsed.value.to.slice(0, 4)) };
}

const SEASON_NAMES = {
  en: { 21: 'spring', 22: 'summer', 23: 'autumn', 24: 'winter' } as Record<number, string>,
  // "1956 ősze": the season of that year, as Hungarian captions write it.
  hu: { 21: 'tavasza', 22: 'nyara', 23: 'ősze', 24: 'tele' } as Record<number, string>,
};

/**
 * Hungarian decades take -as or -es by how the number is said: tíz, negyven, ötven, hetven,
 * kilencven end in front vowels (1910-es, 1950-es), húsz, harminc, hatvan, nyolcvan and the round
 * hundreds in back ones (1920-as, 1960-as, 1900-as).
 */
export function hungarianDecadeSuffix(decadeStart: number): 'as' | 'es' {
  const tens = Math.floor(decadeStart / 10) % 10;
  return [1, 4, 5, 7, 9].includes(tens) ? 'es' : 'as';
}

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  hu: ['január', 'február', 'március', 'április', 'május', 'június', 'július', 'augusztus', 'szeptember', 'október', 'november', 'december'],
};

/** One point in words: "1950s", "October 1956", "23 October 1956" (Hungarian: "1956. október 23."). */
function describePoint(point: string, lang: 'en' | 'hu'): string {
  const decade = /^(\d{3})X$/.exec(point);
  if (decade) return lang === 'hu' ? `${decade[1]}0-${hungarianDecadeSuffix(Number(decade[1]) * 10)} évek` : `${decade[1]}0s`;
  const century = /^(\d{2})XX$/.exec(point);
  if (century) return lang === 'hu' ? `${century[1]}00-as évek` : `${century[1]}00s`;
  const season = /^(\d{4})-(2[1-4])$/.exec(point);
  if (season) {
    const name = SEASON_NAMES[lang][Number(season[2])];
    return lang === 'hu' ? `${season[1]} ${name}` : `${name} ${season[1]}`;
  }
  const day = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(point);
  if (day && day[2] !== 'XX') {
    const month = MONTHS[lang][Number(day[2]) - 1];
    if (!month) return point;
    if (day[3] === undefined || day[3] === 'XX') return lang === 'hu' ? `${day[1]}. ${month}` : `${month} ${day[1]}`;
    return lang === 'hu' ? `${day[1]}. ${month} ${Number(day[3])}.` : `${Number(day[3])} ${month} ${day[1]}`;
  }
  return point;
}

/** Says a date in words for people: "about 1956", "1950s", "1944–1945", "1955 or 1956". */
export function describeEdtf(input: string, lang: 'en' | 'hu' = 'en'): string {
  const text = input.trim();
  const parsed = parseEdtf(text);
  if (!parsed.ok || !parsed.value) return text;
  const { approximate, uncertain } = parsed.value;
  const bare = text.replace(/[?~%]/g, '');
  const set = /^[[{](.+)[\]}]$/.exec(bare);
  let core: string;
  if (set) {
    const range = /^(.+?)\.\.(.+)$/.exec(set[1]);
    const items = set[1].split(/\s*,\s*/).map((p) => describePoint(p.trim(), lang));
    const or = lang === 'hu' ? ' vagy ' : ' or ';
    core = range
      ? lang === 'hu'
        ? `${describePoint(range[1], lang)} és ${describePoint(range[2], lang)} között`
        : `between ${describePoint(range[1], lang)} and ${describePoint(range[2], lang)}`
      : items.length > 1
        ? `${items.slice(0, -1).join(', ')}${or}${items[items.length - 1]}`
        : items[0];
  } else if (bare.includes('/')) {
    const [from, to] = bare.split('/');
    if (!from || from === '..') core = lang === 'hu' ? `${describePoint(to, lang)} vagy előtte` : `${describePoint(to, lang)} or earlier`;
    else if (!to || to === '..') core = lang === 'hu' ? `${describePoint(from, lang)} vagy később` : `${describePoint(from, lang)} or later`;
    else core = `${describePoint(from, lang)}–${describePoint(to, lang)}`;
  } else {
    core = describePoint(bare, lang);
  }
  if (approximate) core = lang === 'hu' ? `${core} körül` : `about ${core}`;
  if (uncertain && !set) core = lang === 'hu' ? `${core} (bizonytalan)` : `${core} (uncertain)`;
  return core;
}
