// "Open catalogue…" behind the window (catalogueHost.ts): another catalogue opens in place of the
// one open — a folder, or a team catalogue on a real PostgreSQL that asks for a password — and
// the one before is closed only once the new one opened; what cannot be opened leaves the open
// one as it was and says why. Passwords kept only encrypted, and only where a keychain is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CatalogueHost, type HostOpening } from '../../../electron/catalogueHost.ts';
import { Catalogue } from '../../../electron/catalogue/catalogue.ts';
import { RecentCatalogues } from '../../../electron/preferences/recentCatalogues.ts';
import { SavedPasswords, type PasswordCipher } from '../../../electron/preferences/savedPasswords.ts';
import type { ApiEnvelope } from '../../../shared/api.ts';
import type { CatalogueChoices } from '../../../shared/catalogueChoices.ts';
import type { CatalogueEvent } from '../../../shared/events.ts';
import { makeJpeg, tempDir, writeFixture } from '../../support/fixtures.ts';
import { startPostgres, type PostgresServer } from '../../support/postgresServer.ts';
import { createTeamCatalogue } from '../../support/teamCatalogue.ts';
import { runFototar } from '../../support/cli.ts';

let server: PostgresServer;
let teamUrl: string;
const PASSWORD = 'Árvíztűrő tükörfúrógép 1956';

before(async () => {
  server = await startPostgres();
  await createTeamCatalogue(server, 'csapat', 3);
  await server.requirePassword('anna', PASSWORD);
  teamUrl = server.urlAs('anna', 'csapat');
});
after(() => server?.stop());

