// electron-builder.yml must satisfy electron-builder's own JSON schema and package what the app
// needs: the native sharp binaries outside the asar, and installers for the three platforms.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { ICON_SIZES } from '../../../scripts/make-icons.ts';

const require = createRequire(import.meta.url);
// js-yaml comes with electron-builder (it reads its YAML configuration with it).
const yaml = require('js-yaml') as { load(text: string): unknown };

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFIG_FILE = path.join(ROOT, 'electron-builder.yml');
const SCHEMA_FILE = path.join(ROOT, 'node_modules/app-builder-lib/scheme.json');

type Config = Record<string, unknown> & {
  appId?: string;
  productName?: string;
  asarUnpack?: string[];
  files?: string[];
  directories?: { output?: string; buildResources?: string };
  extraMetadata?: { main?: string };
  linux?: { target?: unknown; category?: string; maintainer?: string };
  mac?: { target?: unknown; category?: string; icon?: string };
  win?: { target?: unknown; icon?: string };
};

const fullConfig = yaml.load(fs.readFileSync(CONFIG_FILE, 'utf8')) as Config;
// The schema types linux.desktop.entry (a Record<string, string> in electron-builder's own types
// and validator) as a function: a generation slip. The entry is checked on its own below, and the
// rest of the file against the schema.
const desktop = (fullConfig.linux as { desktop?: { entry?: Record<string, unknown> } } | undefined)?.desktop;
const config = { ...fullConfig, linux: { ...(fullConfig.linux ?? {}), desktop: undefined } } as Config;
delete (config.linux as Record<string, unknown>).desktop;
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as { $schema?: string };

function compileSchema(): ValidateFunction {
  // The schema is draft-07 (Ajv's default draft). It uses one keyword from ajv-keywords,
  // `typeof` (for hooks given as functions); defining it lets Ajv compile in strict mode.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addKeyword({
    keyword: 'typeof',
    schemaType: ['string', 'array'],
    errors: false,
    validate: (expected: string | string[], data: unknown) => (Array.isArray(expected) ? expected : [expected]).includes(typeof data),
  });
  return ajv.compile(schema);
}

function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n');
}

function targetsOf(platform: { target?: unknown } | undefined): string[] {
  const target = platform?.target;
  const list = Array.isArray(target) ? target : target == null ? [] : [target];
  return list.map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));
}

describe('electron-builder.yml', () => {
  test('the schema is electron-builder\'s draft-07 schema', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  test('validates against electron-builder\'s JSON schema', () => {
    const validate = compileSchema();
    assert.equal(validate(config), true, errorsOf(validate));
  });

  test('the validation can fail: an unknown key and a wrongly typed value are rejected', () => {
    const validate = compileSchema();
    assert.equal(validate({ ...config, notAKey: 1 }), false);
    assert.match(errorsOf(validate), /additional/i);
    assert.equal(validate({ ...config, asarUnpack: 42 }), false);
    assert.equal(validate({ ...config, linux: { ...config.linux, notALinuxKey: true } }), false);
    assert.equal(validate({ ...config, afterPack: 5 }), false, 'the typeof keyword is enforced');
    assert.equal(validate({ ...config, afterPack: () => undefined }), true, errorsOf(validate));
  });

  test('the Linux desktop entry and icons are set', () => {
    const entry = desktop?.entry ?? {};
    for (const key of ['Name', 'Comment', 'Categories', 'StartupWMClass']) assert.equal(typeof entry[key], 'string', key);
    assert.ok(Object.values(entry).every((v) => typeof v === 'string'));
    assert.match(String(entry['Comment[hu]']), /fényképek/);
    assert.equal((fullConfig.linux as { icon?: string }).icon, 'resources/icons');
    for (const size of ICON_SIZES) {
      assert.ok(fs.existsSync(path.join(ROOT, 'resources/icons', `${size}x${size}.png`)), `${size}px icon`);
    }
  });

  test('macOS and Windows take the generated .icns and .ico (their sizes: tests/unit/resources/icons.test.ts)', () => {
    assert.equal(config.mac?.icon, 'resources/icon.icns');
    assert.equal(config.win?.icon, 'resources/icon.ico');
    assert.equal(config.directories?.buildResources, 'resources');
    for (const file of [config.mac?.icon, config.win?.icon]) assert.ok(fs.existsSync(path.join(ROOT, String(file))), String(file));
  });

  test('electron-builder\'s own validator accepts it', async () => {
    const configModule = require(path.join(ROOT, 'node_modules/app-builder-lib/out/util/config/config.js')) as {
      validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    const logger = { isEnabled: false, add: () => undefined };
    await configModule.validateConfiguration(structuredClone(fullConfig), logger);
    await assert.rejects(configModule.validateConfiguration({ ...structuredClone(config), notAKey: 1 }, logger), /notAKey|additional/i);
  });

  test('identity and output', () => {
    assert.equal(config.appId, 'hu.fototar.app');
    assert.equal(config.productName, 'Fototar');
    assert.equal(config.directories?.output, 'release');
    assert.equal(config.extraMetadata?.main, 'dist-electron/main.mjs');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };
    assert.equal(pkg.main, 'dist-electron/main.mjs', 'package.json "main" is the bundled main process');
  });

  test('packages the built app', () => {
    for (const pattern of ['dist/renderer/**', 'dist-electron/**', 'package.json']) {
      assert.ok(config.files?.includes(pattern), `files includes ${pattern}`);
    }
    assert.ok(!config.files?.some((f) => f === '!node_modules' || f.startsWith('!node_modules/**')), 'node_modules are not excluded');
  });

  test('sharp and its @img binaries are unpacked from the asar', () => {
    const unpack = config.asarUnpack ?? [];
    assert.ok(unpack.some((p) => p.includes('node_modules/sharp')), 'sharp is unpacked');
    assert.ok(unpack.some((p) => p.includes('node_modules/@img')), '@img is unpacked');
  });

  test('builds AppImage and deb for Linux, NSIS for Windows and a DMG for macOS', () => {
    assert.deepEqual(targetsOf(config.linux).sort(), ['AppImage', 'deb']);
    assert.deepEqual(targetsOf(config.win), ['nsis']);
    assert.deepEqual(targetsOf(config.mac), ['dmg']);
    assert.equal(config.linux?.category, 'Graphics');
    assert.ok(config.linux?.maintainer, 'deb packages need a maintainer');
    assert.equal(config.mac?.category, 'public.app-category.photography');
  });
});
