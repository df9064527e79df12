// The layer boundaries of eslint.config.js, shown failing: each case lints a small source as if
// it were a file in one zone (ESLint's own API, the project's real config) and expects exactly
// the boundary errors named. If a zone or the rule goes from the config, these fail.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// The sources are linted as files that do not exist, which no tsconfig covers: the type-aware
// rules (which need one) are off here; the boundaries are syntax.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/await-thenable': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

/** The rule ids of the errors ESLint reports for `code` placed at `filePath`. */
async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

const BOUNDARY = 'fototar/import-boundaries';
const GLOBALS = 'no-restricted-globals';

describe('shared/ imports nothing of Node, the DOM, Electron or the floors above it', () => {
  for (const line of [
    "import fs from 'node:fs';",
    "import path from 'path';",
    "import { readFile } from 'fs/promises';",
    "import { app } from 'electron';",
    "import { useState } from 'react';",
    "import { Catalogue } from '../electron/catalogue/catalogue.ts';",
    "import { App } from '../renderer/src/app/App.tsx';",
    "export * from '../electron/windowOptions.ts';",
    "const os = await import('node:os');",
  ]) {
    test(line, async () => assert.deepEqual(await errors('shared/stray.ts', line), [BOUNDARY]));
  }
  test('the DOM and Node globals', async () => {
    assert.deepEqual(await errors('shared/stray.ts', 'export const t = document.title + window.name;'), [GLOBALS, GLOBALS]);
    assert.deepEqual(await errors('shared/stray.ts', 'export const p = process.platform; export const b = Buffer.from("x");'), [GLOBALS, GLOBALS]);
  });
  test('its own files and plain packages are fine', async () => {
    assert.deepEqual(await errors('shared/stray.ts', "import { z } from 'zod';\nimport { foldText } from './textFold.ts';\nexport const x = [z, foldText];"), []);
  });
});

describe('renderer/ imports only shared/ and its own files', () => {
  for (const line of [
    "import { Catalogue } from '../../../electron/catalogue/catalogue.ts';",
    "import { API_CHANNEL } from '../../../electron/windowOptions.ts';",
    "import { ipcRenderer } from 'electron';",
    "import path from 'node:path';",
    "import { EventEmitter } from 'events';",
    "import { ROOT } from '../../../scripts/build-electron.ts';",
    "import { makeJpeg } from '../../../tests/support/fixtures.ts';",
  ]) {
    test(line, async () => assert.deepEqual(await errors('renderer/src/library/Stray.tsx', line), [BOUNDARY]));
  }
  test('shared/, its own files and React are fine', async () => {
    const code = "import { useState } from 'react';\nimport type { Photo } from '../../../shared/types.ts';\nimport { api } from '../common/bridge.ts';\nexport const x = [useState, api] as unknown as Photo;";
    assert.deepEqual(await errors('renderer/src/library/Stray.tsx', code), []);
  });
});

describe('electron/catalogue/ and electron/cli/ never import electron or the DOM', () => {
  for (const file of ['electron/catalogue/stray.ts', 'electron/catalogue/store/stray.ts', 'electron/cli/stray.ts', 'electron/cli/commands/stray.ts']) {
    for (const line of [
      "import { app } from 'electron';",
      "import type { WebContents } from 'electron';",
      "const { app } = await import('electron');",
      "import { createRoot } from 'react-dom/client';",
      `import { Grid } from '${path.posix.relative(path.posix.dirname(file), 'renderer/src/library/Grid.tsx')}';`,
    ]) {
      test(`${file}: ${line}`, async () => assert.deepEqual(await errors(file, line), [BOUNDARY]));
    }
    test(`${file}: the DOM globals`, async () => assert.deepEqual(await errors(file, 'export const t = document.title;'), [GLOBALS]));
  }
  test('require() is caught too', async () => {
    assert.deepEqual(await errors('electron/cli/stray.ts', "const electron = require('electron');"), [BOUNDARY]);
  });
  test('Node, shared/ and the rest of electron/ are fine', async () => {
    const code = "import fs from 'node:fs';\nimport { isInside } from '../../paths/isInside.ts';\nimport type { Photo } from '../../../shared/types.ts';\nexport const x = [fs, isInside] as unknown as Photo;";
    assert.deepEqual(await errors('electron/catalogue/store/stray.ts', code), []);
  });
});

describe('only electron/main.ts and electron/preload.ts load electron', () => {
  test('the server and window options may not', async () => {
    assert.deepEqual(await errors('electron/server.ts', "import { app } from 'electron';"), [BOUNDARY]);
    assert.deepEqual(await errors('electron/windowOptions.ts', "import { shell } from 'electron';"), [BOUNDARY]);
  });
  test('beside them, Electron\'s types only (erased by the build): a menu table may name its item type', async () => {
    assert.deepEqual(await errors('electron/menuLabels.ts', "import type { MenuItemConstructorOptions } from 'electron';\nexport const m: MenuItemConstructorOptions[] = [];"), []);
    assert.deepEqual(await errors('electron/menuLabels.ts', "import { Menu } from 'electron';\nexport const m = Menu;"), [BOUNDARY]);
  });
  test('main.ts and preload.ts may', async () => {
    assert.deepEqual(await errors('electron/main.ts', "import { app } from 'electron';\napp.quit();"), []);
    assert.deepEqual(await errors('electron/preload.ts', "import { contextBridge } from 'electron';\ncontextBridge.exposeInMainWorld('x', {});"), []);
  });
});
