import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, RESOURCES_FOLDER, test } from './harness/registryTest';
import { fillDate } from './pages/formFields';
import { MultiSelectField } from './pages/MultiSelectField';
import { RegistryWindow } from './pages/RegistryWindow';

const sampleAreas = (
  JSON.parse(readFileSync(join(RESOURCES_FOLDER, 'sample-registry.json'), 'utf8')) as {
    records: { areas: unknown[] };
  }
).records.areas.length;

test.beforeEach(async ({ page, registryApp }) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
});

test('an area made in its section and one added on the fly, a tag and a membership fact are saved on a partner', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);

  // A new area through the Thematic areas section; its code follows the name until edited.
  await app.goTo('Thematic areas');
  await expect(page.getByTestId('record-count')).toHaveText(`${sampleAreas} records`);
  await page.getByRole('button', { name: 'New' }).click();
  await expect(app.heading).toHaveText('New thematic area');
  await page.locator('input[name="name.en"]').fill('Protection of migrant workers');
  await page.locator('input[name="name.az"]').fill('Miqrant işçilərin müdafiəsi');
  await expect(page.locator('input[name="code"]')).toHaveValue('protection-of-migrant-workers');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toHaveText('Thematic areas');
  await expect(page.getByTestId('record-count')).toHaveText(`${sampleAreas + 1} records`);
  await expect(
    page.getByRole('row', { name: 'Protection of migrant workers protection-of-migrant-workers' }),
  ).toBeVisible();

  // A new partner picks that area, adds another and a tag on the fly, and records a membership.
  await app.goTo('Partners');
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'State', exact: true }).click();
  await page.locator('input[name="name.en"]').fill('Georgia');

  const areas = new MultiSelectField(page, 'Thematic areas');
  // Found by its Azerbaijani name typed without Azerbaijani letters.
  await areas.pick('iscilerin', 'Protection of migrant workers');
  await areas.pick('Diaspora engagement', 'Add area “Diaspora engagement”');
  await expect(areas.chips).toHaveText(['Protection of migrant workers', 'Diaspora engagement']);
  // A name that is already an area is offered as itself, never as a new one.
  await areas.input.fill('readmission');
  await expect(page.getByRole('option')).toHaveText(['Readmission']);
  await areas.input.fill('');

  const tags = new MultiSelectField(page, 'Tags');
  await tags.pick('Eastern Partnership', 'Add tag “Eastern Partnership”');
  await expect(tags.chips).toHaveText(['Eastern Partnership']);

  await page.getByRole('button', { name: 'Add membership fact' }).click();
  const fact = page.getByRole('group', { name: 'Fact 1', exact: true });
  await fact.locator('input[name="membershipFacts.0.statement.en"]').fill('Member state of IOM');
  await fillDate(page, 'Since', { year: '1993' });
  await expect(page.getByTestId('membershipFacts.0.since-echo')).toHaveText('1993');
  await new MultiSelectField(page, 'Partners it names').pick(
    'IOM',
    'International Organization for Migration (IOM)',
  );
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(app.heading).toHaveText('Georgia');
  await expect(page.getByTestId('record-areas').locator('.MuiChip-root')).toHaveText([
    'Diaspora engagement',
    'Protection of migrant workers',
  ]);
  await expect(page.getByTestId('record-tags').locator('.MuiChip-root')).toHaveText([
    'Eastern Partnership',
  ]);
  const membership = page.getByTestId('membership-fact');
  await expect(membership).toContainText('Member state of IOM');
  await expect(membership).toContainText('since 1993');
  await expect(
    membership.getByRole('link', { name: 'International Organization for Migration' }),
  ).toBeVisible();

  // Editing shows every value back; a removed area is gone after saving, the rest stay.
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(areas.chips).toHaveText(['Protection of migrant workers', 'Diaspora engagement']);
  await expect(tags.chips).toHaveText(['Eastern Partnership']);
  await expect(page.getByTestId('membershipFacts.0.since-echo')).toHaveText('1993');
  await areas.remove('Diaspora engagement');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toHaveText('Georgia');
  await expect(page.getByTestId('record-areas').locator('.MuiChip-root')).toHaveText([
    'Protection of migrant workers',
  ]);
  await expect(page.getByTestId('membership-fact')).toContainText('since 1993');

  // The area added on the fly is in the vocabulary, with a code spelled from its name.
  await app.goTo('Thematic areas');
  await expect(page.getByTestId('record-count')).toHaveText(`${sampleAreas + 2} records`);
  await expect(
    page.getByRole('row', { name: 'Diaspora engagement diaspora-engagement' }),
  ).toBeVisible();
});

