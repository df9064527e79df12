// The one "is this path inside that folder" check (electron/paths/isInside.ts), lexical and real.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { containedRealFile, isInside, isInsideReal, isSameOrInside, isSameOrInsideReal, realPathOfNearest } from '../../../../electron/paths/isInside.ts';

describe('isInside (lexical)', () => {
  test('inside, itself, outside, and .. that climbs out', () => {
    assert.equal(isInside('/a/b/c.jpg', '/a/b', path.posix), true);
    assert.equal(isInside('/a/b/x/y/z', '/a/b', path.posix), true);
    assert.equal(isInside('/a/b', '/a/b', path.posix), false, 'a folder is not inside itself');
    assert.equal(isSameOrInside('/a/b', '/a/b/', path.posix), true);
    assert.equal(isInside('/a/b/../c', '/a/b', path.posix), false);
    assert.equal(isInside('/a/b/x/../../b/y', '/a/b', path.posix), true);
    assert.equal(isInside('/a', '/a/b', path.posix), false);
    assert.equal(isInside('/', '/a/b', path.posix), false);
  });

  test('a sibling sharing the prefix is outside; a name starting with two dots is inside', () => {
    assert.equal(isInside('/a/bc', '/a/b', path.posix), false);
    assert.equal(isInside('/a/bc/x', '/a/b', path.posix), false);
    assert.equal(isSameOrInside('/a/bc', '/a/b', path.posix), false);
    assert.equal(isInside('/a/b/..c', '/a/b', path.posix), true);
    assert.equal(isInside('/a/b/...', '/a/b', path.posix), true);
  });

  test('case: POSIX compares exactly, Windows ignores case', () => {
    assert.equal(isInside('/A/b/c', '/a/b', path.posix), false);
    assert.equal(isInside('C:\\Users\\Anna\\Pictures\\x.jpg', 'c:\\users\\anna', path.win32), true);
  });

  test('Windows: either separator, .. across the root, other drives and UNC shares', () => {
    assert.equal(isInside('C:/Photos/1956/x.jpg', 'C:\\Photos', path.win32), true);
    assert.equal(isInside('C:\\Photos\\..\\Windows\\x', 'C:\\Photos', path.win32), false);
    assert.equal(isInside('C:\\PhotosOld\\x', 'C:\\Photos', path.win32), false);
    assert.equal(isInside('D:\\Photos\\x', 'C:\\Photos', path.win32), false);
    assert.equal(isInside('\\\\server\\share\\a\\x', '\\\\server\\share\\a', path.win32), true);
    assert.equal(isInside('\\\\server\\other\\a\\x', '\\\\server\\share\\a', path.win32), false);
  });
});

describe('real paths', () => {
  let base: string;
  before(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fototar-inside-')));
    fs.mkdirSync(path.join(base, 'chosen'));
    fs.mkdirSync(path.join(base, 'private'));
    fs.writeFileSync(path.join(base, 'private', 'secret.txt'), 'x');
    fs.writeFileSync(path.join(base, 'chosen', 'photo.jpg'), 'x');
    fs.symlinkSync(path.join(base, 'private'), path.join(base, 'chosen', 'link-out'));
    fs.symlinkSync(path.join(base, 'chosen'), path.join(base, 'link-in'));
  });
  after(() => fs.rmSync(base, { recursive: true, force: true }));

  test('a symbolic link inside that leads out is outside; a link to the folder is inside', () => {
    const throughLink = path.join(base, 'chosen', 'link-out', 'secret.txt');
    assert.equal(isInside(throughLink, path.join(base, 'chosen')), true, 'lexically it looks inside');
    assert.equal(isInsideReal(throughLink, path.join(base, 'chosen')), false);
    assert.equal(isInsideReal(path.join(base, 'link-in', 'photo.jpg'), path.join(base, 'chosen')), true);
    assert.equal(isSameOrInsideReal(path.join(base, 'link-in'), path.join(base, 'chosen')), true);
  });

  test('paths not created yet resolve through their nearest existing ancestor', () => {
    assert.equal(realPathOfNearest(path.join(base, 'link-in', 'new', 'deeper')), path.join(base, 'chosen', 'new', 'deeper'));
    assert.equal(realPathOfNearest(path.join(base, 'chosen', 'link-out', 'new')), path.join(base, 'private', 'new'));
    assert.equal(isInsideReal(path.join(base, 'chosen', 'link-out', 'new'), path.join(base, 'chosen')), false);
    assert.equal(realPathOfNearest(path.join(base, 'chosen', 'photo.jpg', 'x')), path.join(base, 'chosen', 'photo.jpg', 'x'), 'a file in the way');
  });

  test('containedRealFile: only existing regular files really inside', () => {
    const root = path.join(base, 'chosen');
    assert.equal(containedRealFile(root, path.join(root, 'photo.jpg')), path.join(root, 'photo.jpg'));
    assert.equal(containedRealFile(root, path.join(root, 'link-out', 'secret.txt')), null);
    assert.equal(containedRealFile(root, path.join(base, 'link-in', 'photo.jpg')), path.join(root, 'photo.jpg'));
    assert.equal(containedRealFile(root, root), null);
    assert.equal(containedRealFile(root, path.join(root, 'missing.jpg')), null);
    assert.equal(containedRealFile(path.join(base, 'chose'), path.join(root, 'photo.jpg')), null, 'a prefix is not a parent');
  });
});
