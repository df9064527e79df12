// Hungarian word forms for matching: people type the form their sentence needs ("Budapesten",
// "villamossal", "a templomban"), captions hold other forms ("Budapest", "villamos",
// "plébániatemplom"). This is a light suffix stripper of our own, applied the same way to the
// index's vocabulary and to the query: a word's forms are the word itself and what it may be
// with one case ending, then a plural, then a possessive taken off; its stem is the likeliest of
// them. Two words match when the stem of one is among the forms of the other ("Dunán" and
// "Dunáról" both have the stem duna; "szobrot" has the stem szobor, a form of "szobra").
//
// It works on folded words (see textFold.ts): the index and the parsed query hold nothing else.
// Folding already undoes the lengthening of a stem's last vowel before an ending (Duna ->
// Dunán, Dunának; kapu -> kapuja: "dunan" minus "n" is "duna"), so lengthening needs no rule.
// Vowel harmony picks -ban or -ben by the stem's vowels; folded, ö/ü/ő/ű read as o/u, so the
// check only refuses what no Hungarian word does: a front ending (-ben, -nek, -en, -et...)
// after a stem whose last vowel is a, a back ending (-ban, -nak, -on, -at...) after a stem whose
// vowels are all e (i-only stems take either: híd -> hídon, víz -> vízen).
//
// Left alone on purpose: the derivational -i (budai, dunai, téri are other words) and -s, the
// possessor -é, verb endings. Donors and photographers are only ever matched as written (see
// electron/catalogue/search/wordForms.ts, which applies this rule to the index's words).

/** Stems (folded) that drop or change a vowel before an ending: szobor -> szobrot, szobra. */
const ALTERNATING_STEMS: Record<string, string> = {
  szobr: 'szobor',
  bokr: 'bokor',
  torny: 'torony',
  sark: 'sarok',
  dolg: 'dolog',
  term: 'terem',
  satr: 'sator',
  cukr: 'cukor',
  tukr: 'tukor',
  gyomr: 'gyomor',
  majm: 'majom',
  vodr: 'vodor',
  // Shortened or v-stems: tó -> tavak, ló -> lovak, kő -> kövek, mű -> művek, falu -> falvak.
  tav: 'to',
  lov: 'lo',
  kov: 'ko',
  muv: 'mu',
  szav: 'szo',
  hav: 'ho',
  falv: 'falu',
};

const VOWELS = 'aeiou';
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);

type Harmony = 'back' | 'front' | 'any';

/** Case endings, longest first (folded: -ból/-ből are both "bol"). */
const CASE_ENDINGS: { ending: string; harmony: Harmony; after?: 'vowel' | 'consonant' }[] = [
  { ending: 'kent', harmony: 'any' },
  { ending: 'ban', harmony: 'back' },
  { ending: 'ben', harmony: 'front' },
  { ending: 'bol', harmony: 'any' },
  { ending: 'rol', harmony: 'any' },
  { ending: 'tol', harmony: 'any' },
  { ending: 'nak', harmony: 'back' },
  { ending: 'nek', harmony: 'front' },
  { ending: 'nal', harmony: 'back' },
  { ending: 'nel', harmony: 'front' },
  { ending: 'hoz', harmony: 'any' },
  { ending: 'hez', harmony: 'front' },
  { ending: 'val', harmony: 'back', after: 'vowel' },
  { ending: 'vel', harmony: 'front', after: 'vowel' },
  { ending: 'ert', harmony: 'any' },
  { ending: 'ba', harmony: 'back' },
  { ending: 'be', harmony: 'front' },
  { ending: 'ra', harmony: 'back' },
  { ending: 're', harmony: 'front' },
  { ending: 'ig', harmony: 'any' },
  { ending: 'on', harmony: 'back', after: 'consonant' },
  { ending: 'en', harmony: 'front', after: 'consonant' },
  { ending: 'n', harmony: 'any', after: 'vowel' },
  { ending: 'ot', harmony: 'back', after: 'consonant' },
  { ending: 'at', harmony: 'back', after: 'consonant' },
  { ending: 'et', harmony: 'front', after: 'consonant' },
  { ending: 't', harmony: 'any', after: 'vowel' },
];