/** A keychain for the tests: AES with a key of this run, standing where Electron's safeStorage is. */
function testKeychain(): PasswordCipher & { sealed: number } {
  const key = crypto.randomBytes(32);
  const cipher = {
    sealed: 0,
    available: () => true,
    encrypt(text: string) {
      cipher.sealed++;
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(data: Buffer) {
      const d = crypto.createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
  return cipher;
}

async function settingsIn(dir: string, cipher: PasswordCipher | null): Promise<HostOpening> {
  const configDir = path.join(dir, 'config');
  return {
    options: { purpose: 'test', chosenArchivist: 'Kovács Anna', cacheDir: path.join(dir, 'cache'), configDir },
    recent: new RecentCatalogues(configDir),
    passwords: new SavedPasswords(configDir, cipher),
  };
}

async function folderWithPhotos(dir: string, name: string, count: number): Promise<string> {
  const folder = path.join(dir, name);
  const photos = path.join(dir, `${name}-photos`);
  for (let i = 0; i < count; i++) await writeFixture(photos, `fortepan_${i + 1}.jpg`, makeJpeg({ colour: i % 2 ? '#aa3322' : '#2233aa' }));
  const catalogue = Catalogue.open(folder, { create: true });
  await catalogue.ingest.run([photos]);
  catalogue.close();
  return folder;
}

async function call<T>(host: CatalogueHost, method: string, params: unknown = {}): Promise<T> {
  const answer = (await host.handle(method, params)) as ApiEnvelope<T>;
  if (!answer.ok) throw Object.assign(new Error(answer.error.message), answer.error);
  return answer.value;
}

async function refused(host: CatalogueHost, method: string, params: unknown): Promise<{ code: string; key?: string; message: string }> {
  const answer = await host.handle(method, params);
  assert.equal(answer.ok, false, `${method} should be refused`);
  return (answer as { ok: false; error: { code: string; key?: string; message: string } }).error;
}

test('a folder opens in place of another: the window is told, the API, events and recent list follow, the old one is let go', async () => {
  const dir = await tempDir('fototar-host-');
  const first = await folderWithPhotos(dir, 'elso', 3);
  const second = await folderWithPhotos(dir, 'masodik', 5);
  const host = await CatalogueHost.open(first, null, { transport: 'browser', version: 'test' }, await settingsIn(dir, null));
  const heard: CatalogueEvent[] = [];
  host.events.on((event) => heard.push(event));
  try {
    assert.equal((await call<{ photos: number }>(host, 'info')).photos, 3);
    const opened = await call<{ location: string; changed: boolean }>(host, 'openCatalogue', { location: second });
    assert.deepEqual(opened, { location: second, changed: true });
    assert.deepEqual(heard.filter((e) => e.type === 'catalogueOpened'), [{ type: 'catalogueOpened', location: second }]);
    assert.equal((await call<{ photos: number; directory: string }>(host, 'info')).photos, 5);
    // The first is closed: its lock is free, another Fototar may open it.
    Catalogue.open(first).close();
    // The new catalogue's events reach the host's listeners (an edit made through the API).
    const [photo] = (await call<{ photos: { id: number }[] }>(host, 'listPhotos', { offset: 0, limit: 1 })).photos;
    await call(host, 'updatePhotos', { ids: [photo!.id], patch: { title: 'Villamos a Nagykörúton' } });
    assert.ok(heard.some((e) => e.type === 'photosChanged'), 'the new catalogue’s events are heard');
    const choices = await call<CatalogueChoices>(host, 'catalogueChoices');
    assert.deepEqual(choices.current, { location: second, kind: 'folder' });
    assert.deepEqual(choices.recent, [{ location: first, kind: 'folder' }]);
    assert.equal(choices.canOpen, true);
    assert.equal(choices.canRememberPassword, false);
    // A window still showing the first catalogue (it has not loaded afresh yet) saves photo 1's
    // title: refused, never written into photo 1 of the catalogue open now; its own calls pass.
    const [one] = (await call<{ photos: { id: number; title: string }[] }>(host, 'listPhotos', { offset: 0, limit: 1 })).photos;
    const stale = await host.handle('updatePhotos', { ids: [one!.id], patch: { title: 'Ez az első katalógusé' } }, first);
    assert.equal(stale.ok, false);
    assert.deepEqual([(stale as { error: { code: string; key?: string } }).error.code, (stale as { error: { key?: string } }).error.key], ['catalogue-changed', 'catalogueChanged']);
    assert.equal((await call<{ title: string }>(host, 'getPhoto', { id: one!.id })).title, one!.title, 'nothing written');
    assert.equal((await host.handle('getPhoto', { id: one!.id }, `${second}/`)).ok, true, 'a window on the open catalogue is answered');
    // The same catalogue written otherwise (a trailing slash): nothing to do, nothing closed.
    assert.deepEqual(await call(host, 'openCatalogue', { location: `${second}/` }), { location: second, changed: false });
    assert.equal((await call<{ photos: number }>(host, 'info')).photos, 5);
  } finally {
    await host.close();
  }
});

test('what cannot be opened leaves the open catalogue as it was: a folder of other files, a relative path, a running ingest', async () => {
  const dir = await tempDir('fototar-host-');
  const first = await folderWithPhotos(dir, 'elso', 2);
  const scans = path.join(dir, 'Szkennelések');
  await writeFixture(scans, 'fortepan_9.jpg', makeJpeg({}));
  const host = await CatalogueHost.open(first, null, { transport: 'browser', version: 'test' }, await settingsIn(dir, null));
  try {
    // A recent catalogue that is gone (moved, deleted, a drive not connected) is said, not made anew.
    const gone = path.join(dir, 'elment');
    assert.equal((await refused(host, 'openCatalogue', { location: gone, create: false })).key, 'catalogueGone');
    assert.ok(!fs.existsSync(gone));
    const notEmpty = await refused(host, 'openCatalogue', { location: scans });
    assert.equal(notEmpty.key, 'catalogueFolderNotEmpty');
    assert.ok(!fs.existsSync(path.join(scans, 'catalogue.sqlite')), 'nothing was written into the folder of scans');
    assert.equal((await refused(host, 'openCatalogue', { location: 'katalogus' })).key, 'pathRelative');
    // While an ingest runs, closing would cut it off.
    const more = path.join(dir, 'tobb');
    for (let i = 0; i < 12; i++) await writeFixture(more, `fortepan_${100 + i}.jpg`, makeJpeg({ colour: '#334455' }));
    await call(host, 'chooseFolder', { path: more, purpose: 'ingest' });
    await call(host, 'startIngest', { paths: [more] });
    assert.equal((await refused(host, 'openCatalogue', { location: path.join(dir, 'uj') })).code, 'busy');
    assert.equal(host.catalogue.location, first);
    while (['scanning', 'running'].includes((await call<{ state: string }>(host, 'ingestProgress')).state)) await new Promise((r) => setTimeout(r, 50));
    // An empty folder, or one not there yet, becomes a new catalogue.
    assert.equal((await call<{ changed: boolean }>(host, 'openCatalogue', { location: path.join(dir, 'uj') })).changed, true);
    assert.equal((await call<{ photos: number }>(host, 'info')).photos, 0);
  } finally {
    await host.close();
  }
});

test('a host serving one catalogue (a test server, no settings) refuses to open another, saying so', async () => {
  const dir = await tempDir('fototar-host-');
  const catalogue = Catalogue.open(path.join(dir, 'egy'), { create: true });
  const host = new CatalogueHost(catalogue, { transport: 'browser', version: 'test' });
  try {
    assert.equal((await call<CatalogueChoices>(host, 'catalogueChoices')).canOpen, false);
    assert.equal((await refused(host, 'openCatalogue', { location: path.join(dir, 'masik') })).key, 'catalogueSwitchUnavailable');
  } finally {
    await host.close();
  }
});

test('at start, a catalogue of last time that cannot be opened gives way to the default one, and the window is told why', async () => {
  const dir = await tempDir('fototar-host-');
  const gone = path.join(dir, 'not-a-folder');
  fs.writeFileSync(gone, 'a file where the catalogue was');
  const fallback = path.join(dir, 'default');
  const host = await CatalogueHost.open(gone, fallback, { transport: 'browser', version: 'test' }, await settingsIn(dir, null));
  try {
    assert.equal(host.catalogue.location, fallback);
    const { problem } = await call<CatalogueChoices>(host, 'catalogueChoices');
    assert.equal(problem?.location, gone);
    assert.ok(problem?.error.message, 'the reason is said');
    // The catalogue of last time on a drive not connected now: said, and not made anew (empty) there.
    const unplugged = path.join(dir, 'usb', 'Fortepan');
    const again = await CatalogueHost.open(unplugged, path.join(dir, 'default2'), { transport: 'browser', version: 'test' }, await settingsIn(dir, null));
    try {
      const said = (await call<CatalogueChoices>(again, 'catalogueChoices')).problem;
      assert.deepEqual([said?.location, said?.error.key], [unplugged, 'catalogueGone']);
      assert.ok(!fs.existsSync(unplugged), 'no empty catalogue made where it was');
    } finally {
      await again.close();
    }
    // The default one, at a first start, is made as always.
    const first = await CatalogueHost.open(path.join(dir, 'default3'), path.join(dir, 'default3'), { transport: 'browser', version: 'test' }, await settingsIn(dir, null));
    assert.equal((await call<CatalogueChoices>(first, 'catalogueChoices')).problem, null);
    await first.close();
    // Without a fallback (named on the command line) the failure is the caller's to report.
    await assert.rejects(CatalogueHost.open(gone, null, { transport: 'browser', version: 'test' }, await settingsIn(dir, null)));
  } finally {
    await host.close();
  }
});

test('a team catalogue that asks for a password: refused without one and with a wrong one (the folder stays open), then opened, kept encrypted and used again', async () => {
  const saved = process.env.PGPASSWORD;
  const savedFile = process.env.PGPASSFILE;
  delete process.env.PGPASSWORD;
  const dir = await tempDir('fototar-host-');
  process.env.PGPASSFILE = path.join(dir, 'no-pgpass');
  const folder = await folderWithPhotos(dir, 'elso', 2);
  const keychain = testKeychain();
  const settings = await settingsIn(dir, keychain);
  const host = await CatalogueHost.open(folder, null, { transport: 'browser', version: 'test' }, settings);
  try {
    const none = await refused(host, 'openCatalogue', { location: teamUrl });
    assert.deepEqual([none.code, none.key], ['password-needed', 'postgresPasswordNeeded']);
    assert.match(none.message, /asks for anna's password/);
    const wrong = await refused(host, 'openCatalogue', { location: teamUrl, password: 'rossz jelszó', rememberPassword: true });
    assert.deepEqual([wrong.code, wrong.key], ['password-needed', 'postgresPasswordWrong']);
    assert.equal(keychain.sealed, 0, 'a refused password is not kept');
    assert.equal(host.catalogue.location, folder);
    assert.equal((await call<{ photos: number }>(host, 'info')).photos, 2);

    assert.equal((await call<{ changed: boolean }>(host, 'openCatalogue', { location: teamUrl, password: PASSWORD, rememberPassword: true })).changed, true);
    assert.equal((await call<{ photos: number }>(host, 'info')).photos, 3);
    const kept = fs.readFileSync(settings.passwords.file, 'utf8');
    assert.ok(!kept.includes(PASSWORD) && !kept.includes(Buffer.from(PASSWORD).toString('base64')), 'never in plain text');
    assert.equal(fs.statSync(settings.passwords.file).mode & 0o077, 0, 'readable by its owner only');
    const choices = await call<CatalogueChoices>(host, 'catalogueChoices');
    assert.deepEqual(choices.current, { location: teamUrl, kind: 'team' });
    assert.deepEqual(choices.rememberedPasswords, [teamUrl]);
    assert.equal(choices.canRememberPassword, true);

    // Back to the folder, and to the team again with no password typed: the kept one opens it.
    await call(host, 'openCatalogue', { location: folder });
    assert.equal((await call<{ changed: boolean }>(host, 'openCatalogue', { location: teamUrl })).changed, true);
    // Asked to forget it, it is gone.
    await call(host, 'openCatalogue', { location: folder });
    await call(host, 'openCatalogue', { location: teamUrl, password: PASSWORD, rememberPassword: false });
    assert.deepEqual((await call<CatalogueChoices>(host, 'catalogueChoices')).rememberedPasswords, []);
  } finally {
    await host.close();
    if (saved === undefined) delete process.env.PGPASSWORD;
    else process.env.PGPASSWORD = saved;
    if (savedFile === undefined) delete process.env.PGPASSFILE;
    else process.env.PGPASSFILE = savedFile;
  }
});

test('without a keychain (browser mode, Linux without a keyring) a typed password opens the catalogue and is kept nowhere', async () => {
  const dir = await tempDir('fototar-host-');
  const folder = await folderWithPhotos(dir, 'elso', 1);
  const settings = await settingsIn(dir, null);
  const host = await CatalogueHost.open(folder, null, { transport: 'browser', version: 'test' }, settings);
  try {
    assert.equal((await call<{ changed: boolean }>(host, 'openCatalogue', { location: teamUrl, password: PASSWORD, rememberPassword: true })).changed, true);
    assert.ok(!fs.existsSync(settings.passwords.file), 'no password file at all');
    assert.equal((await call<CatalogueChoices>(host, 'catalogueChoices')).canRememberPassword, false);
  } finally {
    await host.close();
  }
});

test('~/.pgpass and PGPASSWORD still open a team catalogue with nothing typed, without pg’s deprecation warning', async () => {
  const saved = { PGPASSWORD: process.env.PGPASSWORD, PGPASSFILE: process.env.PGPASSFILE };
  const dir = await tempDir('fototar-host-');
  const pgpass = path.join(dir, 'pgpass');
  fs.writeFileSync(pgpass, `localhost:${server.port}:csapat:anna:${PASSWORD.replace(/:/g, '\\:')}\n`, { mode: 0o600 });
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  process.on('warning', onWarning);
  const folder = await folderWithPhotos(dir, 'elso', 1);
  const host = await CatalogueHost.open(folder, null, { transport: 'browser', version: 'test' }, await settingsIn(dir, null));
  try {
    delete process.env.PGPASSWORD;
    process.env.PGPASSFILE = pgpass;
    assert.equal((await call<{ changed: boolean }>(host, 'openCatalogue', { location: teamUrl })).changed, true);
    await call(host, 'openCatalogue', { location: folder });
    process.env.PGPASSFILE = path.join(dir, 'none');
    process.env.PGPASSWORD = PASSWORD;
    assert.equal((await call<{ changed: boolean }>(host, 'openCatalogue', { location: teamUrl })).changed, true);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(warnings.filter((w) => /pgpass/i.test(w)), []);
  } finally {
    process.off('warning', onWarning);
    await host.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
});

test('a command on a team catalogue whose server asks for a password it was not given says so in one line and exits (no socket left waiting on the server)', async () => {
  const dir = await tempDir('fototar-host-');
  // Bound far above a normal run (a second or two), far below the server's one-minute authentication timeout.
  const result = runFototar(['list', '--catalogue', teamUrl], {
    env: { PGPASSWORD: '', PGPASSFILE: path.join(dir, 'none'), FOTOTAR_CONFIG_DIR: path.join(dir, 'config'), FOTOTAR_CACHE_DIR: path.join(dir, 'cache') },
    timeout: 30_000,
  });
  assert.equal(result.error, undefined, 'the command ended by itself');
  assert.equal(result.status, 1);
  assert.match(result.stderr.trim(), /^fototar list: The PostgreSQL server at .* asks for anna's password/);
  assert.equal(result.stderr.trim().split('\n').length, 1);
});
