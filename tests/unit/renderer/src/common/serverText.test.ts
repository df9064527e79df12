// What the catalogue said, in the UI's language: by the message key the API carries beside the
// English; the English when there is no key or an unknown one; data inserted as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverTextIn, type LooseT } from '../../../../../renderer/src/common/serverText.ts';
import { ApiError, createApi } from '../../../../../shared/apiClient.ts';
import { englishMessage } from '../../../../../shared/errorMessages.ts';
import { translator } from '../../i18nForTests.ts';

const loose = async (language: 'hu' | 'en') => (await translator(language)) as unknown as LooseT;

test('a catalogue error is said in Hungarian by its key, with its data as given', async () => {
  const t = await loose('hu');
  const name = '3. fejezet {{name}} <b>';
  const english = englishMessage('collectionExists', { name });
  assert.equal(serverTextIn(t, 'hu', english, { key: 'collectionExists', params: { name } }), 'Már van „3. fejezet {{name}} <b>” nevű gyűjtemény.');
  assert.equal(serverTextIn(t, 'hu', 'x', { key: 'editNotSaved', params: { reason: 'SQLITE_FULL: database or disk is full' } }), 'A szerkesztés nem mentődött: SQLITE_FULL: database or disk is full');
  // Counts in the UI's number format; plural forms chosen by count.
  assert.match(serverTextIn(t, 'hu', 'x', { key: 'outputExists', params: { count: 13560, folder: '/ki', files: 'a.jpg' } }), /^Az exportálás 13\u00a0560 fájlja már megvan ebben a mappában: \/ki \(a\.jpg\)/);
  // A field name is the editor's label; an unreadable date's reason is read again in Hungarian.
  assert.equal(serverTextIn(t, 'hu', 'x', { key: 'importInvalidValue', params: { field: 'donor', issue: 'Too big' } }), 'Adományozó: Too big');
  const date = serverTextIn(t, 'hu', 'x', { key: 'dateNotSaved', params: { reason: 'English reason', unreadableDate: 'valamikor' } });
  assert.match(date, /^A dátum nem mentődött: /);
  assert.doesNotMatch(date, /English reason/);
  // A value refused inside an edit: the reason is said by its own key.
  const refused = serverTextIn(t, 'hu', 'x', { key: 'valueRefused', params: { field: 'caption', reason: 'Caption not stored: …', reasonKey: 'fieldUndecodable' } });
  assert.match(refused, /^Leírás: nem mentődött, mert „\ufffd” \(U\+FFFD\) karaktert tartalmaz/);
  assert.doesNotMatch(refused, /not stored/);
  // An import warning: a value cut to its limit.
  assert.equal(serverTextIn(t, 'hu', 'x', { key: 'fieldCut', params: { field: 'caption', max: 20000, length: 20010 } }), 'Leírás: 20\u00a0000 karakterre rövidítve (eredetileg 20\u00a0010 karakter volt)');
});

test('English says it as the CLI does; no key or an unknown key shows the English that came', async () => {
  const en = await loose('en');
  const hu = await loose('hu');
  const params = { ids: '5' };
  assert.equal(serverTextIn(en, 'en', englishMessage('photoNotFound', params), { key: 'photoNotFound', params }), 'No photo with id 5 in this catalogue.');
  assert.equal(serverTextIn(hu, 'hu', 'Something an older catalogue said.', undefined), 'Something an older catalogue said.');
  assert.equal(serverTextIn(hu, 'hu', 'A newer catalogue said this.', { key: 'notAKeyYet' as never }), 'A newer catalogue said this.');
});

test('ApiError keeps the key and params of the envelope; an unknown key or malformed params are dropped, the message stays', async () => {
  const answers: unknown[] = [
    { ok: false, error: { code: 'invalid-input', message: 'A collection named "x" already exists.', key: 'collectionExists', params: { name: 'x' } } },
    { ok: false, error: { code: 'invalid-input', message: 'Newer.', key: 'fromTheFuture', params: { a: 1 } } },
    { ok: false, error: { code: 'invalid-input', message: 'Odd.', key: 'collectionExists', params: { name: { html: '<b>' } } } },
    { ok: false, error: { code: 'network', message: 'The server is silent.' } },
  ];
  const api = createApi(async () => answers.shift() as never);
  const caught = async () => api.info({}).then(() => assert.fail('answered'), (e: unknown) => e as ApiError);
  const known = await caught();
  assert.deepEqual([known.code, known.message, known.key, known.params], ['invalid-input', 'A collection named "x" already exists.', 'collectionExists', { name: 'x' }]);
  const future = await caught();
  assert.deepEqual([future.message, future.key, future.params], ['Newer.', undefined, undefined]);
  const odd = await caught();
  assert.deepEqual([odd.message, odd.key, odd.params], ['Odd.', undefined, undefined]);
  const plain = await caught();
  assert.deepEqual([plain.code, plain.message, plain.key], ['network', 'The server is silent.', undefined]);
});
