// The grid's pages under the races a busy machine makes: a page asked for while the view is being
// fetched again (a photosChanged event during End on 1,500 photos), a page that arrives after its
// view was replaced, and a newer view overtaking an older one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGE_SIZE, PhotoPageStore, type FetchedPage } from '../../../../../renderer/src/library/photoPageStore.ts';
import type { PhotoSummary } from '../../../../../shared/types.ts';
import type { PhotoSort } from '../../../../../shared/photoSort.ts';

const SORT: PhotoSort = { field: 'date', direction: 'asc' };
const TOTAL = 1500;

interface Call {
  query: string;
  page: number;
  answer(version?: number): void;
}

/** A catalogue whose answers come only when the test says so; photo ids are index + 1. */
function slowCatalogue() {
  const calls: Call[] = [];
  const fetcher = (query: string, page: number): Promise<FetchedPage> =>
    new Promise((resolve) => {
      calls.push({
        query,
        page,
        answer: (version = 1) => {
          const photos = [];
          for (let i = page * PAGE_SIZE; i < Math.min(TOTAL, (page + 1) * PAGE_SIZE); i++) photos.push({ id: i + 1, title: `v${version}` } as unknown as PhotoSummary);
          resolve({ total: TOTAL, photos, error: null });
        },
      });
    });
  const take = (page: number): Call => {
    const i = calls.findIndex((c) => c.page === page);
    assert.ok(i >= 0, `page ${page} was asked for (asked: ${calls.map((c) => c.page).join(', ') || 'none'})`);
    return calls.splice(i, 1)[0];
  };
  return { calls, fetcher, take };
}

const settle = () => new Promise((r) => setImmediate(r));

function storeOn(fetcher: (query: string, page: number) => Promise<FetchedPage>) {
  const events: string[] = [];
  const store = new PhotoPageStore(fetcher, { onViewStart: () => events.push('start'), onView: () => events.push('view'), onPage: () => events.push('page') }, String);
  return { store, events };
}

/** The whole catalogue shown, the grid at its top. */
async function shownAtTop() {
  const catalogue = slowCatalogue();
  const { store } = storeOn(catalogue.fetcher);
  const first = store.show('', SORT);
  catalogue.take(0).answer();
  await first;
  store.ensureRange(0, 40);
  return { catalogue, store };
}

const titleAt = (store: PhotoPageStore, index: number) => (store.photoAt(index) as unknown as { title: string } | undefined)?.title;

test('End during a refresh: the last page is fetched for the view swapped in, not lost with the old one', async () => {
  const { catalogue, store } = await shownAtTop();
  assert.equal(store.photoAt(1499), undefined);

  // End: the grid asks for the last rows' page; before it comes, an edit's event refreshes the view.
  store.ensureRange(1480, 1500);
  const endPage = catalogue.take(7);
  const refresh = store.show('', SORT);
  // The grid asks again while the refresh is in flight: nothing is sent for a view on its way out.
  store.ensureRange(1480, 1500);
  assert.deepEqual(catalogue.calls.map((c) => c.page).sort(), [0, 7], 'the refresh asks for page 0 and the page in view');
  endPage.answer(1);
  await settle();
  catalogue.take(0).answer(2);
  catalogue.take(7).answer(2);
  await refresh;
  assert.equal(store.photoAt(1499)?.id, 1500);
  assert.equal(titleAt(store, 1499), 'v2', 'the refreshed page, not the replaced one');
});

test('a view swapped in asks for the pages in view it does not have yet', async () => {
  const { catalogue, store } = await shownAtTop();

  // A refresh starts with the grid at the top; End is pressed while it is in flight.
  const refresh = store.show('', SORT);
  store.ensureRange(1480, 1500);
  assert.deepEqual(catalogue.calls.map((c) => c.page), [0], 'nothing asked of the view being replaced');
  catalogue.take(0).answer(2);
  await refresh;
  // Without the request on swap, nothing would ask for page 7 until the grid scrolled again.
  catalogue.take(7).answer(2);
  await settle();
  assert.equal(store.photoAt(1499)?.id, 1500);
});

test('a page that arrives after its view was replaced by another query is dropped', async () => {
  const { catalogue, store } = await shownAtTop();
  store.ensureRange(200, 240);
  const late = catalogue.take(1);
  const search = store.show('villamos', SORT);
  catalogue.take(0).answer(3);
  await search;
  late.answer(1);
  await settle();
  assert.equal(store.source?.query, 'villamos');
  // The new query's own page 1 is asked for, because the grid is still there.
  const own = catalogue.take(1);
  assert.equal(own.query, 'villamos');
  own.answer(3);
  await settle();
  assert.equal(titleAt(store, 200), 'v3');
});

test('an older view that answers after a newer one is never shown', async () => {
  const catalogue = slowCatalogue();
  const { store, events } = storeOn(catalogue.fetcher);
  const older = store.show('tram', SORT);
  const newer = store.show('villamos', SORT);
  const [a, b] = [catalogue.take(0), catalogue.take(0)];
  b.answer(2);
  await newer;
  a.answer(1);
  await older;
  assert.equal(store.source?.query, 'villamos');
  assert.deepEqual(events, ['start', 'start', 'view']);
});

test('a refresh keeps the old rows on screen until the new ones come', async () => {
  const catalogue = slowCatalogue();
  const { store } = storeOn(catalogue.fetcher);
  const first = store.show('', SORT);
  catalogue.take(0).answer(1);
  await first;
  const refresh = store.show('', SORT);
  assert.equal(titleAt(store, 0), 'v1');
  catalogue.take(0).answer(2);
  await refresh;
  assert.equal(titleAt(store, 0), 'v2');
  assert.equal(store.loadedRange(0, 300).length, PAGE_SIZE);
  assert.equal(store.indexOfId(150), 149);
});
