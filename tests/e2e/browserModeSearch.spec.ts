// Search as an author uses it in browser mode: the help popover, facets of the current result
// (a click on a tag, a drag on the year timeline), each narrowing the grid and the query.
import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { tempDir } from '../support/fixtures.ts';
import { serveCatalogue, repoRoot, type ServedCatalogue } from './browserModeServer.ts';
import { makeSample } from '../../scripts/make-sample.ts';

let served: ServedCatalogue | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

const cells = (page: Page) => page.getByTestId('grid-cell');

test('help popover, facets and the year timeline narrow the search', async ({ page }) => {
  const dir = await tempDir('fototar-search-e2e-');
  const { catalogueDir } = await makeSample(dir);
  served = await serveCatalogue(catalogueDir);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(served.url);
  await expect(cells(page)).toHaveCount(12);
  const search = page.getByTestId('search-input');

  // The query language is explained next to the box; an example runs as a search.
  await page.getByTestId('search-help-button').click();
  const help = page.getByTestId('search-help');
  await expect(help).toBeVisible();
  await expect(help).toContainText('year:1950..1960');
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'search-help.png') });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // The timeline shows the whole catalogue's years; facets list tags with counts.
  await expect(page.getByTestId('timeline')).toBeVisible();
  await search.fill('budapest');
  await expect(page.getByTestId('result-count')).toContainText('4 photos match');
  await page.getByTestId('facet-toggle').click();
  const tags = page.getByTestId('facet-tag');
  await expect(tags.getByRole('button', { name: /híd\s*2/ })).toBeVisible();
  await expect(page.getByTestId('facet-donor').getByRole('button', { name: /Nagy Gyula\s*2/ })).toBeVisible();
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'search-facets.png') });
  await tags.getByRole('button', { name: /híd\s*2/ }).click();
  await expect(search).toHaveValue('budapest tag:híd ');
  await expect(cells(page)).toHaveCount(2);

  // Drag across the 1960s on the timeline: the query gets a year range.
  await search.fill('budapest');
  await expect(page.getByTestId('result-count')).toContainText('4 photos match');
  const bars = page.locator('.timeline-bars');
  const box = (await bars.boundingBox())!;
  const firstBar = page.locator('.timeline-bar').first();
  await expect(firstBar).toHaveAttribute('title', /^1950:/);
  const barCount = await page.locator('.timeline-bar').count();
  const x = (i: number) => box.x + ((i + 0.5) / barCount) * box.width;
  await page.mouse.move(x(10), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(x(19), box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(search).toHaveValue('budapest year:1960..1969');
  await expect(cells(page)).toHaveCount(1);
  await expect(page.getByTestId('timeline-range')).toContainText('1960–1969');
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'search-timeline.png') });
  expect(errors).toEqual([]);
});

test('inflected Hungarian finds the photos; a misspelling offers "Did you mean" and runs it on a click', async ({ page }) => {
  const dir = await tempDir('fototar-search-hu-e2e-');
  const { catalogueDir } = await makeSample(dir);
  served = await serveCatalogue(catalogueDir);
  await page.goto(served.url);
  await expect(cells(page)).toHaveCount(12);
  const search = page.getByTestId('search-input');

  // "in the church": the tag templom, the Nagytemplom and the Főplébániatemplom.
  await search.fill('templomban ');
  await expect(page.getByTestId('result-count')).toContainText('2 photos match');
  await search.fill('Dunán OR Balatonon ');
  await expect(page.getByTestId('result-count')).toContainText('4 photos match');

  await search.fill('Budapset');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  const suggestion = page.getByTestId('search-suggestion');
  await expect(suggestion).toHaveText('Did you mean “budapest”?');
  await suggestion.click();
  await expect(search).toHaveValue('budapest');
  await expect(page.getByTestId('result-count')).toContainText('4 photos match');
});
