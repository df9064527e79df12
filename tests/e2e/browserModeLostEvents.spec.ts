// Browser mode's event stream can drop, or not be connected yet when work starts and ends. What
// the window shows must still catch up: an ingest's summary appears without a single event, and
// when the stream comes back the grid shows what was added meanwhile.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { makeJpeg, tempDir, writeFixture } from '../support/fixtures.ts';
import { serveCatalogue, type ServedCatalogue } from './browserModeServer.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

test('an ingest whose events are all lost still shows its summary; the grid catches up when the stream is back', async ({ page }) => {
  const dir = await tempDir('fototar-e2e-');
  const photos = path.join(dir, 'scans');
  for (const [name, colour] of [['a.jpg', '#6b5840'], ['b.jpg', '#445566'], ['c.jpg', '#887766']] as const) {
    await writeFixture(photos, name, makeJpeg({ width: 120, height: 90, colour }));
  }
  await writeFixture(photos, 'broken.jpg', Promise.resolve(Buffer.from('not an image')));
  served = await serveCatalogue(path.join(dir, 'catalogue'));

  // No event reaches the page: every try of the stream fails as a dropped connection would.
  const blockEvents = (route: import('@playwright/test').Route) => route.abort('connectionreset');
  await page.route('**/events', blockEvents);
  await page.goto(served.url);
  await expect(page.getByTestId('empty-state')).toBeVisible();

  await page.getByTestId('add-folder').click();
  await page.getByTestId('folder-path-input').fill(photos);
  await page.getByTestId('folder-path-submit').click();
  const summary = page.getByTestId('ingest-summary');
  await expect(summary).toBeVisible();
  await expect(summary.locator('.stat b').first()).toHaveText('3');
  await expect(page.getByTestId('ingest-report')).toContainText('broken.jpg');

  // The stream reconnects by itself; everything shown is read again.
  await page.unroute('**/events', blockEvents);
  await expect(page.getByTestId('grid-cell')).toHaveCount(3);
});
