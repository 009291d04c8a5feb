import { expect, test } from './harness/registryTest';
import { AgreementForm } from './pages/AgreementForm';
import { DashboardPanels, dayFromToday, fifteenthOfMonthFromNow } from './pages/DashboardPanels';
import { choose, fillDate } from './pages/formFields';
import { RegistryWindow } from './pages/RegistryWindow';

const AGREEMENT = 'Readmission Protocol with the Kingdom of the Netherlands';
const OVERDUE = 'Send the Dutch side the list of contact points';
const LATER = 'Draft the annual report on readmission';

test('the dashboard lists an agreement expiring next month and an overdue follow-up', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  const panels = new DashboardPanels(page);
  await expect(panels.agreements).toContainText('No agreement expires');
  await expect(panels.followUps).toContainText('Nothing is overdue');

  const expiry = fifteenthOfMonthFromNow(1);
  await app.open('/agreements/new');
  const form = new AgreementForm(page);
  await form.chooseKind('Protocol');
  await form.fillTitle(AGREEMENT);
  await fillDate(page, 'Expiry date', expiry);
  await form.save();
  await expect(app.heading).toHaveText(AGREEMENT);

  const lastMonth = fifteenthOfMonthFromNow(-1);
  for (const [title, due] of [
    [OVERDUE, lastMonth],
    [LATER, fifteenthOfMonthFromNow(3)],
  ] as const) {
    await app.open('/follow-ups/new');
    await page.locator('input[name="title.en"]').fill(title);
    await fillDate(page, 'Due date', due);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(app.heading).toHaveText('Follow-ups');
  }

  await app.goTo('Dashboard');
  const agreement = panels.item(panels.agreements, AGREEMENT);
  await expect(agreement).toContainText(`Expires ${expiry.day} ${expiry.month} ${expiry.year}`);

  // The overdue action stands out: counted, marked and in red; the one due in three months is
  // not due soon and not listed.
  await expect(panels.followUps.getByTestId('overdue-count')).toHaveText('1 action is overdue');
  const overdue = panels.item(panels.followUps, OVERDUE);
  await expect(overdue).toContainText('Overdue');
  await expect(overdue).toContainText(`due ${lastMonth.day} ${lastMonth.month} ${lastMonth.year}`);
  await expect(panels.item(panels.followUps, LATER)).toHaveCount(0);

  await agreement.click();
  await expect(app.heading).toHaveText(AGREEMENT);
  await page.goBack();
  await panels.item(panels.followUps, OVERDUE).click();
  await expect(app.heading).toHaveText(`Edit ${OVERDUE}`);
  await choose(page, 'Status', 'Done');
  await page.getByRole('button', { name: 'Save' }).click();
  await app.goTo('Dashboard');
  await expect(panels.followUps).toContainText('Nothing is overdue');
});

test('upcoming meetings: the next 30 or 90 days, a month-only date shown as the month', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();

  const inSixWeeks = dayFromToday(45);
  const inTwoMonths = dayFromToday(60);
  const meetings = [
    { title: 'Working visit of the Dutch Repatriation and Departure Service', date: inSixWeeks },
    {
      title: 'Expert meeting on readmission statistics',
      date: { month: inTwoMonths.month, year: inTwoMonths.year },
    },
  ];
  for (const meeting of meetings) {
    await app.open('/events/new');
    await choose(page, 'Kind', 'Expert meeting');
    await page.locator('input[name="title.en"]').fill(meeting.title);
    await fillDate(page, 'Start date', meeting.date);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(app.heading).toHaveText(meeting.title);
  }

  await app.goTo('Dashboard');
  const panels = new DashboardPanels(page);
  await expect(panels.upcoming.getByRole('button', { name: 'Next 30 days' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(panels.upcoming).toContainText('No meetings or visits in the next 30 days.');

  await panels.upcoming.getByRole('button', { name: 'Next 90 days' }).click();
  const visit = panels.item(panels.upcoming, meetings[0]!.title);
  await expect(visit).toContainText(`${inSixWeeks.day} ${inSixWeeks.month} ${inSixWeeks.year}`);
  const monthOnly = panels.item(panels.upcoming, meetings[1]!.title);
  await expect(monthOnly).toContainText(`${inTwoMonths.month} ${inTwoMonths.year}`);
  await expect(monthOnly).not.toContainText(`1 ${inTwoMonths.month}`);
  // Known to the day, the visit comes first even if the month starts earlier.
  await expect(panels.upcoming.getByRole('link')).toHaveCount(2);

  await visit.click();
  await expect(app.heading).toHaveText(meetings[0]!.title);
  // Back on the dashboard, the 90-day window is still chosen.
  await page.goBack();
  await expect(panels.upcoming.getByRole('button', { name: 'Next 90 days' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await panels.upcoming.getByRole('button', { name: 'Next 30 days' }).click();
  await expect(panels.upcoming).toContainText('No meetings or visits in the next 30 days.');
});

test('activity per year: stacked by partner kind or thematic area, with the figures as a table', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  const panels = new DashboardPanels(page);
  const chart = panels.activity.getByRole('img');
  await expect(chart).toHaveAccessibleName(/activities from 2010 to 2017/);
  await expect(panels.activity.getByTestId('activity-legend')).toContainText(
    'International organization',
  );

  await panels.activity.getByRole('button', { name: 'Show the figures as a table' }).click();
  const table = panels.activity.getByRole('table');
  // 2016: three meetings and the signature of the voluntary-return agreement.
  const y2016 = table.getByRole('row', { name: /^Open 2016 in the timeline/ });
  const cells2016 = y2016.getByRole('cell');
  // Meetings and visits, agreement steps, project starts, all activities.
  for (const [index, count] of ['3', '1', '0', '4'].entries()) {
    await expect(cells2016.nth(index)).toHaveText(count);
  }
  // 2014: the readmission agreement signed and the border project started ("since 2014").
  const y2014 = table.getByRole('row', { name: /^Open 2014 in the timeline/ });
  await expect(y2014.getByRole('cell').nth(3)).toHaveText('2');

  await panels.activity.getByRole('button', { name: 'Thematic area' }).click();
  await expect(panels.activity.getByTestId('activity-legend')).toContainText('Voluntary return');
  await expect(table.getByRole('columnheader', { name: 'Voluntary return' })).toBeVisible();

  await y2016.getByRole('link').click();
  await expect(app.heading).toHaveText('Timeline');
  await expect(page.getByTestId('timeline-period')).toHaveText('2016');
});
