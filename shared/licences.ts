// The licences Fototar knows: the editor's pick list, the URLs credit lists link to, and what
// counts as "unknown" (a licence typed by hand that is none of these gets a warning in the
// editor and in the credit warnings, so stray typing cannot pass for a licence unseen).

export interface KnownLicence {
  /** As it is written in the catalogue and in credit lists. */
  name: string;
  url: string | null;
  /** Other ways the same licence is commonly written. */
  aliases: readonly string[];
}

export const KNOWN_LICENCES: readonly KnownLicence[] = [
  { name: 'CC BY-SA 3.0', url: 'https://creativecommons.org/licenses/by-sa/3.0/', aliases: ['CC-BY-SA-3.0', 'CC BY-SA 3.0 Unported'] },
  { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/', aliases: ['CC-BY-SA-4.0'] },
  { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', aliases: ['CC-BY-4.0'] },
  { name: 'CC BY 3.0', url: 'https://creativecommons.org/licenses/by/3.0/', aliases: ['CC-BY-3.0'] },
  { name: 'CC BY-SA 2.0', url: 'https://creativecommons.org/licenses/by-sa/2.0/', aliases: ['CC-BY-SA-2.0'] },
  { name: 'CC BY 2.0', url: 'https://creativecommons.org/licenses/by/2.0/', aliases: ['CC-BY-2.0'] },
  { name: 'CC BY-NC-SA 4.0', url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/', aliases: ['CC-BY-NC-SA-4.0'] },
  { name: 'CC BY-NC 4.0', url: 'https://creativecommons.org/licenses/by-nc/4.0/', aliases: ['CC-BY-NC-4.0'] },
  { name: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/', aliases: ['CC0', 'CC-0'] },
  { name: 'Public Domain Mark 1.0', url: 'https://creativecommons.org/publicdomain/mark/1.0/', aliases: ['Public domain', 'PDM', 'Közkincs'] },
  { name: 'All rights reserved', url: null, aliases: ['© All rights reserved', 'Minden jog fenntartva'] },
];

function key(text: string): string {
  return text.trim().toLocaleLowerCase('hu').replace(/[\s_-]+/g, ' ');
}

const BY_KEY = new Map<string, KnownLicence>();
for (const licence of KNOWN_LICENCES) for (const name of [licence.name, ...licence.aliases]) BY_KEY.set(key(name), licence);

/** The known licence this text names (ignoring case, spaces and dashes), if any. */
export function knownLicence(text: string): KnownLicence | undefined {
  return BY_KEY.get(key(text));
}

/** True for an empty licence (none recorded) or a known one; false for anything else typed. */
export function isKnownOrEmptyLicence(text: string): boolean {
  return !text.trim() || knownLicence(text) !== undefined;
}

/** The warning shown beside a licence that is not one of the known ones. */
export function unknownLicenceMessage(text: string): string {
  return `“${text.trim()}” is not a licence Fototar knows: check it, or pick one from the list.`;
}
