// `fototar credits <id...> [--format txt|md]`: the numbered credit list of some photos (as before).
// `fototar credits --collection <name> --format txt|md|html|csv|docx --style fortepan|press|commons|tasl
//  --lang hu|en [--out file] [--overwrite]`: a collection's credit list, in its order, numbered as
// figures. Giving --style or --lang (or a new format) with ids makes the same figure list of them.
// Warnings (no licence, ShareAlike, the same photo twice) go to stderr, never into the list.
import fs from 'node:fs';
import path from 'node:path';
import { parse, requireCatalogue, parseIds, withCatalogueReadOnly, UsageError, warn, type Command } from '../cliSupport.ts';
import { escapeControlCharacters } from '../../../shared/fieldLimits.ts';
import { CREDIT_LANGS, CREDIT_STYLES, type CreditLang, type CreditStyle } from '../../../shared/creditStyles.ts';
import { CREDIT_LIST_FORMATS, creditWarnings, type CreditListFormat } from '../../../shared/figureCredits.ts';

function pick<T extends string>(value: unknown, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be ${allowed.join('|')} (got ${String(value)})`);
}

/** Writes a file whole or not at all; refuses to replace one unless told to. */
export function writeOutputFile(file: string, data: Buffer, overwrite: boolean): void {
  const target = path.resolve(file);
  if (!overwrite && fs.existsSync(target)) throw new UsageError(`${target} exists; add --overwrite to replace it`);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.part`);
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new UsageError(`cannot write ${target}: ${(error as Error).message}`);
  }
}

export const credits: Command = async (args) => {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f' },
    collection: { type: 'string' },
    style: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string', short: 'o' },
    overwrite: { type: 'boolean' },
  });
  const collection = values.collection;
  const format = pick<CreditListFormat>(values.format, CREDIT_LIST_FORMATS, 'format', 'txt');
  const figureList = collection !== undefined || values.style !== undefined || values.lang !== undefined || (format !== 'txt' && format !== 'md');
  if (typeof collection === 'string' && positionals.length) throw new UsageError('give either --collection <name> or photo ids, not both');
  if (values.collection === '') throw new UsageError('--collection needs a name');

  if (!figureList) {
    const ids = parseIds(positionals);
    if (values.out || values.overwrite) throw new UsageError('--out needs --collection (or --style/--lang)');
    await withCatalogueReadOnly(requireCatalogue(values), async (catalogue) => {
      process.stdout.write(escapeControlCharacters(await catalogue.photos.creditList(ids, format as 'txt' | 'md')));
    });
    return;
  }

  const style = pick<CreditStyle>(values.style, CREDIT_STYLES, 'style', 'fortepan');
  const lang = pick<CreditLang>(values.lang, CREDIT_LANGS, 'lang', 'en');
  const out = typeof values.out === 'string' ? values.out : null;
  if (format === 'docx' && !out && process.stdout.isTTY) throw new UsageError('DOCX is a binary file: give --out <file.docx>');
  await withCatalogueReadOnly(requireCatalogue(values), async (catalogue) => {
    let name = '';
    let picks;
    if (typeof collection === 'string') {
      const service = catalogue.collections;
      const id = await service.idByName(collection);
      name = (await service.summary(id)).name;
      picks = await service.picks(id);
    } else {
      const ids = parseIds(positionals);
      const photos = await catalogue.photos.getMany(ids);
      const found = new Set(photos.map((p) => p.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) throw new UsageError(`no photo with id ${missing.join(', ')} in this catalogue`);
      picks = photos.map((photo, i) => ({ itemId: i + 1, photo, modified: false }));
    }
    for (const warning of creditWarnings(picks.map((p) => ({ photo: p.photo, modified: p.modified })), { style, lang })) {
      warn(`${lang === 'hu' ? 'figyelmeztetés' : 'warning'}: ${warning.message}`);
    }
    const data = await catalogue.collections.creditsFileOf(name, picks, { style, lang, format });
    if (out) writeOutputFile(out, data, Boolean(values.overwrite));
    // Text formats are shown as `out` shows text (control characters escaped); DOCX is binary.
    else process.stdout.write(format === 'docx' ? data : escapeControlCharacters(data.toString('utf8')));
  });
};
