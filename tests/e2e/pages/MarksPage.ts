// Page object for ratings, flags and colour labels: what a grid card shows, the detail panel's
// mark editor and the facet panel's marks. Every wait is on a state the page shows.
import { expect, type Locator, type Page } from '@playwright/test';

export interface CardMarks {
  rating: number;
  flag: string;
  label: string;
  rejected: boolean;
}

export class MarksPage {
  readonly page: Page;
  readonly editor: Locator;
  readonly facets: Locator;

  constructor(page: Page) {
    this.page = page;
    this.editor = page.getByTestId('marks-editor');
    this.facets = page.getByTestId('facet-marks');
  }

  /** What the card of the photo at `index` shows. */
  async card(cell: Locator): Promise<CardMarks> {
    const stars = cell.getByTestId('cell-stars');
    const flag = cell.getByTestId('cell-flag');
    const label = cell.getByTestId('cell-label');
    return {
      rating: (await stars.count()) ? Number(await stars.getAttribute('data-rating')) : 0,
      flag: (await flag.count()) ? ((await flag.getAttribute('data-flag')) ?? '') : '',
      label: (await label.count()) ? ((await label.getAttribute('data-label')) ?? '') : '',
      rejected: ((await cell.getAttribute('class')) ?? '').split(' ').includes('rejected'),
    };
  }

  async expectCard(cell: Locator, marks: Partial<CardMarks>): Promise<void> {
    await expect.poll(async () => {
      const shown = await this.card(cell);
      return Object.fromEntries(Object.keys(marks).map((k) => [k, shown[k as keyof CardMarks]]));
    }, { timeout: 30_000 }).toEqual(marks);
  }

  /** Opens the facet panel's lists ("Refine") and answers the marks section. */
  async openFacets(): Promise<Locator> {
    if (!(await this.facets.isVisible())) await this.page.getByTestId('facet-toggle').click();
    await expect(this.facets).toBeVisible();
    return this.facets;
  }

  facetCount(testId: string): Locator {
    return this.facets.getByTestId(testId).locator('.facet-count');
  }
}
