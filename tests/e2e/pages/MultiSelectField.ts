import type { Locator, Page } from '@playwright/test';

/**
 * A multi-select picker as a user works it: type to search, pick an option (or the "Add …" entry
 * offered for a new name), see the chosen entries as chips, remove one by its chip.
 */
export class MultiSelectField {
  readonly input: Locator;
  /** The chosen entries' chips, in the order shown. */
  readonly chips: Locator;

  constructor(
    private readonly page: Page,
    label: string,
  ) {
    this.input = page.getByRole('combobox', { name: label, exact: true });
    this.chips = page
      .locator('.MuiAutocomplete-root')
      .filter({ has: this.input })
      .locator('.MuiChip-root');
  }

  /** Types `search` and clicks the option named `option` (an entry, or "Add …"). */
  async pick(search: string, option: string): Promise<void> {
    await this.input.fill(search);
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async remove(chipLabel: string): Promise<void> {
    await this.chips.filter({ hasText: chipLabel }).locator('.MuiChip-deleteIcon').click();
  }
}
