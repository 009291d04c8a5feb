import { expect, type Locator, type Page } from '@playwright/test';
import type { ScriptedDialogs } from '../harness/scriptedDialogs';

/** The Exchange page and its export and import dialogs, as a user works them. */
export class ExchangePage {
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    private readonly origin: string,
    private readonly dialogs: ScriptedDialogs,
  ) {
    this.dialog = page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.page.goto(`${this.origin}/#/exchange`);
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Exchange with other installations' }),
    ).toBeVisible();
  }

  /** Exports a bundle for `target` (a peer's name, or null for everything) to `path`. */
  async exportBundle(
    path: string,
    target: string | null,
    passphrase: string,
    options: { timeout?: number } = {},
  ): Promise<void> {
    await this.openExportDialog();
    if (target) {
      await this.dialog.getByRole('combobox', { name: 'For' }).click();
      await this.page.getByRole('option', { name: target }).click();
    }
    await this.passphraseField.fill(passphrase);
    await this.dialog.getByRole('textbox', { name: 'Passphrase again' }).fill(passphrase);
    await this.confirmExport(path, options);
  }

  async openExportDialog(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export bundle…' }).click();
    await expect(this.dialog.getByRole('heading', { name: 'Export a bundle' })).toBeVisible();
  }

  /** The export dialog's first passphrase field. */
  get passphraseField(): Locator {
    return this.dialog.getByRole('textbox', { name: 'Passphrase', exact: true });
  }

  get exportButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Export', exact: true });
  }

  /** Has the export dialog generate a passphrase, and reads it as the user sees it. */
  async generatePassphrase(): Promise<string> {
    await this.dialog.getByRole('button', { name: 'Generate a passphrase' }).click();
    return this.dialog.getByRole('textbox', { name: 'Generated passphrase' }).inputValue();
  }

  /** Clicks Export, saves to `path`, and waits for the "saved" message. */
  async confirmExport(path: string, options: { timeout?: number } = {}): Promise<void> {
    this.dialogs.willSave(path);
    await this.exportButton.click();
    await expect(
      this.page.getByRole('status').filter({ hasText: /Bundle “.*” saved: \d+ records/ }),
    ).toBeVisible(options);
  }

  /** Opens a bundle and gives the passphrase; the preview (or a refusal) shows next. */
  async openBundle(path: string, passphrase: string | null): Promise<void> {
    this.dialogs.willOpen(path);
    await this.page.getByRole('button', { name: 'Import bundle…' }).click();
    if (passphrase !== null) {
      await this.dialog.getByRole('textbox', { name: 'Passphrase' }).fill(passphrase);
      await this.dialog.getByRole('button', { name: 'Open' }).click();
    }
  }

  /** The preview's row for one kind: new, changed, deleted, conflicts, already here. */
  previewRow(kindLabel: string): Locator {
    return this.dialog
      .getByRole('table', { name: 'What the bundle changes here' })
      .getByRole('row', { name: new RegExp(`^${kindLabel}`) });
  }

  async apply(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: /^Bundle applied/ }),
    ).toBeVisible();
    await expect(this.dialog).toBeHidden();
  }
}
