import { useLiveQuery } from 'dexie-react-hooks';
import type { RegistryEvent } from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import type { RegistryDb } from '../../db/RegistryDb';
import { addDays, type KeyRange } from '../dashboard/dateWindows';
import { eventItems, isInPeriod, type Period } from './timelineModel';

/** How far before a period the timeline looks for a meeting that began earlier and runs into it. */
const LOOKBACK_DAYS = 31;

/**
 * The ranges of the startDate index holding every meeting of the period: the period's own keys
 * ("2016" up to "2016-99" holds the year, its months and days), the year a month lies in (a
 * meeting known only to that year may be in the month), and the month before, for meetings that
 * run into the period.
 */
export function periodKeyRanges(period: Period): KeyRange[] {
  const lastYear = period.last.slice(0, 4);
  const ranges: KeyRange[] = [
    { lower: period.key, upper: period.zoom === 'decade' ? `${lastYear}-99` : `${period.key}-99` },
    { lower: addDays(period.first, -LOOKBACK_DAYS), upper: addDays(period.first, -1) },
  ];
  if (period.zoom === 'month') ranges.push({ lower: lastYear, upper: lastYear });
  return ranges;
}

/**
 * The live meetings of a period, read by index: with a partner chosen, that partner's meetings
 * (partnerIds and organizerId indexes), which are few; otherwise the period's date ranges.
 */
export async function loadTimelineEvents(
  db: RegistryDb,
  period: Period,
  partnerId: string | null,
): Promise<RegistryEvent[]> {
  const lists = await Promise.all(
    partnerId
      ? [
          db.events.where('partnerIds').equals(partnerId).toArray(),
          db.events.where('organizerId').equals(partnerId).toArray(),
        ]
      : periodKeyRanges(period).map((range) =>
          db.events.where('startDate').between(range.lower, range.upper, true, true).toArray(),
        ),
  );
  const byId = new Map<string, RegistryEvent>();
  for (const list of lists) {
    for (const event of list) if (event.deletedAt === null) byId.set(event.id, event);
  }
  return [...byId.values()].filter((event) =>
    eventItems([event], new Map()).some((item) => isInPeriod(item, period)),
  );
}

export function useTimelineEvents(
  period: Period,
  partnerId: string | null,
): RegistryEvent[] | undefined {
  const { db } = useRegistry();
  return useLiveQuery(
    () => loadTimelineEvents(db, period, partnerId),
    [db, period.zoom, period.key, partnerId],
  );
}

/** The most recent meeting start on or before today, from the index: where the timeline opens. */
export async function loadLatestEventStart(db: RegistryDb, today: string): Promise<string | null> {
  const latest = await db.events
    .where('startDate')
    .belowOrEqual(today)
    .reverse()
    .filter((event) => event.deletedAt === null)
    .first();
  return latest?.startDate ?? null;
}

/** Undefined while loading, null when no meeting has a date up to today. */
export function useLatestEventStart(today: string): string | null | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadLatestEventStart(db, today), [db, today]);
}

/** Countries meetings took place in: the distinct keys of the countryCode index. */
export function useEventCountries(): string[] | undefined {
  const { db } = useRegistry();
  return useLiveQuery(
    async () =>
      (await db.events.orderBy('countryCode').uniqueKeys()).filter(
        (key): key is string => typeof key === 'string',
      ),
    [db],
  );
}
