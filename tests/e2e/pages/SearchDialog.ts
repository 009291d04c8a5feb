import { expect, type Locator, type Page } from '@playwright/test';

/** The registry-wide search (Ctrl+K) as a user drives it. */
export class SearchDialog {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Search the registry' });
    this.input = this.dialog.getByRole('combobox', { name: /^Search partners/ });
    this.results = this.dialog.getByRole('option');
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.input).toBeFocused();
  }

  async search(query: string): Promise<void> {
    await this.input.fill(query);
  }

  /** The visible text of each result, in order. */
  async labels(): Promise<string[]> {
    return (await this.results.allInnerTexts()).map((text) => text.split('\n')[0] ?? '');
  }
}
