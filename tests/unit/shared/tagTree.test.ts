import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareTagPaths, nestTags, tagTreeLines } from '../../../shared/tagTree.ts';

test('flat paths nest by their levels, children in the order given, a missing parent skipped over', () => {
  const roots = nestTags([
    { path: 'Helyszín', count: 3 },
    { path: 'Helyszín|Budapest|Üllői út', count: 1 },
    { path: 'villamos', count: 2 },
    { path: 'Helyszín|Budapest', count: 2 },
    { path: 'Egyéb|Helyszín|Pécs', count: 1 },
  ]);
  assert.deepEqual(roots.map((r) => r.path), ['Helyszín', 'villamos', 'Egyéb|Helyszín|Pécs']);
  assert.deepEqual(roots[0].children.map((c) => [c.name, c.depth, c.count]), [['Budapest', 1, 2]]);
  assert.deepEqual(roots[0].children[0].children.map((c) => c.path), ['Helyszín|Budapest|Üllői út']);
  assert.deepEqual(tagTreeLines(roots.slice(0, 2)), ['      3  Helyszín', '      2    Budapest', '      1      Üllői út', '      2  villamos']);
});

test('paths sort level by level in Hungarian order', () => {
  const paths = ['Helyszín|Győr', 'Helyszín|Budapest|Zugló', 'Hajó', 'Helyszín', 'Helyszín|Budapest', 'Csepel', 'Cukor'];
  assert.deepEqual([...paths].sort(compareTagPaths), ['Cukor', 'Csepel', 'Hajó', 'Helyszín', 'Helyszín|Budapest', 'Helyszín|Budapest|Zugló', 'Helyszín|Győr']);
});
