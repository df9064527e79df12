// Page object for the right-hand panel: one photo's details and editor, or the selection's
// credit list and batch editor.
import { expect, type Locator, type Page } from '@playwright/test';

export class SelectionPanelPage {
  readonly page: Page;
  readonly panel: Locator;
  readonly creditLine: Locator;
  readonly creditListPreview: Locator;
  readonly batchEditor: Locator;
  readonly saveStatus: Locator;

  constructor(page: Page) {
    this.page = page;
    this.panel = page.getByTestId('detail');
    this.creditLine = page.getByTestId('credit-line');
    this.creditListPreview = page.getByTestId('credit-list-preview');
    this.batchEditor = page.getByTestId('batch-editor');
    this.saveStatus = this.panel.getByTestId('save-status');
  }

  field(name: string): Locator {
    return this.panel.getByTestId(`field-${name}`);
  }

  title(): Locator {
    return this.panel.locator('.detail-title');
  }

  /**
   * Types a value into a batch-editor field and saves it with Enter; `confirmCount` answers the
   * "Change N photos?" question a large batch edit asks, checking the count it names.
   */
  async batchSet(name: string, value: string, confirmCount?: number): Promise<void> {
    const field = this.batchEditor.getByTestId(`field-${name}`);
    await expect(field).toBeEditable({ timeout: 300_000 });
    await field.fill(value);
    await expect(field).toHaveValue(value);
    if (confirmCount !== undefined) {
      this.page.once('dialog', (dialog) => {
        expect(dialog.message()).toBe(`Change ${confirmCount.toLocaleString('en-US')} photos?`);
        void dialog.accept();
      });
    }
    await field.press('Enter');
  }

  async expectSaved(count: number): Promise<void> {
    await expect(this.batchEditor.getByTestId('save-status')).toHaveText(`Saved to ${count.toLocaleString('en-US')} photos`, { timeout: 180_000 });
  }

  /** Copies the selection's credits and answers what the clipboard then holds. */
  async copyCredits(): Promise<string> {
    await this.page.getByTestId('copy-credits-txt').click();
    await expect(this.page.getByTestId('copy-credits-txt')).toHaveText('Copied');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}