test('a partner’s existing areas are kept when it is edited for something else', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.goTo('Partners');
  await page.getByRole('row', { name: /^European Union/ }).click();
  const shown = page.getByTestId('record-areas').locator('.MuiChip-root');
  await expect(shown).toHaveText([
    'Capacity building',
    'Mobility partnership',
    'Readmission',
    'Visa facilitation',
  ]);
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.locator('input[name="acronym.ru"]').fill('ЕС');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toHaveText('European Union(EU)');
  await expect(shown).toHaveCount(4);
});

test('a person’s working languages are chosen by name and shown in the UI language', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.goTo('People');
  await page.getByRole('row', { name: /^Firudin Nabiyev/ }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  const languages = new MultiSelectField(page, 'Working languages');
  await languages.pick('Azerb', 'Azerbaijani');
  // Found by its code as well as by its name.
  await languages.pick('ru', 'Russian');
  await expect(languages.chips).toHaveText(['Azerbaijani', 'Russian']);
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(app.heading).toHaveText('Firudin Nabiyev');
  await expect(page.getByTestId('person-languages')).toHaveText('Azerbaijani, Russian');
  await app.switchLanguage('Azərbaycanca');
  await expect(page.getByTestId('person-languages')).toHaveText('azərbaycan dili, rus dili');
  await app.switchLanguage('Русский');
  await expect(page.getByTestId('person-languages')).toHaveText('азербайджанский, русский');
});

test('an area code that is malformed or taken is refused at the field, and nothing is saved', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.goTo('Thematic areas');
  await page.getByRole('button', { name: 'New' }).click();
  await page.locator('input[name="name.en"]').fill('Integration of migrants');
  const code = page.locator('input[name="code"]');
  await code.fill('Integration Policy!');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('form-error')).toHaveText(
    'Nothing was saved. Check the marked fields.',
  );
  await expect(
    page.getByText(
      'Use lower-case Latin letters (a–z), digits and single hyphens between words, e.g. voluntary-return.',
    ),
  ).toBeVisible();
  await expect(code).toHaveAttribute('aria-invalid', 'true');

  await code.fill('readmission');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.getByText('Another thematic area already has this code (perhaps one in Trash).'),
  ).toBeVisible();
  await expect(app.heading).toHaveText('New thematic area');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard changes' }).click();
  await expect(app.heading).toHaveText('Thematic areas');
  await expect(page.getByTestId('record-count')).toHaveText(`${sampleAreas} records`);
});

test('an area is renamed in its form and moved to Trash from it, with the records using it named', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.goTo('Thematic areas');
  await page.getByRole('row', { name: /^Visa facilitation/ }).click();
  await expect(app.heading).toHaveText('Edit Visa facilitation');
  await expect(page.locator('input[name="code"]')).toHaveValue('visa-facilitation');
  await page.locator('input[name="name.en"]').fill('Visa facilitation and readmission');
  // Renaming an existing area never changes its code, which other registries match it by.
  await expect(page.locator('input[name="code"]')).toHaveValue('visa-facilitation');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('row', { name: /^Visa facilitation and readmission/ })).toBeVisible();

  await page.getByRole('row', { name: /^Visa facilitation and readmission/ }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Move “Visa facilitation and readmission” to Trash?');
  await expect(confirm).toContainText('Partners: 1');
  await confirm.getByRole('button', { name: 'Move to Trash' }).click();
  await expect(app.heading).toHaveText('Thematic areas');
  await expect(page.getByTestId('record-count')).toHaveText(`${sampleAreas - 1} records`);
  await app.goTo('Trash');
  await expect(page.getByRole('row', { name: /Visa facilitation and readmission/ })).toContainText(
    'Thematic areas',
  );
});
