import { expect, test } from './harness/registryTest';
import { AgreementForm } from './pages/AgreementForm';
import { choose, fillDate } from './pages/formFields';
import { RegistryWindow } from './pages/RegistryWindow';

const IOM = 'International Organization for Migration';

test('an empty registry is filled through the forms alone, and IOM’s page tells the story in order', async ({
  page,
  registryApp,
}) => {
  test.setTimeout(120_000);
  const app = new RegistryWindow(page, registryApp.origin);
  await app.open();
  await expect(page.getByTestId('first-run')).toBeVisible();

  // The partner.
  await app.goTo('Partners');
  await page.getByRole('button', { name: 'New' }).click();
  await choose(page, 'Kind', 'International organization');
  await page.locator('input[name="name.en"]').fill(IOM);
  await page.locator('input[name="name.ru"]').fill('Международная организация по миграции');
  await page.locator('input[name="acronym.en"]').fill('IOM');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toContainText(IOM);

  // The Chief of the State Migration Service, the Service itself created on the fly.
  await app.goTo('People');
  await page.getByRole('button', { name: 'New' }).click();
  await page.locator('input[name="name.en"]').fill('Firudin Nabiyev');
  await page.getByRole('button', { name: 'Add position' }).click();
  await page.getByRole('combobox', { name: 'Organization' }).fill('State Migration Service');
  await page
    .getByRole('option', { name: 'Add “State Migration Service” as a new partner…' })
    .click();
  const quick = page.getByRole('dialog');
  await quick.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'State authority', exact: true }).click();
  await quick.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('combobox', { name: 'Organization' })).toHaveValue(
    'State Migration Service',
  );
  await page.locator('input[name="positions.0.title.en"]').fill('Chief');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('person-position')).toContainText('Chief, State Migration Service');

  // The agreement and its three dated steps.
  await app.goTo('Agreements');
  await page.getByRole('button', { name: 'New' }).click();
  const agreement = new AgreementForm(page);
  await agreement.chooseKind('Agreement');
  await agreement.fillTitle(
    'Cooperation Agreement on the Pilot Project on Assistance for the Voluntary Return of Migrants',
  );
  await agreement.addParty('IOM', `${IOM} (IOM)`);
  await agreement.addStep({
    kind: 'Signed',
    day: '8',
    month: 'December',
    year: '2016',
    place: 'Geneva',
  });
  await agreement.addStep({
    kind: 'Approved',
    day: '23',
    month: 'February',
    year: '2017',
    instrument: 'Decree of the President of the Republic of Azerbaijan',
  });
  await agreement.addStep({ kind: 'Entered into force', day: '2', month: 'March', year: '2017' });
  await agreement.save();
  await expect(page.getByTestId('agreement-step')).toHaveCount(3);

  // The 107th Council session with the Chief as head of delegation.
  await app.goTo('Meetings and visits');
  await page.getByRole('button', { name: 'New' }).click();
  await choose(page, 'Kind', 'Governing body session');
  await page.locator('input[name="title.en"]').fill('107th Session of the IOM Council');
  await fillDate(page, 'Start date', { day: '5', month: 'December', year: '2016' });
  await fillDate(page, 'End date', { day: '8', month: 'December', year: '2016' });
  await page.locator('input[name="city.en"]').fill('Geneva');
  await page.getByRole('button', { name: 'Add partner' }).click();
  await page.getByRole('combobox', { name: 'Partner 1' }).fill('IOM');
  await page.getByRole('option', { name: `${IOM} (IOM)` }).click();
  await page.getByRole('button', { name: 'Add participant' }).click();
  await page.getByRole('combobox', { name: 'Participant 1' }).fill('Nabiyev');
  await page.getByRole('option', { name: 'Firudin Nabiyev' }).click();
  await choose(page, 'Role', 'Head of delegation');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('event-dates')).toHaveText('When: 5 – 8 December 2016');

  // The project, known only to have started in 2014.
  await app.goTo('Projects');
  await page.getByRole('button', { name: 'New' }).click();
  await page
    .locator('input[name="title.en"]')
    .fill('Consolidation of Migration and Border Management Capacities in Azerbaijan');
  await choose(page, 'Status', 'Ongoing');
  await page.getByRole('button', { name: 'Add partner' }).click();
  await page.getByRole('combobox', { name: 'Partner 1' }).fill('IOM');
  await page.getByRole('option', { name: `${IOM} (IOM)` }).click();
  await page.locator('input[name="actualStart.year"]').fill('2014');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('project-actual')).toHaveText('Carried out: since 2014');

  // IOM's page: all three, in the order they happened.
  await app.goTo('Partners');
  await page.getByRole('row', { name: new RegExp(`^${IOM}`) }).click();
  const chronology = page.getByTestId('chronology-entry');
  await expect(chronology).toHaveCount(5);
  const expected = [
    ['2014', 'Project started', 'Consolidation of Migration and Border Management'],
    ['5 – 8 December 2016', 'Meeting or visit', '107th Session of the IOM Council'],
    ['8 December 2016', 'Signed', 'Voluntary Return of Migrants'],
    ['23 February 2017', 'Approved', 'Voluntary Return of Migrants'],
    ['2 March 2017', 'Entered into force', 'Voluntary Return of Migrants'],
  ];
  for (const [index, texts] of expected.entries()) {
    for (const text of texts) await expect(chronology.nth(index)).toContainText(text);
  }
  await expect(page.getByTestId('agreement-status')).toHaveText('In force');
  await expect(page.getByTestId('partner-event')).toContainText('Geneva');
  await expect(page.getByTestId('partner-project')).toContainText('since 2014');
});
