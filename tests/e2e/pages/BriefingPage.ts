import { expect, type Locator, type Page } from '@playwright/test';

/** The briefing-pack page: options on the left, the preview on the right, two save buttons. */
export class BriefingPage {
  readonly preview;
  readonly marking: Locator;

  constructor(readonly page: Page) {
    this.preview = page.frameLocator('iframe[title="Preview of the briefing pack"]');
    this.marking = page.getByTestId('briefing-marking');
  }

  /** Opens the pack from a partner's or event's page through its "Briefing pack" button. */
  async openFromDetailPage(): Promise<void> {
    await this.page.getByRole('link', { name: 'Briefing pack' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Briefing pack');
  }

  async chooseLanguage(languageName: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Language of the pack', exact: true }).click();
    await this.page.getByRole('option', { name: languageName, exact: true }).click();
  }

  /** Saves through the PDF or Word button and waits for the notification naming the file. */
  async save(format: 'pdf' | 'docx', fileName: string): Promise<void> {
    await this.page
      .getByRole('button', { name: format === 'pdf' ? 'Save as PDF' : 'Save as Word' })
      .click();
    await expect(
      this.page
        .getByRole('alert')
        .or(this.page.getByRole('status'))
        .filter({ hasText: `Saved “${fileName}”` }),
    ).toBeVisible({ timeout: 60_000 });
  }

  section(name: string): Locator {
    return this.page.getByTestId('briefing-section').filter({ hasText: name });
  }
}