/** Digraphs double their first letter: busz -> busszal, Kovács -> Kováccsal. */
const DIGRAPHS = ['sz', 'zs', 'cs', 'gy', 'ly', 'ny', 'ty', 'dz'];
const DIGRAPH_TAILS = DIGRAPHS.flatMap((digraph) => ['al', 'el'].map((ending) => ({ digraph, tail: `${digraph[0]}${digraph}${ending}` })));

// Two letters: út -> úton, útra; tó -> tavon goes through the table below.
const MIN_STEM = 2;

function lastVowel(stem: string): string | undefined {
  for (let i = stem.length - 1; i >= 0; i--) if (isVowel(stem[i])) return stem[i];
  return undefined;
}

function harmonyAllows(stem: string, harmony: Harmony): boolean {
  if (harmony === 'any') return true;
  const last = lastVowel(stem);
  if (last === undefined) return false;
  if (harmony === 'front') return last !== 'a';
  // Back: a back vowel somewhere, or only i (híd -> hídon).
  return /[aou]/.test(stem) || !stem.includes('e');
}

function acceptable(stem: string): boolean {
  return stem.length >= MIN_STEM && /[aeiou]/.test(stem);
}

/** The word without one case ending, every way it can be read ("teren": ter+en, tere+n). */
function caseStems(word: string): string[] {
  const out: string[] = [];
  for (const { ending, harmony, after } of CASE_ENDINGS) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    const before = stem.at(-1);
    if (after === 'vowel' && !isVowel(before)) continue;
    if (after === 'consonant' && (before === undefined || isVowel(before))) continue;
    if (acceptable(stem) && harmonyAllows(stem, harmony)) out.push(stem);
  }
  // -val/-vel after a consonant: the v turns into that consonant (villamossal, Parlamenttel),
  // a digraph doubles its first letter (busz -> busszal).
  if (word.endsWith('al') || word.endsWith('el')) {
    const harmony: Harmony = word.at(-2) === 'a' ? 'back' : 'front';
    const digraph = DIGRAPH_TAILS.find((d) => word.endsWith(d.tail));
    const doubled = word.length > 4 && word.at(-3) === word.at(-4) && !isVowel(word.at(-3));
    const stem = digraph ? word.slice(0, -digraph.tail.length) + digraph.digraph : doubled ? word.slice(0, -3) : null;
    if (stem && acceptable(stem) && harmonyAllows(stem, harmony)) out.push(stem);
  }
  return out;
}

/** The word without a plural: utcák -> utca, templomok -> templom, hidak -> hid. */
function pluralStems(word: string): string[] {
  if (!word.endsWith('k')) return [];
  const before = word.at(-2);
  if (isVowel(before) && !isVowel(word.at(-3))) {
    // -ok/-ak/-ek after a consonant, or a vowel-final stem plus -k (katona + k).
    const out: string[] = [];
    const short = word.slice(0, -2);
    const harmony: Harmony = before === 'e' ? 'front' : before === 'i' ? 'any' : 'back';
    if (acceptable(short) && harmonyAllows(short, harmony)) out.push(short);
    const long = word.slice(0, -1);
    if (acceptable(long)) out.push(long);
    return out;
  }
  const stem = word.slice(0, -1);
  return isVowel(before) && acceptable(stem) ? [stem] : [];
}

/** The word without a possessive: kapuja -> kapu, szobra -> szobr, házai -> ház, tere -> ter. */
function possessiveStems(word: string): string[] {
  const out: string[] = [];
  for (const ending of ['jai', 'jei', 'ja', 'je']) {
    if (word.endsWith(ending)) {
      const stem = word.slice(0, -ending.length);
      if (acceptable(stem)) out.push(stem);
      return out;
    }
  }
  for (const ending of ['ai', 'ei', 'a', 'e']) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (isVowel(stem.at(-1)) || !acceptable(stem)) continue;
    if (harmonyAllows(stem, ending.startsWith('a') ? 'back' : 'front')) out.push(stem);
  }
  return out;
}

