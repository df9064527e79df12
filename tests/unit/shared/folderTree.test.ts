// The folder tree: counts include subfolders, the folders above all photos are collapsed (the
// ingested roots are the top nodes), a folder without photos and one subfolder is one node,
// names sort as Hungarian with numbers as numbers, Windows paths have their own roots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFolderTree, walkFolders, type FolderNode } from '../../../shared/folderTree.ts';
import { folderKey, folderKeyEnd, folderOfFile, folderPathOfKey, isAbsoluteFolder } from '../../../shared/folderPath.ts';

const brief = (nodes: FolderNode[]): unknown => nodes.map((n) => [n.name, n.count, ...(n.children.length ? [brief(n.children)] : [])]);

test('two ingested folders under one parent are the two top nodes, with counts including subfolders', () => {
  const tree = buildFolderTree([
    { folder: '/home/anna/Szkennelések/Doboz 2/', count: 3 },
    { folder: '/home/anna/Szkennelések/Doboz 10/', count: 4 },
    { folder: '/home/anna/Szkennelések/Doboz 10/Ünnepek/', count: 2 },
    { folder: '/home/anna/Szkennelések/Doboz 10/Ünnepek/1956/', count: 1 },
  ]);
  assert.equal(tree.parent, '/home/anna/Szkennelések');
  assert.equal(tree.total, 10);
  assert.deepEqual(brief(tree.nodes), [
    ['Doboz 2', 3],
    ['Doboz 10', 7, [['Ünnepek', 3, [['1956', 1]]]]],
  ]);
  const box10 = tree.nodes[1];
  assert.equal(box10.key, '/home/anna/Szkennelések/Doboz 10/');
  assert.equal(box10.path, '/home/anna/Szkennelések/Doboz 10');
  assert.equal(box10.own, 4);
  assert.deepEqual(
    [...walkFolders(tree.nodes)].map(({ node, depth }) => `${depth}:${node.name}`),
    ['0:Doboz 2', '0:Doboz 10', '1:Ünnepek', '2:1956'],
  );
});

test('one folder is its own top node; a chain without photos is one node; roots stay apart', () => {
  assert.deepEqual(brief(buildFolderTree([{ folder: '/scans/Doboz 1/', count: 5 }]).nodes), [['Doboz 1', 5]]);
  assert.equal(buildFolderTree([{ folder: '/scans/Doboz 1/', count: 5 }]).parent, '/scans');

  const chain = buildFolderTree([
    { folder: '/data/a/1950/Doboz 3/', count: 2 },
    { folder: '/data/b/', count: 1 },
  ]);
  assert.equal(chain.parent, '/data');
  assert.deepEqual(brief(chain.nodes), [
    ['a/1950/Doboz 3', 2],
    ['b', 1],
  ]);
  assert.equal(chain.nodes[0].path, '/data/a/1950/Doboz 3');

  // A folder holding photos and a subfolder stays a node above it.
  const parentWithPhotos = buildFolderTree([
    { folder: '/scans/', count: 1 },
    { folder: '/scans/x/', count: 1 },
  ]);
  assert.deepEqual(brief(parentWithPhotos.nodes), [['scans', 2, [['x', 1]]]]);

  const windows = buildFolderTree([
    { folder: 'C:\\Képek\\Doboz 1\\', count: 2 },
    { folder: 'D:\\Archívum\\', count: 1 },
  ]);
  assert.equal(windows.parent, null);
  assert.deepEqual(brief(windows.nodes), [
    ['C:\\Képek\\Doboz 1', 2],
    ['D:\\Archívum', 1],
  ]);
  assert.equal(windows.nodes[0].key, 'C:\\Képek\\Doboz 1\\');
  assert.deepEqual(buildFolderTree([]), { parent: null, nodes: [], total: 0 });
});

test('Hungarian order: accents with their letters, numbers as numbers', () => {
  const tree = buildFolderTree(['Öböl', 'Ostrom', 'Doboz 10', 'Doboz 9', 'Álló', 'Bárány'].map((name) => ({ folder: `/a/${name}/`, count: 1 })));
  assert.deepEqual(
    tree.nodes.map((n) => n.name),
    ['Álló', 'Bárány', 'Doboz 9', 'Doboz 10', 'Ostrom', 'Öböl'],
  );
});

test('folder keys: the same rule as the catalogue column, and a range that holds exactly the subfolders', () => {
  assert.equal(folderOfFile('/a/b/c.jpg'), '/a/b/');
  assert.equal(folderOfFile('/a/b\\c.jpg'), '/a/', 'a backslash is part of a POSIX name');
  assert.equal(folderOfFile('C:\\a\\b.jpg'), 'C:\\a\\');
  assert.equal(folderOfFile('C:/a/b.jpg'), 'C:/a/');
  assert.equal(folderKey('/a/b'), '/a/b/');
  assert.equal(folderKey('/a/b///'), '/a/b/');
  assert.equal(folderKey('C:\\a\\'), 'C:\\a\\');
  assert.equal(folderKey('/'), '/');
  assert.equal(folderPathOfKey('/a/b/'), '/a/b');
  assert.equal(folderPathOfKey('/'), '/');
  assert.equal(folderPathOfKey('C:\\'), 'C:\\');
  const key = folderKey('/a/Box 1');
  const inside = (folder: string) => folder >= key && folder < folderKeyEnd(key);
  assert.equal(inside('/a/Box 1/'), true);
  assert.equal(inside('/a/Box 1/x/y/'), true);
  assert.equal(inside('/a/Box 10/'), false);
  assert.equal(inside('/a/Box 1 b/'), false);
  assert.equal(inside('/a/Box 1-/'), false);
  assert.equal(isAbsoluteFolder('/x'), true);
  assert.equal(isAbsoluteFolder('C:\\x'), true);
  assert.equal(isAbsoluteFolder('\\\\server\\share'), true);
  assert.equal(isAbsoluteFolder('scans/x'), false);
  assert.equal(isAbsoluteFolder('~/scans'), false);
});

test('the folder filter in the search box: one at a time, the rest of the query kept', async () => {
  const { withFolderFilter, folderFilterOf } = await import('../../../shared/folderFilter.ts');
  assert.equal(withFolderFilter('', '/scans/Doboz 1'), 'folder:"/scans/Doboz 1" ');
  assert.equal(withFolderFilter('villamos donor:"Nagy Gyula" folder:"/scans/Doboz 1" year:1956', '/scans/Doboz 2/'), 'villamos donor:"Nagy Gyula" year:1956 folder:"/scans/Doboz 2" ');
  assert.equal(withFolderFilter('villamos mappa:/scans/x', null), 'villamos');
  assert.equal(folderFilterOf('villamos folder:"/scans/Doboz 2" '), '/scans/Doboz 2/');
  assert.equal(folderFilterOf('-folder:"/scans/Doboz 2"'), null);
  assert.equal(folderFilterOf('villamos'), null);
});
