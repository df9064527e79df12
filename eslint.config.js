// ESLint (flat config): the project's layer boundaries, the rules of React hooks, and a few
// correctness rules. Deliberately no style rules: formatting is not what this checks.
// `npm run lint`; part of `npm test`. A test (tests/unit/eslint/importBoundaries.test.ts) shows each
// boundary failing on a stray import.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importBoundaries } from './eslint/importBoundaries.js';
import { electronHardening } from './eslint/electronHardening.js';

const fototar = { rules: { 'import-boundaries': importBoundaries } };

// Names that exist only in a browser. Node has fetch, URL, Blob… too: those are not listed.
const DOM_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'HTMLElement', 'Element', 'customElements', 'requestAnimationFrame', 'alert', 'confirm', 'prompt'].map(
  (name) => ({ name, message: 'this layer runs in Node, without a DOM' }),
);
const DOM_PACKAGES = ['react', 'react-dom', '@tanstack/react-virtual'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'dist-cli/**', 'release/**', '.vite/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin, fototar },
    rules: {
      // Correctness: each of these is a bug wherever it fires. (Not no-control-regex: matching
      // control characters is how this project cleans metadata text, on purpose.)
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-duplicate-case': 'error',
      'no-self-assign': 'error',
      'no-self-compare': 'error',
      'no-unsafe-finally': 'error',
      'no-unreachable': 'error',
      'no-cond-assign': ['error', 'except-parens'],
      'no-empty-pattern': 'error',
      'no-sparse-arrays': 'error',
      'no-template-curly-in-string': 'error',
      'use-isnan': 'error',
      'valid-typeof': 'error',
      'no-loss-of-precision': 'error',
      '@typescript-eslint/no-misused-new': 'error',
      '@typescript-eslint/no-unsafe-declaration-merging': 'error',
      '@typescript-eslint/no-duplicate-enum-values': 'error',
    },
  },

  // shared/: the bottom floor, environment-neutral. It runs in Node, in the renderer and in
  // the preload, so it may import nothing of Node, the DOM or Electron, and nothing above it.
  {
    files: ['shared/**'],
    rules: {
      'fototar/import-boundaries': ['error', { allowFolders: ['shared'], forbidPackages: ['electron', ...DOM_PACKAGES], forbidNodeBuiltins: true, because: 'shared/ runs everywhere (Node, renderer, preload)' }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS, { name: 'process', message: 'shared/ runs in the renderer too, where there is no process' }, { name: 'Buffer', message: 'shared/ runs in the renderer too: use Uint8Array' }],
    },
  },

  // renderer/: the UI. Only shared/ and its own files; it reaches the catalogue through the
  // bridge the preload exposes, never by importing it.
  {
    files: ['renderer/src/**'],
    rules: {
      'fototar/import-boundaries': ['error', { allowFolders: ['renderer', 'shared'], forbidPackages: ['electron'], forbidNodeBuiltins: true, because: 'the renderer sees only shared/ and the bridge' }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // A warning for now: App.tsx and Editor.tsx each leave out one dependency. Make it an error
      // once they are fixed (the renderer is being reworked on another branch).
      'react-hooks/exhaustive-deps': 'warn',
    },
  },

  // electron/: the main process side. Only main.ts and preload.ts load `electron`: the
  // catalogue, the CLI and the server are plain Node, run by the CLI and tests without it.
  {
    files: ['electron/**'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'fototar/import-boundaries': ['error', { allowFolders: ['electron', 'shared'], forbidPackages: ['electron', ...DOM_PACKAGES], typeOnlyPackages: ['electron'], because: 'only electron/main.ts and electron/preload.ts may load Electron; the rest is plain Node' }],
    },
  },
  {
    files: ['electron/catalogue/**', 'electron/cli/**'],
    rules: {
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
      // Not even Electron's types: the catalogue and the CLI run in plain Node.
      'fototar/import-boundaries': ['error', { allowFolders: ['electron', 'shared'], forbidPackages: ['electron', ...DOM_PACKAGES], because: 'the catalogue and the CLI run in plain Node, without Electron' }],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'fototar/import-boundaries': ['error', { allowFolders: ['electron', 'shared'], forbidPackages: DOM_PACKAGES, because: 'the main process and preload have no DOM framework' }],
    },
  },
  // A promise nobody awaits loses its error: an edit that failed would look saved. The store is
  // asynchronous (services return promises), so every Node-side call must be awaited, returned
  // or handed on. Type-aware, so only where a tsconfig covers the files.
  {
    files: ['electron/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts', 'shared/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's test() and describe() return promises the runner itself waits for.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] }],
      '@typescript-eslint/await-thenable': 'error',
      // An async callback where nothing waits for it (forEach, an event handler): its errors are lost too.
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // The window's hardening, as syntax rules (behaviour: tests/unit/electron/main.test.ts
  // and preload.test.ts).
  ...electronHardening,
);
