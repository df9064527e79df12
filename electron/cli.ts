// The command line: a product feature and the interface acceptance checks use.
// `--json` prints one JSON document on stdout. User errors print one line on stderr and exit 1.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { Catalogue } from './catalogue/catalogue.ts';
import { CatalogueError } from './catalogue/catalogueError.ts';
import { photoPatchSchema } from '../shared/api.ts';
import type { Photo, PhotoPatch } from '../shared/types.ts';
import { effectiveLicence } from '../shared/credit.ts';
import { startServer } from './server.ts';

class UsageError extends Error {}

const USAGE = `Usage: fototar <command> [options]
  ingest <path...> --catalogue <dir> [--json]
  list --catalogue <dir> [--json]
  show <id> --catalogue <dir> [--json]
  edit <id...> --catalogue <dir> [--title t] [--caption c] [--date d] [--donor d] [--photographer p]
       [--country c] [--city c] [--place p] [--tags "a;b"] [--licence l] [--source s] [--notes n] [--json]
  search "<query>" --catalogue <dir> [--limit n] [--json]
  credits <id...> --catalogue <dir> [--format txt|md]
  serve --catalogue <dir> [--port n]`;

const EDIT_OPTIONS = ['title', 'caption', 'date', 'donor', 'photographer', 'country', 'city', 'place', 'tags', 'licence', 'source', 'notes'] as const;

type Options = NonNullable<ParseArgsConfig['options']>;
const COMMON: Options = { catalogue: { type: 'string', short: 'c' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };

function parse(args: string[], extra: Options = {}) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...extra }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
}

function requireCatalogue(values: Record<string, unknown>): string {
  const dir = values.catalogue;
  if (typeof dir !== 'string' || !dir) throw new UsageError('--catalogue <dir> is required');
  return dir;
}

function parseIds(positionals: string[], min = 1): number[] {
  if (positionals.length < min) throw new UsageError('give at least one photo id');
  return positionals.map((text) => {
    const id = Number(text);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`not a photo id: ${text}`);
    return id;
  });
}

function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

function showPhoto(photo: Photo) {
  return { ...photo, licence: effectiveLicence(photo) };
}

