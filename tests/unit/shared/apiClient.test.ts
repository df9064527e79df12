// The API client carries, with every call, the catalogue its window loaded — as the first `info`
// named it — so the host can refuse a call meant for a catalogue that is no longer open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApi } from '../../../shared/apiClient.ts';

test('every call names the catalogue the window loaded, from the first info on; a later info does not change it', async () => {
  const sent: [string, string | null][] = [];
  let directory = '/home/anna/Fortepan';
  const api = createApi(async (method, _params, catalogue) => {
    sent.push([method, catalogue]);
    return { ok: true, value: method === 'info' ? { name: 'Fortepan', directory, photos: 0, transport: 'browser', version: 't' } : { total: 0, photos: [] } };
  });
  await api.listPhotos({ offset: 0, limit: 1 });
  await api.info({});
  await api.listPhotos({ offset: 0, limit: 1 });
  // Another catalogue was opened meanwhile: this window's data are still the first one's.
  directory = 'postgres://anna@db/csapat';
  await api.info({});
  await api.listPhotos({ offset: 0, limit: 1 });
  assert.deepEqual(sent, [
    ['listPhotos', null],
    ['info', null],
    ['listPhotos', '/home/anna/Fortepan'],
    ['info', '/home/anna/Fortepan'],
    ['listPhotos', '/home/anna/Fortepan'],
  ]);
});
