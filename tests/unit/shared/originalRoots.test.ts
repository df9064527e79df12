import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanRootName, fileOnThisComputer, reachableHere, recordedFile, type RootOnThisComputer } from '../../../shared/originalRoots.ts';

const roots: RootOnThisComputer[] = [
  { name: 'Szkennelések', folder: '/mnt/scans/', local: '\\\\nas\\scans' },
  { name: 'Fortepan 2024', folder: '/mnt/scans/2024/', local: '/Volumes/Fortepan 2024/' },
  { name: 'Régi lemez', folder: 'D:\\archivum\\', local: null },
];

test('a recorded original is found under this computer’s own path to its named folder, in its separators; the deepest named folder wins', () => {
  assert.equal(fileOnThisComputer('/mnt/scans/Doboz 12/fortepan_7416.jpg', roots), '\\\\nas\\scans\\Doboz 12\\fortepan_7416.jpg');
  assert.equal(fileOnThisComputer('/mnt/scans/2024/ősz/kép.tif', roots), '/Volumes/Fortepan 2024/ősz/kép.tif');
  assert.equal(fileOnThisComputer('/mnt/scans2/other.jpg', roots), '/mnt/scans2/other.jpg', 'a sibling folder is not inside');
});

test('a file in no named folder, or in one this computer has not mapped, keeps its recorded path', () => {
  assert.equal(fileOnThisComputer('/home/anna/kep.jpg', roots), '/home/anna/kep.jpg');
  assert.equal(fileOnThisComputer('D:\\archivum\\a.jpg', roots), 'D:\\archivum\\a.jpg');
  assert.equal(fileOnThisComputer('/mnt/scans/x.jpg', []), '/mnt/scans/x.jpg');
});

test('root names are trimmed and bounded', () => {
  assert.equal(cleanRootName('  Szkennelések   2024 '), 'Szkennelések 2024');
  assert.equal(cleanRootName('   '), null);
  assert.equal(cleanRootName('x'.repeat(101)), null);
});

test('a file this computer adds is recorded under the named folder it maps, as the catalogue writes that folder; and found back the same way', () => {
  assert.equal(recordedFile('\\\\nas\\scans\\Doboz 3\\új.jpg', roots), '/mnt/scans/Doboz 3/új.jpg');
  assert.equal(recordedFile('/Volumes/Fortepan 2024/tél/a.tif', roots), '/mnt/scans/2024/tél/a.tif');
  assert.equal(recordedFile('/home/bela/kep.jpg', roots), '/home/bela/kep.jpg', 'outside every mapped folder: as it is');
  for (const file of ['/mnt/scans/Doboz 3/új.jpg', '/mnt/scans/2024/tél/a.tif']) assert.equal(recordedFile(fileOnThisComputer(file, roots), roots), file);
});

test('this computer can tell about an original in no named folder, or in one it has mapped; not in one it has not', () => {
  assert.equal(reachableHere('/mnt/scans/a.jpg', roots), true);
  assert.equal(reachableHere('/home/anna/a.jpg', roots), true);
  assert.equal(reachableHere('D:\\archivum\\a.jpg', roots), false);
});