/** The alternating stems of four or more letters also end compounds: lovasszobra -> lovasszobor. */
const ALTERNATING_ENDINGS = Object.keys(ALTERNATING_STEMS).filter((k) => k.length >= 4);

function normalised(stem: string): string {
  const whole = ALTERNATING_STEMS[stem];
  if (whole) return whole;
  for (const ending of ALTERNATING_ENDINGS) if (stem.length > ending.length && stem.endsWith(ending)) return stem.slice(0, -ending.length) + ALTERNATING_STEMS[ending];
  return stem;
}

/** How a stem may be spelled at the start of its inflected words: szobor -> szobor, szobr. */
export function stemSpellings(stem: string): string[] {
  return SPELLINGS.get(stem) ?? [stem];
}

const SPELLINGS = new Map<string, string[]>();
for (const [spelling, stem] of Object.entries(ALTERNATING_STEMS)) SPELLINGS.set(stem, [...(SPELLINGS.get(stem) ?? [stem]), spelling]);

const plainWord = (word: string) => word.length >= 4 && /^[a-z]+$/.test(word);

/**
 * A folded word's forms: itself, then what it may be without a case ending, a plural and a
 * possessive (each optional, in that order from the end), every way it can be read. Numbers
 * and words shorter than four letters are only themselves.
 */
export function hungarianForms(word: string): string[] {
  if (!plainWord(word)) return [word];
  const forms = new Set<string>([word]);
  for (const afterCase of [word, ...caseStems(word)]) {
    forms.add(normalised(afterCase));
    for (const afterPlural of [afterCase, ...pluralStems(afterCase)]) {
      forms.add(normalised(afterPlural));
      for (const stem of possessiveStems(afterPlural)) forms.add(normalised(stem));
    }
  }
  return [...forms];
}

/**
 * The word's stem: the most likely reading, with the ambiguous cuts left out. A bare -a/-e (or
 * -ai/-ei) may be a possessive or the word's own last letter (utca, Duna; utcai is another
 * word), so the stem keeps it unless the stem alternates (szobra -> szobor); -ja/-je is cut.
 * Budapesten -> budapest, Dunán -> duna, harckocsival -> harckocsi, templomok -> templom.
 *
 * Two words match when the stem of one is among the forms of the other: "utcán" (stem utca)
 * finds "utcák" (forms utcak, utca) but not "utcai" (forms utcai, utc).
 */
export function hungarianStem(word: string): string {
  if (!plainWord(word)) return word;
  const readings = [word, ...caseStems(word)].map(primaryReading);
  // A reading through an alternating stem is the telling one: szobra is szobor's possessive,
  // not "szob" plus -ra.
  const alternating = readings.find((r) => r.alternated);
  return (alternating ?? readings[1] ?? readings[0]).stem;
}

/** The plural and the unambiguous possessive taken off what is left after a case ending. */
function primaryReading(afterCase: string): { stem: string; alternated: boolean } {
  // -ak after a vowel-final stem reads as its lengthened vowel plus -k (katonák, utcák);
  // -ok/-ek/-ök as the linking vowel of a consonant-final stem (templomok, emberek). Folded
  // text cannot tell hidak from katonák: the other word's forms cover the wrong guess.
  const plurals = pluralStems(afterCase);
  const afterPlural = plurals.length === 2 ? plurals[afterCase.at(-2) === 'a' && normalised(plurals[0]) === plurals[0] ? 1 : 0] : (plurals[0] ?? afterCase);
  const possessive = possessiveStems(afterPlural);
  const jStem = /j[ae]i?$/.test(afterPlural) ? possessive[0] : undefined;
  const alternating = [afterPlural, ...possessive].find((s) => normalised(s) !== s);
  const stem = alternating ?? jStem ?? afterPlural;
  return { stem: normalised(stem), alternated: alternating !== undefined };
}
