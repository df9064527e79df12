// Export names derived from metadata cannot escape the output folder: hostile original file
// names and identities through the export naming (electron/catalogue/collections/exportNames.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { exportFileName, exportIdentity, insideFolder, safeFileNamePart } from '../../../../../electron/catalogue/collections/exportNames.ts';

const HOSTILE = [
  '../../etc/passwd', '..', '.', '/etc/shadow', 'C:\\Windows\\system32\\x', '..\\..\\boot.ini', 'a\0b', '.bashrc', 'CON', 'nul.txt', 'com1',
  '\u202egpj.exe', 'x/../../y', '   ', '', '<img src=x onerror=alert(1)>', 'line\nbreak', '%2e%2e%2fetc', 'ő'.repeat(400),
];

test('hostile original names become one plain, bounded segment', () => {
  for (const name of HOSTILE) {
    const safe = safeFileNamePart(name);
    assert.doesNotMatch(safe, /[\\/\0\n<>:"|?*\u202e]/, JSON.stringify(name));
    assert.ok(!safe.startsWith('.') && !safe.includes('..'), JSON.stringify(name));
    assert.doesNotMatch(safe, /^(con|nul|com1)(\.|$)/i, JSON.stringify(name));
    assert.ok(safe.length <= 80, JSON.stringify(name));
  }
});

test('every export file made from a hostile photo lands directly inside the output folder', () => {
  const out = path.resolve('/tmp/export-here');
  HOSTILE.forEach((name, i) => {
    for (const file of [name, `/photos/${name}.jpg`, `C:\\scans\\${name}.tif`]) {
      const identity = exportIdentity({ id: i + 1, fortepanId: null, file });
      assert.ok(identity.length > 0, JSON.stringify(file));
      const target = insideFolder(out, exportFileName(i + 1, HOSTILE.length, identity, 'jpg'));
      assert.equal(path.dirname(target), out, JSON.stringify(file));
    }
  });
  for (const evil of ['../x.jpg', '/etc/x.jpg', 'a/b.jpg', '..', 'a/../../x.jpg']) assert.throws(() => insideFolder(out, evil), /unsafe export file name/, evil);
});
