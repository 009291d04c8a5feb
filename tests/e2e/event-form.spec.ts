import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, RESOURCES_FOLDER, test } from './harness/registryTest';
import { choose, fillDate } from './pages/formFields';
import { RegistryWindow } from './pages/RegistryWindow';

const sampleEvents = (
  JSON.parse(readFileSync(join(RESOURCES_FOLDER, 'sample-registry.json'), 'utf8')) as {
    records: { events: unknown[] };
  }
).records.events.length;

test.beforeEach(async ({ page, registryApp }) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.open('/events/new');
  await expect(app.heading).toHaveText('New meeting or visit');
});

test('a session of a numbered series is entered with its dates, place, organizer and delegation', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await choose(page, 'Kind', 'Governing body session');
  await page.locator('input[name="title.en"]').fill('107th Session of the IOM Council');
  await fillDate(page, 'Start date', { day: '5', month: 'December', year: '2016' });
  await fillDate(page, 'End date', { day: '8', month: 'December', year: '2016' });
  await expect(page.getByTestId('startDate-echo')).toHaveText('5 December 2016');
  await expect(page.getByTestId('endDate-echo')).toHaveText('8 December 2016');
  await page.locator('input[name="city.en"]').fill('Geneva');
  await page.getByRole('combobox', { name: 'Country' }).fill('Switzerland');
  await page.getByRole('option', { name: 'Switzerland', exact: true }).click();

  await page.getByRole('combobox', { name: 'Organizer' }).fill('Council of the International');
  await page
    .getByRole('option', { name: 'Council of the International Organization for Migration' })
    .click();
  await page.getByRole('button', { name: 'Add partner' }).click();
  // The new row takes the focus, so the partner can be typed straight away.
  await expect(page.getByRole('combobox', { name: 'Partner 1' })).toBeFocused();
  await page.keyboard.type('IOM');
  await page
    .getByRole('option', { name: 'International Organization for Migration (IOM)' })
    .click();

  await page.locator('input[name="series.name.en"]').fill('Sessions of the IOM Council');
  await page.locator('input[name="series.number"]').fill('107');

  await page.getByRole('button', { name: 'Add participant' }).click();
  await page.getByRole('combobox', { name: 'Participant 1' }).fill('Nabiyev');
  await page.getByRole('option', { name: 'Firudin Nabiyev' }).click();
  await page.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Head of delegation' }).click();
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(app.heading).toHaveText('107th Session of the IOM Council');
  await expect(page.getByText('Governing body session', { exact: true })).toBeVisible();
  await expect(page.getByTestId('event-dates')).toHaveText('When: 5 – 8 December 2016');
  await expect(page.getByText('Where: Geneva, Switzerland')).toBeVisible();
  await expect(page.getByTestId('event-series')).toHaveText(
    'No. 107 of the series “Sessions of the IOM Council”',
  );
  await expect(
    page.getByRole('link', { name: 'Council of the International Organization for Migration' }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'International Organization for Migration', exact: true }),
  ).toBeVisible();
  const participant = page.getByTestId('event-participant');
  await expect(participant).toHaveCount(1);
  await expect(participant).toContainText('Firudin Nabiyev');
  await expect(participant).toContainText('Head of delegation');

  // Editing shows everything back as it was entered.
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(app.heading).toHaveText('Edit 107th Session of the IOM Council');
  await expect(page.getByTestId('endDate-echo')).toHaveText('8 December 2016');
  await expect(page.locator('input[name="series.number"]')).toHaveValue('107');
  await expect(page.getByRole('combobox', { name: 'Participant 1' })).toHaveValue(
    'Firudin Nabiyev',
  );
});

test('an end date before the start date is refused at the field and nothing is saved', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await choose(page, 'Kind', 'Expert meeting');
  await page.locator('input[name="title.en"]').fill('Expert meeting on readmission');
  await fillDate(page, 'Start date', { day: '8', month: 'December', year: '2016' });
  await fillDate(page, 'End date', { day: '5', month: 'December', year: '2016' });
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByTestId('form-error')).toHaveText(
    'Nothing was saved. Check the marked fields.',
  );
  await expect(page.getByTestId('endDate-echo')).toHaveText(
    'The end date is before the start date.',
  );
  await expect(app.heading).toHaveText('New meeting or visit');

  // A vaguer end that may still be right (the same month) is accepted.
  await page
    .getByRole('group', { name: 'End date' })
    .getByRole('textbox', { name: 'Day' })
    .fill('');
  await expect(page.getByTestId('endDate-echo')).toHaveText('December 2016');

  await app.navigation.getByRole('link', { name: 'Meetings and visits' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard changes' }).click();
  await expect(app.heading).toHaveText('Meetings and visits');
  await expect(page.getByTestId('record-count')).toHaveText(`${sampleEvents} records`);
});

test('a participant added on the fly ends up on the event and links to their page', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await choose(page, 'Kind', 'Working visit');
  await page.locator('input[name="title.en"]').fill('Working visit of the IOM Director General');
  await page.getByRole('button', { name: 'Add participant' }).click();
  await page.getByRole('combobox', { name: 'Participant 1' }).fill('Antonio Vitorino');
  await page.getByRole('option', { name: 'Add “Antonio Vitorino” as a new person…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('New person');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Participant 1' })).toHaveValue(
    'Antonio Vitorino',
  );
  await page.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Speaker' }).click();
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(app.heading).toHaveText('Working visit of the IOM Director General');
  const participant = page.getByTestId('event-participant');
  await expect(participant).toContainText('Antonio Vitorino');
  await expect(participant).toContainText('Speaker');
  await participant.getByRole('link', { name: 'Antonio Vitorino' }).click();
  await expect(app.heading).toHaveText('Antonio Vitorino');
  await expect(
    page.getByRole('link', { name: 'Working visit of the IOM Director General' }),
  ).toBeVisible();
});
