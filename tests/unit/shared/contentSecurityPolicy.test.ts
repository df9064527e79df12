// The Content-Security-Policy the page receives (Electron's fototar-app:// and browser mode use
// the same function) is strict in every directive, and the page itself needs nothing looser:
// no inline scripts or styles in the HTML, source or built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, IMAGE_SCHEME } from '../../../shared/contentSecurityPolicy.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

test('every directive is as strict as the app allows', () => {
  for (const policy of [contentSecurityPolicy(), contentSecurityPolicy([`${IMAGE_SCHEME}:`])]) {
    const d = directives(policy);
    assert.deepEqual(d.get('default-src'), ["'none'"]);
    assert.deepEqual(d.get('script-src'), ["'self'"]);
    assert.deepEqual(d.get('style-src'), ["'self'"]);
    assert.deepEqual(d.get('connect-src'), ["'self'"]);
    assert.deepEqual(d.get('font-src'), ["'self'"]);
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) assert.deepEqual(d.get(name), ["'none'"], name);
    const images = d.get('img-src') ?? [];
    assert.deepEqual(images.filter((v) => !["'self'", 'data:', `${IMAGE_SCHEME}:`].includes(v)), []);
    for (const [name, values] of d) {
      for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'http:', 'https:', 'blob:', 'file:', 'filesystem:']) {
        assert.ok(!values.includes(loose), `${name} allows ${loose}`);
      }
    }
  }
  assert.ok(!directives(contentSecurityPolicy()).has('frame-src'), 'frames fall back to none');
});

test('the page has no inline script or style that would need a looser policy', () => {
  const pages = ['renderer/index.html', 'dist/renderer/index.html'].filter((f) => fs.existsSync(ROOT + f));
  assert.ok(pages.length >= 1);
  for (const page of pages) {
    const html = fs.readFileSync(ROOT + page, 'utf8');
    for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
      assert.match(script, /\bsrc=/, `${page}: inline script ${script.slice(0, 60)}`);
      assert.match(script, />\s*<\/script>$/, `${page}: script with a body`);
    }
    assert.doesNotMatch(html, /<style\b/i, `${page}: inline <style>`);
    assert.doesNotMatch(html, /\sstyle=/i, `${page}: style attribute`);
    assert.doesNotMatch(html, /\son[a-z]+=/i, `${page}: event handler attribute`);
    assert.doesNotMatch(html, /(src|href)=["']?(https?:)?\/\//i, `${page}: remote resource`);
  }
});
