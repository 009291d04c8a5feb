import type { Page } from '@playwright/test';
import { expect, test } from './harness/registryTest';
import { choose } from './pages/formFields';
import { RecordFormPage } from './pages/RecordFormPage';
import { RegistryWindow } from './pages/RegistryWindow';

const NEW_RECORD = 'ControlOrMeta+n';
/** Starts noting the keys whose default action the app prevented, as the browser would see them. */
async function watchKeysKeptFromBrowser(page: Page): Promise<void> {
  await page.evaluate(() => {
    const kept: string[] = [];
    Object.assign(window, { keptFromBrowser: kept });
    window.addEventListener('keydown', (event) => {
      if (event.defaultPrevented) kept.push(event.key);
    });
  });
}

async function keysKeptFromBrowser(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { keptFromBrowser: string[] }).keptFromBrowser);
}

/** Long enough for a navigation to a lazily loaded screen to show, had one started. */
const SETTLE_MS = 500;

test('Ctrl+N opens the section’s new-record form and Ctrl+S saves it from any field', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  const form = new RecordFormPage(page);
  await app.open();
  await app.goTo('Partners');

  await page.keyboard.press(NEW_RECORD);
  await expect(app.heading).toHaveText('New partner');
  await expect(page).toHaveURL(/#\/partners\/new$/);

  // The buttons name their keys, for the eye and for screen readers.
  await expect(form.saveButton).toHaveAttribute('aria-keyshortcuts', 'Control+S');
  await expect(form.cancelButton).toHaveAttribute('aria-keyshortcuts', 'Escape');
  await expect(form.cancelButton).toHaveAccessibleDescription('Cancel (Esc)');
  await form.saveButton.hover();
  await expect(page.getByRole('tooltip')).toHaveText('Save (Ctrl+S)');

  // Nothing filled in: Ctrl+S from the focused name field validates exactly as Save does.
  await expect(form.textField('name', 'en')).toBeFocused();
  await form.saveByKey();
  await expect(form.error).toHaveText('Nothing was saved. Check the marked fields.');
  await expect(page.getByText('Choose one of the options.')).toBeVisible();
  await expect(app.heading).toHaveText('New partner');

  await choose(page, 'Kind', 'State authority');
  await form.textField('name', 'en').fill('Border Police of Moldova');
  const country = page.getByRole('combobox', { name: 'Country' });
  await country.fill('Moldova');
  await page.getByRole('option', { name: 'Moldova', exact: true }).click();
  // Multiline text: Ctrl+S still saves instead of going into the text.
  await form.textField('notes', 'en').fill('Met in Chişinău.');
  await form.saveByKey();

  await expect(app.heading).toHaveText('Border Police of Moldova');
  await expect(page).toHaveURL(/#\/partners\/[^/]+$/);
  await expect(page.getByText('Moldova', { exact: true })).toBeVisible();
  await expect(page.getByText('Met in Chişinău.')).toBeVisible();

  // From a record's page Ctrl+N opens its section's form; Esc on an untouched form just leaves.
  await page.keyboard.press(NEW_RECORD);
  await expect(app.heading).toHaveText('New partner');
  await form.pressEscape();
  await expect(app.heading).toHaveText('Partners');
  await expect(page.getByTestId('record-count')).toHaveText('1 record');
});

test('Ctrl+S saves with focus in a picker', async ({ page, registryApp }) => {
  const app = new RegistryWindow(page, registryApp.origin);
  const form = new RecordFormPage(page);
  await app.openWithSample();
  await app.goTo('Partners');
  await page.getByRole('row', { name: /^Prague Process/ }).click();
  await page.getByRole('button', { name: 'Edit' }).click();

  const country = page.getByRole('combobox', { name: 'Country' });
  await country.fill('Czech');
  await page.getByRole('option', { name: 'Czechia', exact: true }).click();
  await expect(country).toBeFocused();
  await form.saveByKey();

  await expect(app.heading).toHaveText('Prague Process');
  await expect(page.getByText('Czechia', { exact: true })).toBeVisible();
});

test('Esc on a changed form asks first; Esc on the question keeps the text', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  const form = new RecordFormPage(page);
  await app.openWithSample();
  await app.goTo('Partners');
  await page.getByRole('row', { name: /^Prague Process/ }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(app.heading).toHaveText('Edit Prague Process');

  await form.textField('name', 'en').fill('Prague Process (renamed)');
  await form.pressEscape();
  await expect(form.guard).toBeVisible();

  // Esc answers "keep editing": the question closes and the form is as it was left.
  await form.pressEscape();
  await expect(form.guard).toBeHidden();
  await expect(app.heading).toHaveText('Edit Prague Process');
  await expect(form.textField('name', 'en')).toHaveValue('Prague Process (renamed)');

  // Asked again, discarding leaves without saving.
  await form.pressEscape();
  await form.guard.getByRole('button', { name: 'Discard changes' }).click();
  await expect(app.heading).toHaveText('Prague Process');
  await expect(page).toHaveURL(/#\/partners\/[^/]+$/);
  await app.goTo('Partners');
  await expect(page.getByRole('row', { name: /^Prague Process \(renamed\)/ })).toHaveCount(0);
});

test('Esc in an open list closes only the list', async ({ page, registryApp }) => {
  const app = new RegistryWindow(page, registryApp.origin);
  const form = new RecordFormPage(page);
  await app.openWithSample();
  await app.goTo('Partners');
  await page.getByRole('row', { name: /^Prague Process/ }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(app.heading).toHaveText('Edit Prague Process');

  // The parent picker (an Autocomplete) with its options showing.
  await page.getByRole('combobox', { name: 'Part of' }).fill('Kingdom');
  const options = page.getByRole('listbox');
  await expect(options).toBeVisible();
  await form.pressEscape();
  await expect(options).toBeHidden();
  await expect(app.heading).toHaveText('Edit Prague Process');
  await expect(form.guard).toBeHidden();

  // A select's menu.
  await page.getByRole('combobox', { name: 'Kind', exact: true }).click();
  await expect(options).toBeVisible();
  await form.pressEscape();
  await expect(options).toBeHidden();
  await expect(app.heading).toHaveText('Edit Prague Process');

  // With nothing open and nothing changed, the next Esc leaves the form.
  await form.pressEscape();
  await expect(app.heading).toHaveText('Prague Process');
});

test('Ctrl+N does nothing where there is no form for new records', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.open();
  await expect(app.heading).toHaveText('Dashboard');
  await watchKeysKeptFromBrowser(page);

  await page.keyboard.press(NEW_RECORD);
  await page.waitForTimeout(SETTLE_MS);
  await expect(app.heading).toHaveText('Dashboard');
  await expect(page).toHaveURL(/#\/$/);

  await app.goTo('Trash');
  await page.keyboard.press(NEW_RECORD);
  await page.waitForTimeout(SETTLE_MS);
  await expect(app.heading).toHaveText('Trash');

  // Even where they do nothing, Ctrl+N and Ctrl+F never reach the browser (a new window, the
  // find bar). Playwright's keys skip the browser's own shortcuts, so this is seen in the page.
  await page.keyboard.press('ControlOrMeta+f');
  expect(await keysKeptFromBrowser(page)).toEqual(['n', 'n', 'f']);
});

test.describe('in a read-only registry', () => {
  test.use({
    machinePolicy: { version: 1, settings: { readOnly: { value: true, enforced: true } } },
  });

  test('Ctrl+N opens no form', async ({ page, registryApp }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.open('/partners');
    await expect(app.heading).toHaveText('Partners');
    await page.keyboard.press(NEW_RECORD);
    await page.waitForTimeout(SETTLE_MS);
    await expect(app.heading).toHaveText('Partners');
    await expect(page).toHaveURL(/#\/partners$/);
  });
});
