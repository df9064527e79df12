// The main process's own dialogs (Add Folder from the menu) say the catalogue's errors in the UI
// language, by the key the API carries, exactly as the renderer's i18next says them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogueMessage } from '../../../electron/catalogueMessage.ts';
import { englishMessage, type ErrorKey, type ErrorParams } from '../../../shared/errorMessages.ts';
import { translator } from '../renderer/i18nForTests.ts';

const cases: [ErrorKey, ErrorParams][] = [
  ['notChosenIngest', { path: '/home/anna/szkennek' }],
  ['collectionExists', { name: 'Hidak {{name}}' }],
  ['outputExists', { count: 13560, folder: '/ki', files: 'a.jpg' }],
  ['photoInCollectionTwice', { id: 7, count: 2, figures: '1, 3' }],
  ['tagsUndecodable', { count: 1 }],
  ['tagsUndecodable', { count: 3 }],
];

test('Hungarian by the key, as i18next says it; English as the CLI says it; no key: the message that came', async () => {
  const t = (await translator('hu')) as unknown as (key: string, options: object) => string;
  for (const [key, params] of cases) {
    const options = { replace: params, ...(typeof params.count === 'number' ? { count: params.count } : {}) };
    assert.equal(catalogueMessage('hu', { message: 'x', key, params }), t(`errors:${key}`, options), key);
    assert.equal(catalogueMessage('en', { message: 'x', key, params }), englishMessage(key, params));
  }
  assert.equal(catalogueMessage('hu', { message: 'The catalogue is closed.' }), 'The catalogue is closed.');
  assert.equal(catalogueMessage('hu', { message: 'Newer.', key: 'fromTheFuture' as ErrorKey }), 'Newer.');
});
