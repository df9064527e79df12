// The catalogue a window works in (Electron's window, browser mode's server) and the way to
// another: "Open catalogue…" opens the new one first — so a wrong password, a server out of reach
// or a folder that is no catalogue leaves the open one as it was — then closes the one before,
// and every window loads afresh (a `catalogueOpened` event). The API handler, the image routes
// and the event stream all ask the host for the catalogue of the moment, so none keeps the old.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiEnvelope } from '../shared/api.ts';
import type { CatalogueEvent } from '../shared/events.ts';
import { catalogueKind, isPostgresLocation, type CatalogueChoices } from '../shared/catalogueChoices.ts';
import { createApiHandler, type Platform } from './catalogue/apiHandler.ts';
import { CatalogueError, errorBody } from './catalogue/catalogueError.ts';
import { cataloguePaths } from './catalogue/cataloguePaths.ts';
import { resolveUserPath } from './catalogue/folders/userPath.ts';
import type { OpenCatalogue } from './catalogue/openCatalogue.ts';
import { openCatalogueAt, type LocationOptions } from './catalogue/openLocation.ts';
import { postgresAddressKey } from './catalogue/store/postgres/pgLocation.ts';
import type { RecentCatalogues } from './preferences/recentCatalogues.ts';
import type { SavedPasswords } from './preferences/savedPasswords.ts';

type Handle = (method: unknown, params: unknown) => Promise<ApiEnvelope<unknown>>;
/** A call as a window makes it: `catalogue`, the catalogue the window loaded (null before it knows). */
type WindowCall = (method: unknown, params: unknown, catalogue?: string | null) => Promise<ApiEnvelope<unknown>>;

/** How this host opens catalogues; without it (a test's server, one fixed catalogue) it serves one. */
export interface HostOpening {
  /** openCatalogueAt's options; the password is given per opening. */
  options: Omit<LocationOptions, 'password'>;
  recent: RecentCatalogues;
  passwords: SavedPasswords;
  /** Started on every catalogue the host opens: backups, the originals check (the app's and `serve`'s). */
  startDuties?(catalogue: OpenCatalogue): void;
}

export interface OpenRequest {
  location: string;
  /** A team catalogue's password typed for this opening. */
  password?: string;
  /** Keep the typed password in the OS keychain (true), or forget a kept one (false). */
  rememberPassword?: boolean;
  /**
   * Whether a folder that holds no catalogue may become a new one (a typed path: yes). A recent
   * catalogue, or the one of last time at start, is not made anew where it is gone: an empty
   * catalogue in its place (on a drive not connected, the folder made on another disk) would look
   * like every photo lost.
   */
  create?: boolean;
}

/**
 * Where a typed location points: a team address as written (a password in it is refused when
 * opening), or a folder's absolute path (`~` is home; a relative path is refused).
 */
export function locationOf(typed: string): string {
  const text = typed.trim();
  if (isPostgresLocation(text)) return text;
  const user = resolveUserPath(text);
  if (!user.ok) throw new CatalogueError('invalid-input', user.problem.key, user.problem.params);
  return user.path;
}

/** Whether two locations name one catalogue (one team database however its address is written). */
export function sameCatalogue(a: string, b: string): boolean {
  if (catalogueKind(a) !== catalogueKind(b)) return false;
  return catalogueKind(a) === 'folder' ? path.resolve(a) === path.resolve(b) : keyOf(a) === keyOf(b);
}

/**
 * A folder may become a catalogue when it is one already, does not exist yet (it is made), or is
 * empty: never a folder of other files (the person's scans), which would get a database beside them.
 */
function checkFolderForCatalogue(folder: string): void {
  let entries: string[];
  try {
    if (!fs.statSync(folder).isDirectory()) return; // opening says what is wrong with a file
    entries = fs.readdirSync(folder);
  } catch {
    return; // missing: made when opened; unreadable: opening says so
  }
  if (entries.length === 0 || fs.existsSync(cataloguePaths(folder).database)) return;
  throw new CatalogueError('invalid-input', 'catalogueFolderNotEmpty', { path: folder });
}

export class CatalogueHost {
  #catalogue: OpenCatalogue;
  #handle: Handle;
  #unsubscribe: () => void;
  #problem: CatalogueChoices['problem'] = null;
  #opening: Promise<unknown> | null = null;
  readonly #listeners = new Set<(event: CatalogueEvent) => void>();
  readonly #platform: Omit<Platform, 'catalogues'>;
  readonly #settings: HostOpening | null;

  constructor(catalogue: OpenCatalogue, platform: Omit<Platform, 'catalogues'>, settings: HostOpening | null = null) {
    this.#platform = platform;
    this.#settings = settings;
    this.#catalogue = catalogue;
    this.#handle = this.#handlerFor(catalogue);
    this.#unsubscribe = this.#forward(catalogue);
  }

  /**
   * Opens `wanted` under `settings`; when that fails and `fallback` is given (the app reopening the
   * catalogue of last time, which may be out of reach), opens the fallback and keeps the problem,
   * which the window shows in "Open catalogue…". Without a fallback the failure is thrown.
   */
  static async open(wanted: string, fallback: string | null, platform: Omit<Platform, 'catalogues'>, settings: HostOpening): Promise<CatalogueHost> {
    try {
      // The catalogue of last time is not made anew where it is gone; one named is made as always.
      const opened = await openWith(settings, { location: wanted, create: fallback === null || sameCatalogue(wanted, fallback) });
      return new CatalogueHost(opened, platform, settings);
    } catch (error) {
      if (fallback === null || sameCatalogue(wanted, fallback)) throw error;
      const opened = await openWith(settings, { location: fallback });
      const host = new CatalogueHost(opened, platform, settings);
      const known = error instanceof CatalogueError ? error : new CatalogueError('catalogue-unreadable', 'internal', { reason: (error as Error).message });
      host.#problem = { location: wanted, error: errorBody(known) };
      return host;
    }
  }

