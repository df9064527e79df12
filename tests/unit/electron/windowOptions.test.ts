// The window's security decisions, checked without Electron.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  APP_ENTRY_URL,
  BLOCKED_REQUEST_PATTERNS,
  catalogueArgument,
  contentTypeFor,
  isAllowedNavigation,
  isRemoteUrl,
  isTrustedSender,
  parseImageUrl,
  resolveInside,
  secureWebPreferences,
} from '../../../electron/windowOptions.ts';
import { containedRealFile } from '../../../electron/paths/isInside.ts';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/dist-electron/preload.cjs');

  test('isolates and sandboxes the renderer, without Node', () => {
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
  });

  test('keeps web security on and insecure content, experiments, webviews and spellcheck off', () => {
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.equal(prefs.experimentalFeatures, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(prefs.spellcheck, false);
    assert.equal(prefs.navigateOnDragDrop, false);
  });

  test('uses the given preload', () => {
    assert.equal(prefs.preload, '/app/dist-electron/preload.cjs');
  });

  test('has no setting that weakens isolation', () => {
    const keys = Object.keys(prefs);
    for (const risky of ['enableRemoteModule', 'enableBlinkFeatures', 'additionalArguments', 'partition', 'session']) {
      assert.ok(!keys.includes(risky), `${risky} must not be set`);
    }
  });
});

describe('isAllowedNavigation', () => {
  test('accepts the app', () => {
    assert.equal(isAllowedNavigation(APP_ENTRY_URL), true);
    assert.equal(isAllowedNavigation('fototar-app://app/index.html'), true);
    assert.equal(isAllowedNavigation('fototar-app://app/'), true);
    assert.equal(isAllowedNavigation('fototar-app://app/assets/index-abc.js?x=1#y'), true);
  });

  test('refuses the web, files, scripts and other schemes', () => {
    for (const url of [
      'http://example.com/',
      'https://example.com/',
      'http://127.0.0.1:3000/',
      'file:///etc/passwd',
      'file:///app/dist/renderer/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'blob:fototar-app://app/123',
      'about:blank',
      'fototar-image://grid/1',
      'chrome://settings',
      'devtools://devtools/bundled/inspector.html',
      'ftp://example.com/',
      '',
      'not a url',
    ]) {
      assert.equal(isAllowedNavigation(url), false, url);
    }
  });

  test('refuses look-alike app URLs', () => {
    for (const url of [
      'fototar-app://evil/index.html',
      'fototar-app://app.evil.com/index.html',
      'fototar-app://app@evil/index.html',
      'fototar-app://user:pass@app/index.html',
      'fototar-app:app/index.html',
      'FOTOTAR-APP://evil/',
      'fototar-apps://app/index.html',
      'xfototar-app://app/',
    ]) {
      assert.equal(isAllowedNavigation(url), false, url);
    }
  });
});

describe('isTrustedSender', () => {
  test('trusts the main frame showing the app', () => {
    assert.equal(isTrustedSender('fototar-app://app/index.html', true), true);
  });

  test('refuses subframes, even of the app', () => {
    assert.equal(isTrustedSender('fototar-app://app/index.html', false), false);
  });

  test('refuses foreign or missing URLs', () => {
    for (const url of ['https://example.com/', 'file:///tmp/x.html', 'about:blank', 'fototar-app://other/index.html', '', null, undefined]) {
      assert.equal(isTrustedSender(url, true), false, String(url));
    }
  });
});

