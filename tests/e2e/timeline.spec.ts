import { expect, test } from './harness/registryTest';
import { RegistryWindow } from './pages/RegistryWindow';

const COUNCIL = '107th Session of the IOM Council';
const RETURN_AGREEMENT = 'Pilot Project on Assistance for the Voluntary Return of Migrants';
const BORDER_PROJECT = 'Consolidation of Migration and Border Management Capacities in Azerbaijan';
const CIS_MEETING = '8th meeting of the Council of Heads of Migration Bodies';

test('the timeline shows the sample in date order, filters by partner, zooms and keeps vague dates vague', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.goTo('Timeline');

  // It opens on the decade of the latest activity.
  const period = page.getByTestId('timeline-period');
  await expect(period).toHaveText('2010–2019');
  const list = page.getByTestId('timeline-list');
  const items = list.getByRole('link');
  await expect(items.filter({ hasText: COUNCIL })).toHaveText(
    /^5\s*–\s*8 December 2016 · Meeting or visit · 107th Session of the IOM Council$/,
  );
  await expect(items.filter({ hasText: RETURN_AGREEMENT })).toHaveText([
    /^8 December 2016 · Signed · /,
    /^23 February 2017 · Approved · /,
    /^2 March 2017 · Entered into force · /,
  ]);
  // "Since 2014": the year as written, never 1 January 2014.
  await expect(items.filter({ hasText: BORDER_PROJECT })).toHaveText(
    `2014 · Project started · ${BORDER_PROJECT}`,
  );
  await expect(list).not.toContainText('1 January 2014');
  await expect(items.filter({ hasText: CIS_MEETING })).toHaveCount(1);
  await expect(page.getByTestId('timeline-count')).toHaveText('11 items in 2010–2019');

  // Only what IOM takes part in.
  await page.getByRole('combobox', { name: 'Partner' }).fill('IOM');
  await page
    .getByRole('option', { name: 'International Organization for Migration (IOM)' })
    .click();
  await expect(page.getByTestId('timeline-count')).toHaveText('6 items in 2010–2019');
  await expect(items.filter({ hasText: CIS_MEETING })).toHaveCount(0);
  await expect(items.filter({ hasText: COUNCIL })).toHaveCount(1);

  // + and − zoom from anywhere but a text field; the buttons do the same.
  await app.heading.click();
  await page.keyboard.press('+');
  await expect(period).toHaveText('2017');
  await page.getByRole('button', { name: 'Previous year' }).click();
  await expect(period).toHaveText('2016');
  await expect(list.getByRole('heading')).toHaveText(['December 2016']);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(period).toHaveText('December 2016');
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeDisabled();
  await expect(list.getByRole('heading')).toHaveText(['5 December 2016', '8 December 2016']);
  await page.keyboard.press('-');
  await expect(period).toHaveText('2016');

  // On its own year, a year-only date goes in a "sometime in" group, not on a day.
  await page.getByRole('button', { name: 'Previous year' }).click();
  await page.getByRole('button', { name: 'Previous year' }).click();
  await expect(period).toHaveText('2014');
  await expect(list.getByRole('heading')).toHaveText(['Sometime in 2014']);
  await expect(items).toHaveText([`2014 · Project started · ${BORDER_PROJECT}`]);
  await expect(page.getByTestId('timeline-sometime-bar')).toContainText('Sometime in 2014');
  await expect(page.locator('body')).not.toContainText('1 January 2014');

  // The list is walked with the arrow keys, and each item opens its record.
  await page.keyboard.press('-');
  await expect(period).toHaveText('2010–2019');
  await items.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await items.filter({ hasText: COUNCIL }).click();
  await expect(app.heading).toHaveText(COUNCIL);

  // Back on the timeline, the filter and zoom are as they were.
  await page.goBack();
  await expect(period).toHaveText('2010–2019');
  await expect(page.getByRole('combobox', { name: 'Partner' })).toHaveValue(
    'International Organization for Migration (IOM)',
  );
  await expect(page.getByTestId('timeline-count')).toHaveText('6 items in 2010–2019');
});

test('the timeline filters by country and thematic area, and says when nothing matches', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.open('/timeline?zoom=decade&at=2016');
  const items = page.getByTestId('timeline-list').getByRole('link');

  await page.getByRole('combobox', { name: 'Country' }).fill('Switzerland');
  await page.getByRole('option', { name: 'Switzerland', exact: true }).click();
  await expect(items).toHaveText([/107th Session of the IOM Council$/]);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('combobox', { name: 'Thematic area' }).fill('Readmission');
  await page.getByRole('option', { name: 'Readmission', exact: true }).click();
  await expect(items).toHaveText([/^28 February 2014 · Signed · .*readmission/]);

  await page.getByRole('button', { name: 'Next decade' }).click();
  await expect(page.getByTestId('timeline-empty')).toHaveText(
    'Nothing in 2020–2029 matches the filters.',
  );
});
