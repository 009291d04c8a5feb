import type { Locator, Page } from '@playwright/test';

/**
 * Any record form as a user works it: Save and Cancel by mouse or by their keys (Ctrl+S, Esc;
 * ⌘S on macOS), and the unsaved-changes question that leaving a changed form asks.
 */
export class RecordFormPage {
  readonly saveButton: Locator;
  readonly cancelButton: Locator;
  readonly error: Locator;
  readonly guard: Locator;

  constructor(private readonly page: Page) {
    this.saveButton = page.getByRole('button', { name: 'Save', exact: true });
    this.cancelButton = page.getByRole('button', { name: 'Cancel', exact: true });
    this.error = page.getByTestId('form-error');
    this.guard = page.getByRole('dialog').filter({ hasText: 'Discard unsaved changes?' });
  }

  /** Ctrl+S (⌘S on macOS) wherever focus is now. */
  async saveByKey(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+s');
  }

  /** Esc wherever focus is now. */
  async pressEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** A form's text in one language, e.g. ('name', 'en'). */
  textField(field: string, language: 'en' | 'az' | 'ru'): Locator {
    return this.page.locator(`[name="${field}.${language}"]`);
  }
}