describe('network blocking', () => {
  test('blocks http, https and websockets', () => {
    assert.deepEqual([...BLOCKED_REQUEST_PATTERNS].sort(), ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
    assert.equal(isRemoteUrl('https://example.com/a.png'), true);
    assert.equal(isRemoteUrl('ws://example.com/'), true);
    assert.equal(isRemoteUrl('fototar-image://grid/1'), false);
    assert.equal(isRemoteUrl('fototar-app://app/index.html'), false);
  });
});

describe('resolveInside', () => {
  let base: string;
  let root: string;
  let outside: string;

  before(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-resolve-')));
    root = path.join(base, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'assets', 'with space.css'), 'body{}');
    outside = path.join(base, 'secret.txt');
    fs.writeFileSync(outside, 'secret');
    fs.mkdirSync(path.join(base, 'renderer-evil'));
    fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'evil');
    fs.symlinkSync(outside, path.join(root, 'assets', 'link-out.txt'));
    fs.symlinkSync(base, path.join(root, 'dir-out'));
    fs.symlinkSync(path.join(root, 'index.html'), path.join(root, 'assets', 'link-in.html'));
  });

  after(() => fs.rmSync(base, { recursive: true, force: true }));

  test('accepts files inside the root', () => {
    assert.equal(resolveInside(root, '/index.html'), path.join(root, 'index.html'));
    assert.equal(resolveInside(root, '/assets/app.js'), path.join(root, 'assets', 'app.js'));
    assert.equal(resolveInside(root, '/assets/with%20space.css'), path.join(root, 'assets', 'with space.css'));
    assert.equal(resolveInside(root, '/assets/./app.js'), path.join(root, 'assets', 'app.js'));
    assert.equal(resolveInside(root, '/assets/link-in.html'), path.join(root, 'index.html'), 'a link that stays inside is fine');
  });

  test('refuses .. in every spelling', () => {
    for (const request of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/../renderer-evil/x.js',
      '/%2e%2e%2frenderer-evil%2fx.js',
    ]) {
      assert.equal(resolveInside(root, request), null, request);
    }
  });

  test('refuses absolute paths', () => {
    for (const request of [outside, `/${outside}`, `//${outside}`, encodeURIComponent(outside), '/%2fetc%2fpasswd', '/etc/passwd', 'C:\\Windows\\win.ini', '/C:/Windows/win.ini', '\\\\server\\share\\x']) {
      assert.equal(resolveInside(root, request), null, request);
    }
  });

  test('refuses symbolic links that lead outside', () => {
    assert.equal(resolveInside(root, '/assets/link-out.txt'), null);
    assert.equal(resolveInside(root, '/dir-out/secret.txt'), null);
  });

  test('refuses directories, missing files, the root itself, NUL and bad encodings', () => {
    for (const request of ['/', '', '/assets', '/assets/', '/missing.js', '/index.html%00.js', '/%E0%A4%A', '/%']) {
      assert.equal(resolveInside(root, request), null, JSON.stringify(request));
    }
  });

  test('containedRealFile checks a path the catalogue gave', () => {
    assert.equal(containedRealFile(root, path.join(root, 'index.html')), path.join(root, 'index.html'));
    assert.equal(containedRealFile(root, outside), null);
    assert.equal(containedRealFile(root, path.join(root, 'assets', 'link-out.txt')), null);
    assert.equal(containedRealFile(root, path.join(base, 'renderer-evil', 'x.js')), null, 'a sibling sharing the prefix is outside');
  });
});

describe('parseImageUrl', () => {
  test('reads size and id', () => {
    assert.deepEqual(parseImageUrl('fototar-image://grid/12?v=abc'), { size: 'grid', id: 12, version: 'abc' });
    assert.deepEqual(parseImageUrl('fototar-image://grid/12'), { size: 'grid', id: 12 });
    assert.deepEqual(parseImageUrl('fototar-image://preview/7'), { size: 'preview', id: 7 });
  });

  test('refuses anything else', () => {
    for (const url of [
      'fototar-image://grid/0',
      'fototar-image://grid/-1',
      'fototar-image://grid/1.5',
      'fototar-image://grid/abc',
      'fototar-image://grid/1/2',
      'fototar-image://original/1',
      'fototar-image://grid/%2e%2e%2fsecret',
      'fototar-image://grid/1234567890123',
      'fototar-app://grid/1',
      'https://grid/1',
      'nonsense',
    ]) {
      assert.equal(parseImageUrl(url), null, url);
    }
  });
});

describe('helpers', () => {
  test('content types', () => {
    assert.equal(contentTypeFor('/x/index.html'), 'text/html; charset=utf-8');
    assert.equal(contentTypeFor('/x/a.JS'), 'text/javascript; charset=utf-8');
    assert.equal(contentTypeFor('/x/t.grid.jpg'), 'image/jpeg');
    assert.equal(contentTypeFor('/x/unknown.bin'), 'application/octet-stream');
  });

  test('catalogueArgument', () => {
    assert.equal(catalogueArgument(['/usr/bin/electron', '.', '--catalogue', '/data/cat']), '/data/cat');
    assert.equal(catalogueArgument(['fototar', '--catalogue=/data/cat']), '/data/cat');
    assert.equal(catalogueArgument(['fototar', '--catalogue']), null);
    assert.equal(catalogueArgument(['fototar', '--catalogue', '--inspect']), null);
    assert.equal(catalogueArgument(['fototar']), null);
  });
});
