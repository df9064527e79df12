// Page object for the library: the grid, the search box, the status bar and the facets. Every
// wait is on a state the page shows (never on time).
import { expect, type Locator, type Page } from '@playwright/test';

export class LibraryPage {
  readonly page: Page;
  readonly grid: Locator;
  readonly cells: Locator;
  readonly search: Locator;
  readonly resultCount: Locator;
  readonly selectedCount: Locator;
  readonly facets: Locator;
  readonly notice: Locator;

  constructor(page: Page) {
    this.page = page;
    this.grid = page.getByTestId('grid');
    this.cells = page.getByTestId('grid-cell');
    this.search = page.getByTestId('search-input');
    this.resultCount = page.getByTestId('result-count');
    this.selectedCount = page.getByTestId('selected-count');
    this.facets = page.getByTestId('facet-panel');
    this.notice = page.getByTestId('status-message');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.cells.first()).toBeVisible({ timeout: 60_000 });
  }

  cell(id: number): Locator {
    return this.page.locator(`[data-testid="grid-cell"][data-photo-id="${id}"]`);
  }

  cellAt(index: number): Locator {
    return this.page.locator(`[data-testid="grid-cell"][data-index="${index}"]`);
  }

  /** Clicks a cell and waits until the grid shows it selected (so keys go to the grid, not a field). */
  async clickCell(index: number, modifiers: ('Shift' | 'ControlOrMeta')[] = []): Promise<void> {
    const cell = this.cellAt(index);
    await cell.click({ modifiers });
    if (modifiers.length === 0) await expect(cell).toHaveAttribute('aria-selected', 'true');
  }

  async expectSelected(count: number): Promise<void> {
    await expect(this.selectedCount).toHaveText(`${count.toLocaleString('en-US')} selected`, { timeout: 60_000 });
  }

  async searchFor(query: string): Promise<void> {
    await this.search.fill(query);
    await this.search.press('Enter');
    await expect(this.resultCount).toContainText(`“${query}”`);
  }

  /** Presses keys on the grid; the focus must not be in a field (it was given back by a click). */
  async press(keys: string): Promise<void> {
    await expect(this.page.locator('input:focus, textarea:focus')).toHaveCount(0);
    await this.page.keyboard.press(keys);
  }
}
