// What every command shares: argument parsing, output, user errors, opening the catalogue.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { Catalogue, type OpenOptions } from '../catalogue/catalogue.ts';
import type { OpenCatalogue } from '../catalogue/openCatalogue.ts';
import { isPostgresLocation } from '../catalogue/catalogueLocation.ts';
import type { Photo } from '../../shared/types.ts';
import { effectiveLicence } from '../../shared/credit.ts';
import { escapeControlCharacters } from '../../shared/fieldLimits.ts';

/** A mistake in how the command was called: printed as one line, exit code 1. */
export class UsageError extends Error {
  // Told apart by name in errorMessage.ts, which must not load this module (and the catalogue with it) at start-up.
  override name = 'UsageError';
}

export type Options = NonNullable<ParseArgsConfig['options']>;
const COMMON: Options = { catalogue: { type: 'string', short: 'c' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };

export function parse(args: string[], extra: Options = {}) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...extra }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
}

export function requireCatalogue(values: Record<string, unknown>): string {
  const dir = values.catalogue;
  if (typeof dir !== 'string' || !dir) throw new UsageError('--catalogue <dir> is required');
  return dir;
}

export function parseIds(positionals: string[], min = 1): number[] {
  if (positionals.length < min) throw new UsageError('give at least one photo id');
  return positionals.map((text) => {
    const id = Number(text);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`not a photo id: ${text}`);
    return id;
  });
}

/**
 * Everything a command prints goes through here: metadata is text from strangers, and an
 * escape sequence in a title (ESC ]52; writes the clipboard) must reach no terminal.
 */
/**
 * Items without the message keys the API carries for the UI (`key`, `params`): the CLI speaks
 * English, and its JSON stays as it always was.
 */
export function englishOnly<T extends { key?: unknown; params?: unknown }>(items: readonly T[]): Omit<T, 'key' | 'params'>[] {
  return items.map(({ key: _key, params: _params, ...rest }) => rest);
}

export function out(text: string): void {
  const safe = escapeControlCharacters(text);
  process.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}

/** A line on stderr (warnings, errors), as safe as `out`. */
export function warn(text: string): void {
  process.stderr.write(`${escapeControlCharacters(text)}\n`);
}

/** A photo as `show --json` and `edit --json` print it: the licence that applies, filled in. */
export function showPhoto(photo: Photo) {
  return { ...photo, licence: effectiveLicence(photo) };
}

/**
 * A folder catalogue, or a team catalogue on PostgreSQL (postgres://…) opened under the
 * archivist's name; the team's code (and the PostgreSQL driver) is loaded only for one.
 */
export async function openForCommand(dir: string, options: OpenOptions & { as?: string }): Promise<OpenCatalogue> {
  if (!isPostgresLocation(dir)) return Catalogue.open(dir, options);
  const [{ openCatalogueAt }, { chosenArchivist }, { defaultCacheDirectory }, { defaultConfigDirectory }] = await Promise.all([
    import('../catalogue/openLocation.ts'),
    import('./teamCatalogue.ts'),
    import('../preferences/cacheDirectory.ts'),
    import('../preferences/userPreferences.ts'),
  ]);
  return await openCatalogueAt(dir, { purpose: 'fototar', chosenArchivist: chosenArchivist(), cacheDir: defaultCacheDirectory(), configDir: defaultConfigDirectory(), ...(options.as === undefined ? {} : { givenArchivist: options.as }) });
}

/** `as`: the archivist a team catalogue records this command's changes under (--as). */
export async function withCatalogue<T>(dir: string, create: boolean, work: (catalogue: OpenCatalogue) => Promise<T> | T, as?: string): Promise<T> {
  const catalogue = await openForCommand(dir, { create, ...(as === undefined ? {} : { as }) });
  try {
    // A command writes: a damaged database is refused before anything is changed.
    await catalogue.whenWritable();
    return await work(catalogue);
  } finally {
    await catalogue.close();
  }
}

/** For commands that only read: they work while the app or a server has the catalogue open. */
export async function withCatalogueReadOnly<T>(dir: string, work: (catalogue: OpenCatalogue) => Promise<T> | T): Promise<T> {
  const catalogue = await openForCommand(dir, { readOnly: true });
  try {
    return await work(catalogue);
  } finally {
    await catalogue.close();
  }
}

/** A command takes its arguments (after the command name) and writes to stdout. */
export type Command = (args: string[]) => Promise<void>;
