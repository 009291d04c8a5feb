import { expect, test } from './harness/registryTest';
import { choose, fillDate } from './pages/formFields';
import { RegistryWindow } from './pages/RegistryWindow';

const ACTION = 'Send the Council the report on assisted voluntary returns';

test('a follow-up promised at a meeting is recorded from it, stands out when overdue, and is closed', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.goTo('Meetings and visits');
  await page.getByRole('row', { name: /^107th Session of the IOM Council/ }).click();

  await page.getByRole('button', { name: 'Add follow-up action' }).click();
  await expect(app.heading).toHaveText('New follow-up action');
  await expect(page.getByTestId('follow-up-source')).toHaveText(
    'Promised at: 107th Session of the IOM Council',
  );
  await page.locator('input[name="title.en"]').fill(ACTION);
  await page.getByRole('combobox', { name: 'Owner' }).fill('Nabiyev');
  await page.getByRole('option', { name: 'Firudin Nabiyev' }).click();
  await fillDate(page, 'Due date', { day: '15', month: 'January', year: '2017' });
  await page.getByRole('button', { name: 'Save' }).click();

  // Back on the meeting, the action is listed and marked overdue.
  await expect(app.heading).toHaveText('107th Session of the IOM Council');
  const listed = page.getByRole('listitem').filter({ hasText: ACTION });
  await expect(listed).toContainText('Overdue');
  await expect(listed).toContainText('15 January 2017');

  await app.goTo('Follow-ups');
  const row = page.getByRole('row', { name: new RegExp(ACTION) });
  await expect(row).toContainText('Overdue');
  await expect(row).toContainText('Firudin Nabiyev');
  await row.click();
  await choose(page, 'Status', 'Done');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toHaveText('107th Session of the IOM Council');
  await expect(page.getByRole('listitem').filter({ hasText: ACTION })).not.toContainText('Overdue');
});
