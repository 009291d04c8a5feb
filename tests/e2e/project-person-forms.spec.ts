import { expect, test } from './harness/registryTest';
import { RegistryWindow } from './pages/RegistryWindow';

test.beforeEach(async ({ page, registryApp }) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
});

test('a project known only by its start year is entered and shows “since 2014”', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.goTo('Projects');
  await page.getByRole('button', { name: 'New' }).click();
  await expect(app.heading).toHaveText('New project');
  await page.locator('input[name="title.en"]').fill('Support to labour market information systems');
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Ongoing' }).click();
  await page.getByRole('button', { name: 'Add partner' }).click();
  await page.getByRole('combobox', { name: 'Partner 1' }).fill('IOM');
  await page
    .getByRole('option', { name: 'International Organization for Migration (IOM)' })
    .click();
  await page.locator('input[name="actualStart.year"]').fill('2014');
  await expect(page.getByTestId('actualStart-echo')).toHaveText('2014');

  // A budget without a currency is refused at the field, and nothing is saved.
  await page.locator('input[name="budget.amount"]').fill('250000');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('form-error')).toBeVisible();
  await page.locator('input[name="budget.currency"]').fill('eur');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(app.heading).toHaveText('Support to labour market information systems');
  await expect(page.getByTestId('project-actual')).toHaveText('Carried out: since 2014');
  await expect(page.getByText('€250,000.00')).toBeVisible();
  await page.getByRole('link', { name: 'International Organization for Migration' }).click();
  await expect(
    page.getByTestId('partner-project').filter({ hasText: 'Support to labour market' }),
  ).toContainText('since 2014');
});

test('a person is entered with a position held since a month, and edited', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.goTo('People');
  await page.getByRole('button', { name: 'New' }).click();
  await page.locator('input[name="name.en"]').fill('Antonio Vitorino');
  await page.locator('input[name="name.ru"]').fill('Антониу Витторину');
  await page.getByRole('button', { name: 'Add position' }).click();
  await page.getByRole('combobox', { name: 'Organization' }).fill('IOM');
  await page
    .getByRole('option', { name: 'International Organization for Migration (IOM)' })
    .click();
  await page.locator('input[name="positions.0.title.en"]').fill('Director General');
  await page.locator('input[name="positions.0.from.year"]').fill('2018');
  await page.getByRole('combobox', { name: 'Month' }).first().click();
  await page.getByRole('option', { name: 'October' }).click();
  await expect(page.getByTestId('positions.0.from-echo')).toHaveText('October 2018');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.locator('input[name="contacts.0.value"]').fill('dg@example.org');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(app.heading).toHaveText('Antonio Vitorino');
  await expect(page.getByTestId('person-position')).toContainText(
    'Director General, International Organization for Migration',
  );
  await expect(page.getByTestId('person-position')).toContainText('since October 2018');
  await expect(page.getByText('dg@example.org')).toBeVisible();

  await page.getByRole('button', { name: 'Edit' }).click();
  await page.locator('input[name="positions.0.to.year"]').fill('2023');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('person-position')).toContainText('October 2018 – 2023');
});