function describe(photo: Photo): string {
  const lines: [string, string | number | null][] = [
    ['id', photo.id],
    ['file', photo.file],
    ['fortepan', photo.fortepanId],
    ['title', photo.title],
    ['caption', photo.caption],
    ['date', photo.date],
    ['donor', photo.donor],
    ['photographer', photo.photographer],
    ['place', [photo.country, photo.city, photo.place].filter(Boolean).join(', ')],
    ['tags', photo.tags.join('; ')],
    ['licence', effectiveLicence(photo)],
    ['credit', photo.credit],
    ['size', photo.width && photo.height ? `${photo.width}×${photo.height}` : null],
  ];
  return lines
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k.padEnd(13)}${v}`)
    .join('\n');
}

async function withCatalogue<T>(dir: string, create: boolean, work: (catalogue: Catalogue) => Promise<T> | T): Promise<T> {
  const catalogue = Catalogue.open(dir, { create });
  try {
    return await work(catalogue);
  } finally {
    catalogue.close();
  }
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  async ingest(args) {
    const { values, positionals } = parse(args);
    const dir = requireCatalogue(values);
    if (positionals.length === 0) throw new UsageError('give at least one file or folder to ingest');
    await withCatalogue(dir, true, async (catalogue) => {
      const controller = new AbortController();
      const onSignal = () => controller.abort();
      process.once('SIGINT', onSignal);
      let lastDraw = 0;
      const report = await catalogue.ingest(positionals, {
        signal: controller.signal,
        onProgress: (p) => {
          if (values.json || !process.stderr.isTTY || Date.now() - lastDraw < 100) return;
          lastDraw = Date.now();
          process.stderr.write(`\r${p.done}/${p.total} files  ${p.rate.toFixed(1)}/s  `);
        },
      });
      process.off('SIGINT', onSignal);
      if (!values.json && process.stderr.isTTY) process.stderr.write('\n');
      if (values.json) out(JSON.stringify(report));
      else {
        out(`added ${report.added}, updated ${report.updated}, unchanged ${report.unchanged}, failed ${report.failed.length}; ${report.photos} photos in the catalogue`);
        for (const failure of report.failed) out(`failed: ${failure.path}: ${failure.reason}`);
      }
    });
  },

  async list(args) {
    const { values } = parse(args);
    await withCatalogue(requireCatalogue(values), false, (catalogue) => {
      const photos = [...catalogue.photos.iterateAll()].map((p) => ({ id: p.id, file: p.file, fortepanId: p.fortepanId, title: p.title }));
      if (values.json) out(JSON.stringify({ photos }));
      else for (const p of photos) out(`${String(p.id).padStart(6)}  ${p.fortepanId !== null ? `Fortepan ${p.fortepanId}  ` : ''}${p.title || p.file}`);
    });
  },

  async show(args) {
    const { values, positionals } = parse(args);
    const [id] = parseIds(positionals);
    if (positionals.length > 1) throw new UsageError('show takes one photo id');
    await withCatalogue(requireCatalogue(values), false, (catalogue) => {
      const photo = catalogue.getPhoto(id);
      out(values.json ? JSON.stringify(showPhoto(photo)) : describe(photo));
    });
  },

  async edit(args) {
    const extra: Options = Object.fromEntries(EDIT_OPTIONS.map((name) => [name, { type: 'string' }]));
    const { values, positionals } = parse(args, extra);
    const ids = parseIds(positionals);
    const raw: Record<string, unknown> = {};
    for (const name of EDIT_OPTIONS) {
      const value = values[name];
      if (typeof value !== 'string') continue;
      raw[name] = name === 'tags' ? value.split(';').map((t) => t.trim()).filter(Boolean) : value;
    }
    if (Object.keys(raw).length === 0) throw new UsageError(`nothing to change: give at least one of ${EDIT_OPTIONS.map((o) => `--${o}`).join(', ')}`);
    const patch = photoPatchSchema.safeParse(raw);
    if (!patch.success) throw new UsageError(patch.error.issues[0].message);
    await withCatalogue(requireCatalogue(values), false, (catalogue) => {
      const photos = catalogue.updatePhotos(ids, patch.data as PhotoPatch);
      if (values.json) out(JSON.stringify({ photos: photos.map(showPhoto) }));
      else out(`saved ${photos.length} photo${photos.length === 1 ? '' : 's'}`);
    });
  },

  async search(args) {
    const { values, positionals } = parse(args, { limit: { type: 'string', short: 'n' } });
    if (positionals.length === 0) throw new UsageError('give a search query');
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number (got ${values.limit})`);
    await withCatalogue(requireCatalogue(values), false, (catalogue) => {
      const result = catalogue.search(positionals.join(' '), 0, limit);
      if (result.error) throw new UsageError(result.error);
      const hits = result.hits.map((h) => ({ id: h.id, fortepanId: h.fortepanId, title: h.title, file: h.file, credit: h.credit }));
      if (values.json) out(JSON.stringify({ total: result.total, hits }));
      else {
        out(`${result.total} photo${result.total === 1 ? '' : 's'}`);
        for (const h of hits) out(`${String(h.id).padStart(6)}  ${h.title || h.file}  (${h.credit})`);
      }
    });
  },

  async credits(args) {
    const { values, positionals } = parse(args, { format: { type: 'string', short: 'f' } });
    const ids = parseIds(positionals);
    const format = values.format ?? 'txt';
    if (format !== 'txt' && format !== 'md') throw new UsageError(`--format must be txt or md (got ${format})`);
    await withCatalogue(requireCatalogue(values), false, (catalogue) => {
      process.stdout.write(catalogue.creditList(ids, format));
    });
  },

  async serve(args) {
    const { values } = parse(args, { port: { type: 'string', short: 'p' } });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535 (got ${values.port})`);
    const catalogue = Catalogue.open(requireCatalogue(values), { create: true });
    const server = await startServer(catalogue, { port });
    out(`Fototar is serving ${catalogue.paths.root} in browser mode at ${server.url}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    catalogue.close();
  },
};

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command ? 0 : 1;
  }
  const run = commands[command];
  if (!run) {
    process.stderr.write(`fototar: unknown command "${command}"; run "fototar --help" for the list\n`);
    return 1;
  }
  try {
    await run(args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof CatalogueError) {
      process.stderr.write(`fototar ${command}: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`fototar ${command}: internal error: ${(error as Error).stack ?? error}\n`);
    return 2;
  }
}
