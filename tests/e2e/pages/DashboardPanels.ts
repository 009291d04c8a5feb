import type { Locator, Page } from '@playwright/test';

/** The dashboard's panels as a user finds them: each a titled section. */
export class DashboardPanels {
  readonly upcoming: Locator;
  readonly followUps: Locator;
  readonly agreements: Locator;
  readonly activity: Locator;

  constructor(page: Page) {
    this.upcoming = page.getByRole('region', { name: 'Upcoming meetings and visits' });
    this.followUps = page.getByRole('region', { name: 'Follow-up actions due' });
    this.agreements = page.getByRole('region', { name: 'Agreements to renew' });
    this.activity = page.getByRole('region', { name: 'Cooperation activity per year' });
  }

  /** A listed record in a panel, by its title. */
  item(panel: Locator, title: string): Locator {
    return panel.getByRole('link').filter({ hasText: title });
  }
}

const MONTH_NAMES = new Intl.DateTimeFormat('en-GB', { month: 'long' });

/** A calendar day `days` from today on this computer, as the forms' fields take it. */
export function dayFromToday(days: number): { day: string; month: string; year: string } {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return dayOf(date);
}

/** The 15th of the month `months` from this one. */
export function fifteenthOfMonthFromNow(months: number): {
  day: string;
  month: string;
  year: string;
} {
  const now = new Date();
  return dayOf(new Date(now.getFullYear(), now.getMonth() + months, 15));
}

function dayOf(date: Date) {
  return {
    day: String(date.getDate()),
    month: MONTH_NAMES.format(date),
    year: String(date.getFullYear()),
  };
}
