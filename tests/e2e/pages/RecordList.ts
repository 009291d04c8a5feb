import { expect, type Locator, type Page } from '@playwright/test';

/** A section's list as a user works it: filter bar, columns, saved views, the table. */
export class RecordList {
  readonly filter: Locator;
  readonly count: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly headers: Locator;

  constructor(readonly page: Page) {
    this.filter = page.getByRole('textbox', { name: 'Filter this list' });
    this.count = page.getByTestId('record-count');
    this.table = page.getByTestId('record-table').getByRole('table');
    this.rows = this.table.locator('tbody tr[data-index]');
    this.headers = this.table.locator('thead th');
  }

  /** Chooses a value in one of the facet pickers (Kind, Status, Country, Thematic area, Partner). */
  async choose(facet: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: facet }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  async setDates(from: string, to: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'From' }).fill(from);
    await this.page.getByRole('textbox', { name: 'To' }).fill(to);
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).click();
  }

  async expectCount(text: string): Promise<void> {
    await expect(this.count).toHaveText(text);
  }

  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('button', { name: column, exact: true }).click();
  }

  /** The first cell's text of each rendered row. */
  firstCells(): Promise<string[]> {
    return this.rows.locator('td:first-child').allInnerTexts();
  }

  async openColumns(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Columns' }).click();
    const chooser = this.page.getByRole('dialog', { name: 'Columns shown' });
    await expect(chooser).toBeVisible();
    return chooser;
  }

  async openViews(): Promise<Locator> {
    await this.page.getByRole('button', { name: /^View/ }).click();
    return this.page.getByRole('menu');
  }

  async saveView(name: string): Promise<void> {
    const menu = await this.openViews();
    await menu.getByRole('menuitem', { name: 'Save this view…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Save this view' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }
}
