// A browser session in a given language on a served catalogue, and API calls made as the page
// makes them, for the tests of the UI's languages.
import { expect, type Browser, type Page } from '@playwright/test';

/** A fresh context in `locale` (e.g. 'hu-HU'), opened on `url` once the grid shows photos. */
export async function openIn(browser: Browser, locale: string, url: string, viewport = { width: 1400, height: 860 }): Promise<Page> {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('grid-cell').first()).toBeVisible({ timeout: 60_000 });
  return page;
}

/** An API call as the page makes it (relative to the page's tokenised address); its value, as each test reads it. */
export async function callApi(page: Page, method: string, params: unknown): Promise<any> {
  const envelope = await page.evaluate(
    async ([m, p]) => (await fetch(`api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) })).json(),
    [method, params] as const,
  );
  expect(envelope.ok, JSON.stringify(envelope)).toBe(true);
  return envelope.value;
}
