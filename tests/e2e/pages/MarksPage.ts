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

  /**
   * What the card of the photo at `index` shows, read in one step in the page. Read mark by mark
   * (is there a label? then its colour), a label taken off in between left getAttribute waiting
   * for an element that was gone: under stress-ng that hung the poll for its 30 s while the card
   * already showed the right marks.
   */
  async card(cell: Locator): Promise<CardMarks> {
    return cell.evaluate((el) => {
      const mark = (testId: string, name: string) => el.querySelector(`[data-testid="${testId}"]`)?.getAttribute(name) ?? null;
      return {
        rating: Number(mark('cell-stars', 'data-rating') ?? 0),
        flag: mark('cell-flag', 'data-flag') ?? '',
        label: mark('cell-label', 'data-label') ?? '',
        rejected: el.classList.contains('rejected'),
      };
    }, undefined, { timeout: 10_000 });
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
