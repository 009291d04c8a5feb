import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { AgreementForm } from './pages/AgreementForm';
import { expect, RESOURCES_FOLDER, test } from './harness/registryTest';
import { RegistryWindow } from './pages/RegistryWindow';

const sample = JSON.parse(readFileSync(join(RESOURCES_FOLDER, 'sample-registry.json'), 'utf8')) as {
  records: { agreements: unknown[]; partners: unknown[] };
};
const sampleAgreements = sample.records.agreements.length;
const samplePartners = sample.records.partners.length;

const TITLE =
  'Cooperation Agreement with the International Organization for Migration on the Pilot Project on Assisted Voluntary Return';
const IOM = 'International Organization for Migration';
const SMS = 'State Migration Service of the Republic of Azerbaijan';
const DATE_MESSAGE = 'Enter a date as a year, a month and year, or a full date.';

async function openNewAgreementForm(page: Page, origin: string) {
  const app = new RegistryWindow(page, origin);
  await app.openWithSample();
  await app.open('/agreements/new');
  await expect(app.heading).toHaveText('New agreement');
  return { app, form: new AgreementForm(page) };
}

test('an agreement with its parties and dated steps is entered through the form', async ({
  page,
  registryApp,
}) => {
  const { app, form } = await openNewAgreementForm(page, registryApp.origin);
  const preview = page.getByTestId('agreement-status-preview');
  await expect(preview).toHaveText('Status on these steps: Draft');

  await form.chooseKind('Agreement');
  await form.fillTitle(TITLE);
  await form.addParty('IOM', `${IOM} (IOM)`);
  await form.addParty('State Migration', SMS);

  await form.addStep({ day: '8', month: 'December', year: '2016', place: 'Geneva' });
  await expect(page.getByTestId('steps.0.date-echo')).toHaveText('8 December 2016');
  await expect(preview).toHaveText('Status on these steps: Signed');
  await form.addStep({
    kind: 'Approved',
    day: '23',
    month: 'February',
    year: '2017',
    instrument: 'Decree of the President of the Republic of Azerbaijan',
  });
  await form.addStep({ kind: 'Entered into force', day: '2', month: 'March', year: '2017' });
  await expect(preview).toHaveText('Status on these steps: In force');
  await form.save();

  await expect(app.heading).toHaveText(TITLE);
  await expect(page.getByText(`“${TITLE}” saved.`)).toBeVisible();
  await expect(page.getByTestId('agreement-status')).toHaveText('In force');
  await expect(page.getByTestId('agreement-step')).toHaveText([
    /^Signed8 December 2016Geneva$/,
    /^Approved23 February 2017Decree of the President of the Republic of Azerbaijan$/,
    /^Entered into force2 March 2017$/,
  ]);
  await expect(page.getByRole('link', { name: IOM, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: SMS, exact: true })).toBeVisible();

  // Editing opens with what was saved; removing the last step changes the status it shows.
  await app.open(`${new URL(page.url()).hash.slice(1)}/edit`);
  await expect(app.heading).toHaveText(`Edit ${TITLE}`);
  await expect(page.getByTestId('agreement-step-row')).toHaveCount(3);
  await expect(page.getByTestId('steps.1.date-echo')).toHaveText('23 February 2017');
  await expect(preview).toHaveText('Status on these steps: In force');
  await page.getByRole('button', { name: 'Remove step 3' }).click();
  await expect(preview).toHaveText('Status on these steps: Signed');
  await form.save();
  await expect(app.heading).toHaveText(TITLE);
  await expect(page.getByTestId('agreement-status')).toHaveText('Signed');
  await expect(page.getByTestId('agreement-step')).toHaveCount(2);
});

test('a step dated with a day but no month, or 30 February, is refused and nothing is saved', async ({
  page,
  registryApp,
}) => {
  const { app, form } = await openNewAgreementForm(page, registryApp.origin);
  await form.chooseKind('Memorandum');
  await form.fillTitle('Memorandum with an impossible date');
  await form.addStep({ day: '5', year: '2017' });
  await form.save();

  await expect(page.getByTestId('form-error')).toHaveText(
    'Nothing was saved. Check the marked fields.',
  );
  await expect(page.getByTestId('steps.0.date-echo')).toHaveText(DATE_MESSAGE);
  await expect(app.heading).toHaveText('New agreement');

  await form.fillStep(1, { day: '30', month: 'February' });
  await expect(page.getByTestId('steps.0.date-echo')).toHaveText('');
  await form.save();
  await expect(page.getByTestId('steps.0.date-echo')).toHaveText(DATE_MESSAGE);
  await expect(app.heading).toHaveText('New agreement');

  await app.navigation.getByRole('link', { name: 'Agreements' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard changes' }).click();
  await expect(app.heading).toHaveText('Agreements');
  await expect(page.getByTestId('record-count')).toHaveText(`${sampleAgreements} records`);
});

test('a party added on the fly as a new partner becomes a party of the agreement', async ({
  page,
  registryApp,
}) => {
  const MINISTRY = 'Ministry of Labour and Social Protection of the Population';
  const { app, form } = await openNewAgreementForm(page, registryApp.origin);
  await form.chooseKind('Protocol');
  await form.fillTitle('Protocol on labour migration statistics');

  await form.addParty(MINISTRY, `Add “${MINISTRY}” as a new partner…`);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('New partner');
  await expect(dialog.getByRole('textbox', { name: 'Name (English)' })).toHaveValue(MINISTRY);
  await dialog.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'State authority', exact: true }).click();
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Party 1', exact: true })).toHaveValue(MINISTRY);

  await form.party(1).getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Signatory', exact: true }).click();
  await form.save();

  await expect(app.heading).toHaveText('Protocol on labour migration statistics');
  const party = page.getByRole('listitem').filter({ hasText: MINISTRY });
  await expect(party.getByRole('link', { name: MINISTRY })).toBeVisible();
  await expect(party).toContainText('Signatory');

  await app.goTo('Partners');
  await expect(page.getByTestId('record-count')).toHaveText(`${samplePartners + 1} records`);
});
