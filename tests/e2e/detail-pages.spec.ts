import { expect, test } from './harness/registryTest';
import { RegistryWindow } from './pages/RegistryWindow';

test.beforeEach(async ({ page, registryApp }) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
});

test('from IOM to its agreement, project and Council session, and on to the people', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.goTo('Partners');
  await page.getByRole('row', { name: /^International Organization for Migration IOM/ }).click();

  // IOM's events run newest first, with the undated recurring ones last.
  const events = page.getByTestId('partner-event');
  await expect(events.first()).toContainText('18 – 19 April 2017');
  await expect(events.nth(1)).toContainText('107th Session of the IOM Council');
  await expect(events.last()).toContainText('date unknown');
  await expect(page.getByTestId('partner-project')).toContainText('since 2014');

  await page
    .getByTestId('agreement-card')
    .getByRole('link', { name: /Voluntary Return of Migrants from Azerbaijan/ })
    .click();
  await expect(app.heading).toContainText('Pilot Project on Assistance for the Voluntary Return');
  await expect(page.getByTestId('agreement-step')).toHaveCount(3);
  await expect(
    page.getByRole('link', { name: 'International Organization for Migration' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Agreements' }).first().click();
  await expect(app.heading).toHaveText('Agreements');

  await app.goTo('Meetings and visits');
  await page.getByRole('row', { name: /^107th Session of the IOM Council/ }).click();
  await expect(page.getByTestId('event-dates')).toContainText('5 – 8 December 2016');
  await expect(page.getByTestId('event-series')).toContainText('No. 107 of the series');
  const participant = page.getByTestId('event-participant');
  await expect(participant).toContainText('Participant');
  await participant.getByRole('link', { name: 'Firudin Nabiyev' }).click();

  await expect(app.heading).toHaveText('Firudin Nabiyev');
  await expect(page.getByTestId('person-position')).toContainText(
    'Chief, State Migration Service of the Republic of Azerbaijan',
  );
  await expect(page.getByRole('link', { name: '107th Session of the IOM Council' })).toBeVisible();

  await app.goTo('Projects');
  await page
    .getByRole('row', { name: /^Consolidation of Migration and Border Management/ })
    .click();
  await expect(page.getByTestId('project-actual')).toHaveText('Carried out: since 2014');
});

test('a link to a record that does not exist says so and leads back', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.open('/agreements/7d1b0c1e-0000-4000-8000-000000000000');
  await expect(page.getByText('This record does not exist or was deleted.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to Agreements' }).click();
  await expect(app.heading).toHaveText('Agreements');
});