  /** The catalogue of the moment. */
  get catalogue(): OpenCatalogue {
    return this.#catalogue;
  }

  /**
   * One API call into the catalogue of the moment. A call meant for another catalogue (a window
   * still showing the one before "Open catalogue…") is refused, never carried out on this one: a
   * photo's number there names another photo here. The window then loads afresh.
   */
  readonly handle: WindowCall = async (method, params, catalogue) => {
    if (typeof catalogue === 'string' && !sameCatalogue(catalogue, this.#catalogue.location)) {
      return { ok: false, error: errorBody(new CatalogueError('catalogue-changed', 'catalogueChanged', { location: this.#catalogue.location })) };
    }
    return await this.#handle(method, params);
  };

  /** Every event of whichever catalogue is open, and the host's own (`catalogueOpened`). */
  readonly events = {
    on: (listener: (event: CatalogueEvent) => void): (() => void) => {
      this.#listeners.add(listener);
      return () => void this.#listeners.delete(listener);
    },
  };

  /** Tells every window something of the host's own (the menu's "Open Catalogue…"). */
  emit(event: CatalogueEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  choices(): CatalogueChoices {
    const current = this.#catalogue.location;
    const settings = this.#settings;
    const recent = settings ? settings.recent.read().filter((location) => !sameCatalogue(location, current)) : [];
    const kept = new Set(settings?.passwords.keys() ?? []);
    return {
      current: { location: current, kind: catalogueKind(current) },
      recent: recent.map((location) => ({ location, kind: catalogueKind(location) })),
      canOpen: settings !== null,
      canRememberPassword: settings?.passwords.canRemember ?? false,
      rememberedPasswords: [current, ...recent].filter((location) => isPostgresLocation(location) && kept.has(keyOf(location))),
      problem: this.#problem,
    };
  }

  /**
   * Opens `request.location` in place of the open catalogue. Refused while an ingest or export
   * runs (closing would cut it off) and while another opening is under way.
   */
  async openCatalogue(request: OpenRequest): Promise<{ location: string; changed: boolean }> {
    const settings = this.#settings;
    if (!settings) throw new CatalogueError('invalid-input', 'catalogueSwitchUnavailable');
    const location = locationOf(request.location);
    if (sameCatalogue(location, this.#catalogue.location)) {
      this.#problem = null;
      return { location: this.#catalogue.location, changed: false };
    }
    const old = this.#catalogue;
    const ingesting = old.ingest.progress().state;
    if (this.#opening || ingesting === 'running' || ingesting === 'scanning' || old.exports.progress().state === 'running') {
      throw new CatalogueError('busy', 'catalogueSwitchBusy');
    }
    // Chosen in the window: never a folder of other files (named on a command line, it is the person's call).
    if (!isPostgresLocation(location)) checkFolderForCatalogue(location);
    const opening = openWith(settings, { ...request, location });
    this.#opening = opening;
    let opened: OpenCatalogue;
    try {
      opened = await opening;
    } finally {
      this.#opening = null;
    }
    this.#unsubscribe();
    this.#catalogue = opened;
    this.#handle = this.#handlerFor(opened);
    this.#unsubscribe = this.#forward(opened);
    this.#problem = null;
    this.emit({ type: 'catalogueOpened', location: opened.location });
    // The new one is open whatever closing the old one meets (a server gone meanwhile): logged, not this opening's failure.
    await Promise.resolve(old.close()).catch((error: unknown) => console.error(`Closing ${old.location}: ${(error as Error).message}`));
    return { location: opened.location, changed: true };
  }

  async close(): Promise<void> {
    this.#unsubscribe();
    await this.#catalogue.close();
  }

  #forward(catalogue: OpenCatalogue): () => void {
    return catalogue.events.on((event) => this.emit(event));
  }

  #handlerFor(catalogue: OpenCatalogue): Handle {
    return createApiHandler(catalogue, {
      ...this.#platform,
      catalogues: { choices: () => this.choices(), open: (request) => this.openCatalogue(request) },
    });
  }
}

/** The kept-password key of a team address (the address itself when it cannot be read). */
function keyOf(location: string): string {
  try {
    return postgresAddressKey(location);
  } catch {
    return location.trim();
  }
}

/**
 * Opens one catalogue as the host does: a team catalogue with the typed password, else the kept one. The catalogue goes first in the
 * recent list once it opened; a typed password is kept or forgotten only then, as asked.
 */
async function openWith(settings: HostOpening, request: OpenRequest): Promise<OpenCatalogue> {
  const location = locationOf(request.location);
  const team = isPostgresLocation(location);
  if (!team && request.create === false && !fs.existsSync(cataloguePaths(location).database)) throw new CatalogueError('catalogue-missing', 'catalogueGone', { path: location });
  const key = team ? keyOf(location) : '';
  const password = team ? (request.password ?? settings.passwords.get(key) ?? undefined) : undefined;
  const catalogue = await openCatalogueAt(location, { ...settings.options, ...(password !== undefined ? { password } : {}) });
  try {
    settings.recent.opened(catalogue.location, sameCatalogue);
    if (team && request.password !== undefined && request.rememberPassword === true) settings.passwords.remember(key, request.password);
    if (team && request.rememberPassword === false) settings.passwords.forget(key);
    settings.startDuties?.(catalogue);
  } catch (error) {
    await catalogue.close();
    throw error;
  }
  return catalogue;
}
