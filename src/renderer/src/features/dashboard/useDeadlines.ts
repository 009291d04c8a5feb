import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { todayIso } from '../../ui/todayIso';
import { addMonths, windowFrom, type DayRange } from './dateWindows';
import {
  useExpiringAgreements,
  useFollowUpsDue,
  useUpcomingEvents,
  type ExpiringAgreement,
  type FollowUpsDue,
} from './queries';
import type { RegistryEvent } from '@shared/model/records';

/** The upcoming-meeting windows a user chooses between. */
export const UPCOMING_WINDOWS = [30, 90] as const;
export type UpcomingDays = (typeof UPCOMING_WINDOWS)[number];
/** How far ahead expiry and renewal-notice dates are shown. */
export const RENEWAL_MONTHS = 6;
/** How far ahead an open follow-up action counts as due soon. */
export const DUE_SOON_DAYS = 30;
/** How many follow-up actions each of the overdue and due-soon lists shows. */
export const FOLLOW_UPS_SHOWN = 10;

export type Deadlines = {
  today: string;
  upcomingDays: UpcomingDays;
  setUpcomingDays: (days: UpcomingDays) => void;
  upcomingWindow: DayRange;
  upcoming: RegistryEvent[] | undefined;
  expiring: ExpiringAgreement[] | undefined;
  followUps: FollowUpsDue | undefined;
  /** All three have arrived once (a changed window keeps showing the last until the next). */
  isLoaded: boolean;
};

/**
 * What the dashboard's time-bound panels show, read together so the page knows when they are
 * on screen: the costlier activity chart starts only then and never delays them. The upcoming
 * window is kept in the address, so coming back from a meeting finds the same one.
 */
export function useDeadlines(): Deadlines {
  const [params, setParams] = useSearchParams();
  const upcomingDays: UpcomingDays = params.get('upcoming') === '90' ? 90 : 30;
  const today = todayIso();
  const upcomingWindow = useMemo(() => windowFrom(today, upcomingDays), [today, upcomingDays]);
  const renewalWindow = useMemo(
    () => ({ first: today, last: addMonths(today, RENEWAL_MONTHS) }),
    [today],
  );
  const dueWindow = useMemo(() => windowFrom(today, DUE_SOON_DAYS), [today]);
  const upcoming = useUpcomingEvents(upcomingWindow);
  const expiring = useExpiringAgreements(renewalWindow);
  const followUps = useFollowUpsDue(dueWindow, FOLLOW_UPS_SHOWN);
  return {
    today,
    upcomingDays,
    setUpcomingDays: (days) => {
      const next = new URLSearchParams(params);
      if (days === 30) next.delete('upcoming');
      else next.set('upcoming', String(days));
      setParams(next, { replace: true });
    },
    upcomingWindow,
    upcoming,
    expiring,
    followUps,
    isLoaded: upcoming !== undefined && expiring !== undefined && followUps !== undefined,
  };
}
