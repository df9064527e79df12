import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createApiHandler } from '../../../../electron/catalogue/apiHandler.ts';
import { archivistCatalogue } from '../../../support/archivistCatalogue.ts';

test('the API serves undo/redo, tags, suggestions, batch fields, imports and sidecar settings', async () => {
  const { catalogue, ids } = await archivistCatalogue(2);
  const handle = createApiHandler(catalogue, { transport: 'browser', version: 'test' });
  const call = async (method: string, params: unknown) => {
    const answer = await handle(method, params);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as never;
  };
  try {
    await call('updatePhotos', { ids, patch: { tags: ['villamos'], licence: 'Saját licenc' } });
    assert.deepEqual(((await call('listTags', { prefix: 'vil' })) as { tags: unknown[] }).tags, [{ tag: 'villamos', count: 2 }]);
    const licences = ((await call('fieldSuggestions', { field: 'licence' })) as { values: string[] }).values;
    assert.equal(licences[0], 'CC BY-SA 3.0');
    assert.ok(licences.includes('Saját licenc'));
    assert.equal(((await call('selectionFields', { ids })) as { common: { licence: string } }).common.licence, 'Saját licenc');
    assert.equal(((await call('renameTag', { from: 'villamos', to: 'Villamos' })) as { photos: number }).photos, 2);
    assert.equal(((await call('undo', {})) as { label: string }).label, 'Rename tag "villamos" to "Villamos"');
    assert.equal(((await call('editHistory', {})) as { canRedo: boolean }).canRedo, true);
    const preview = (await call('importMetadata', { base64: Buffer.from('fortepan_id,title\n1000,Cím\n').toString('base64'), name: 'lista.csv', apply: false })) as { changes: unknown[]; applied: boolean };
    assert.deepEqual([preview.changes.length, preview.applied], [1, false]);
    assert.equal((await catalogue.photos.get(ids[0])).title, '');

    // With automatic sidecars on, a sidecar another program wrote is kept and the save says so.
    assert.deepEqual(await call('setSidecarSettings', { autoWrite: true }), { autoWrite: true, naming: 'name.ext.xmp' });
    const file = (await catalogue.photos.get(ids[0])).file;
    fs.writeFileSync(`${file}.xmp`, '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>');
    const saved = (await call('updatePhotos', { ids: [ids[0]], patch: { title: 'Új' } })) as { sidecarProblems?: string[] };
    assert.match(saved.sidecarProblems?.[0] ?? '', /another program/);
    assert.equal(fs.readFileSync(`${file}.xmp`, 'utf8'), '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>');
    const other = (await call('updatePhotos', { ids: [ids[1]], patch: { title: 'Másik' } })) as { sidecarProblems?: string[] };
    assert.equal(other.sidecarProblems, undefined);
    assert.ok(fs.existsSync(`${(await catalogue.photos.get(ids[1])).file}.xmp`));

    const bad = await handle('renameTag', { from: '', to: 'x' });
    assert.equal(bad.ok, false);
  } finally {
    catalogue.close();
  }
});
