// The package check builds without fuses (the stand-in Electron has no fuse sentinel), so the
// fuse settings are checked here: every key in electron-builder.yml must be one electron-builder
// hands to @electron/fuses under one of its own option names, with the hardened value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { FuseV1Options } from '@electron/fuses';

const yml = fs.readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
const block = /^electronFuses:\n((?: {2}\w+: \w+\n)+)/m.exec(yml);

const HARDENED: Record<string, boolean> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

test('every fuse in electron-builder.yml is a real @electron/fuses option, set to its hardened value', () => {
  assert.ok(block, 'electron-builder.yml has an electronFuses block');
  const fuses = Object.fromEntries(block[1].trim().split('\n').map((line) => line.trim().split(/:\s*/)));
  for (const [key, value] of Object.entries(fuses)) {
    const option = key[0].toUpperCase() + key.slice(1);
    assert.ok(option in FuseV1Options, `${key} is not a fuse @electron/fuses knows (as ${option})`);
    assert.equal(value, String(HARDENED[key]), key);
  }
  assert.deepEqual(Object.keys(fuses).sort(), Object.keys(HARDENED).sort(), 'every hardening fuse is set');
});
