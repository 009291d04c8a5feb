import type { Page } from '@playwright/test';

/** Fills one of the forms' partial-date fields (its fieldset is named by its legend). */
export async function fillDate(
  page: Page,
  fieldLabel: string,
  date: { day?: string; month?: string; year: string },
): Promise<void> {
  const field = page.getByRole('group', { name: fieldLabel, exact: true });
  if (date.day !== undefined) await field.getByRole('textbox', { name: 'Day' }).fill(date.day);
  if (date.month !== undefined) {
    await field.getByRole('combobox', { name: 'Month' }).click();
    await page.getByRole('option', { name: date.month, exact: true }).click();
  }
  await field.getByRole('textbox', { name: 'Year' }).fill(date.year);
}

/** Picks an option of a select by the select's label and the option's visible name. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
