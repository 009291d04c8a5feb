import { expect, type Locator, type Page } from '@playwright/test';

/** A list's Export menu as a user works it: pick a format, tick restricted records in or out. */
export class ExportMenu {
  readonly button: Locator;
  readonly menu: Locator;
  /** The success notification after a save. */
  readonly saved: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('button', { name: 'Export', exact: true });
    this.menu = page.getByRole('menu');
    this.saved = page.getByRole('status').filter({ hasText: /^Saved “/ });
  }

  async open(): Promise<Locator> {
    await this.button.click();
    await expect(this.menu).toBeVisible();
    return this.menu;
  }

  /** Chooses a format by its menu label, e.g. 'Excel workbook (.xlsx)'. */
  async choose(format: string): Promise<void> {
    const menu = await this.open();
    await menu.getByRole('menuitem', { name: format, exact: true }).click();
    await expect(this.menu).toBeHidden();
  }

  restrictedToggle(): Locator {
    return this.menu.getByRole('menuitemcheckbox', { name: /Include restricted records/ });
  }
}
