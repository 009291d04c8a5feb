import { expect, type Locator, type Page } from '@playwright/test';

/** Settings › Backups as a user works it, and the restore preview it opens. */
export class BackupSettings {
  readonly section: Locator;
  readonly rows: Locator;
  readonly preview: Locator;

  constructor(private readonly page: Page) {
    this.section = page.getByTestId('backup-section');
    this.rows = this.section.getByTestId('backup-row');
    this.preview = page.getByTestId('restore-preview');
  }

  /** "Back up now", waiting for the message that names the file written. */
  async backUpNow(): Promise<string> {
    await this.section.getByRole('button', { name: 'Back up now' }).click();
    const done = this.page.getByRole('status').filter({ hasText: /^Backup saved: / });
    await expect(done).toBeVisible();
    const text = (await done.textContent()) ?? '';
    return /Backup saved: (\S+\.zip)\./.exec(text)?.[1] ?? '';
  }

  /** The preview's row for one kind: its name, then now, in the backup, back, changed, gone. */
  async previewRow(kind: string): Promise<string[]> {
    const row = this.preview.getByTestId(`restore-${kind}`);
    await expect(row).toBeVisible();
    return row.locator('th, td').allTextContents();
  }
}
