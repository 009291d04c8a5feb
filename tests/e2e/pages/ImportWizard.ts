import { expect, type Locator, type Page } from '@playwright/test';
import type { ScriptedDialogs } from '../harness/scriptedDialogs';

/** The Import screen as a user works it: choose a file, step through, read problems and report. */
export class ImportWizard {
  readonly heading: Locator;
  readonly fileSummary: Locator;
  readonly error: Locator;
  readonly problems: Locator;
  readonly preview: Locator;
  readonly duplicates: Locator;
  readonly plan: Locator;
  readonly report: Locator;
  readonly nextButton: Locator;
  readonly importButton: Locator;

  constructor(
    readonly page: Page,
    private readonly dialogs: ScriptedDialogs,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.fileSummary = page.getByTestId('import-file-summary');
    this.error = page.getByTestId('import-error');
    this.problems = page.getByTestId('import-problems');
    this.preview = page.getByTestId('import-preview');
    this.duplicates = page.getByTestId('import-duplicates');
    this.plan = page.getByTestId('import-plan');
    this.report = page.getByTestId('import-report');
    this.nextButton = page.getByRole('button', { name: 'Next' });
    this.importButton = page.getByRole('button', { name: 'Import', exact: true });
  }

  /** Opens the screen from the navigation, as a user would. */
  async open(): Promise<void> {
    await this.page.getByTestId('section-nav').getByRole('link', { name: 'Import' }).click();
    await expect(this.heading).toHaveText('Import');
  }

  /** Answers the system dialog with `path`, then clicks the button that opens it. */
  async chooseFile(path: string): Promise<void> {
    this.dialogs.willOpen(path);
    await this.page.getByRole('button', { name: /^Choose (a|another) file…$/ }).click();
  }

  async chooseKind(label: string): Promise<void> {
    await this.page.getByRole('radio', { name: label }).check();
    await this.next();
  }

  async next(): Promise<void> {
    await this.nextButton.click();
  }

  /** The field select of a column, by its header. */
  fieldFor(column: string): Locator {
    return this.page.getByRole('combobox', { name: `Field for “${column}”` });
  }

  languageOf(column: string): Locator {
    return this.page.getByRole('combobox', { name: `Language of “${column}”` });
  }

  /** The problem table's rows as [row, column, problem] texts. */
  async problemRows(): Promise<string[][]> {
    const rows = this.problems.locator('tbody tr[data-index]');
    const count = await rows.count();
    const result: string[][] = [];
    for (let index = 0; index < count; index += 1) {
      result.push(await rows.nth(index).locator('td').allInnerTexts());
    }
    return result;
  }

  decisionFor(row: string): Locator {
    return this.page.getByRole('combobox', { name: `What to do with row ${row}` });
  }

  async runImport(): Promise<void> {
    await this.importButton.click();
    await expect(this.page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  }
}
