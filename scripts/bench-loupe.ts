// The loupe on a 6,000 × 4,000 scan: how long from pressing Z in the large view until the first
// pixels show at 100% (the preview drawn at 100%'s size, at once) and until the scan's own pixels
// (the original, decoded) replace them: pressed at once when the large view opens ("cold"), and
// after looking at the photo for 2 s ("warm": the large view fetches and decodes the original in
// the background). Fresh browser context each run (nothing cached), browser mode, Chromium.
// One JSON line:
//   {"bench":"loupe","width":6000,"height":4000,"runs":5,"first_pixels_ms":{p50,p95,max},
//    "full_pixels_cold_ms":{…},"full_pixels_warm_ms":{…}}
//   node scripts/bench-loupe.ts [--runs 5] [--width 6000 --height 4000]
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { loupeCatalogue } from '../tests/support/loupeCatalogue.ts';
import { serveCatalogue } from '../tests/e2e/browserModeServer.ts';
import { percentile } from './benchStats.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, width: { type: 'string', default: '6000' }, height: { type: 'string', default: '4000' } } });
const RUNS = Number(values.runs);
const WIDTH = Number(values.width);
const HEIGHT = Number(values.height);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const summary = (xs: number[]) => ({ p50: Math.round(percentile(xs, 50)), p95: Math.round(percentile(xs, 95)), max: Math.round(Math.max(...xs)) });

const { dir } = await loupeCatalogue(WIDTH, HEIGHT);
const served = await serveCatalogue(dir);
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
const first: number[] = [];
const full: Record<'cold' | 'warm', number[]> = { cold: [], warm: [] };
try {
  for (let run = 0; run < RUNS * 2; run++) {
    const mode = run % 2 === 0 ? 'cold' : 'warm';
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(served.url);
    await page.locator('[data-testid="grid-cell"]').first().click();
    await page.keyboard.press(' ');
    await page.locator('[data-testid="large-view"] .large-stage img').waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="large-view"] .large-stage img') as HTMLImageElement | null)?.complete === true);
    if (mode === 'warm') await page.waitForTimeout(2000); // a person looking at the photo (this is a benchmark, not a test)
    // The page's clock at the key press, then at the first frame with pixels at 100%, then at
    // the frame after the original has loaded and decoded.
    await page.evaluate(() => {
      window.addEventListener('keydown', (e) => {
        if (e.key === 'z') (window as unknown as { zAt: number }).zAt = performance.now();
      }, { capture: true, once: true });
    });
    await page.keyboard.press('z');
    const firstAt = await page.waitForFunction(() => {
      const preview = document.querySelector('[data-testid="loupe"] .loupe-preview') as HTMLImageElement | null;
      return preview?.complete && preview.naturalWidth > 0 ? performance.now() : false;
    }, undefined, { polling: 'raf' });
    await page.waitForFunction(() => (document.querySelector('[data-testid="loupe-full"]') as HTMLImageElement | null)?.dataset.loaded === 'true', undefined, { polling: 'raf', timeout: 120_000 });
    const fullAt = await page.evaluate(async () => {
      const img = document.querySelector('[data-testid="loupe-full"]') as HTMLImageElement;
      await img.decode();
      return new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    });
    const zAt = await page.evaluate(() => (window as unknown as { zAt: number }).zAt);
    if (mode === 'cold') first.push((await firstAt.jsonValue()) as number - zAt);
    full[mode].push(fullAt - zAt);
    await context.close();
  }
} finally {
  await browser.close();
  await served.stop();
}
console.log(JSON.stringify({ bench: 'loupe', width: WIDTH, height: HEIGHT, runs: RUNS, first_pixels_ms: summary(first), full_pixels_cold_ms: summary(full.cold), full_pixels_warm_ms: summary(full.warm) }));
