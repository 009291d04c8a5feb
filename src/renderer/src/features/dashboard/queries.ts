import { useLiveQuery } from 'dexie-react-hooks';
import { deriveAgreementStatus } from '@shared/model/agreementStatus';
import type { LocalizedText } from '@shared/model/localizedText';
import { comparePartialDates, partialDateBounds } from '@shared/model/partialDate';
import {
  RECORD_KINDS,
  type Agreement,
  type FollowUp,
  type RecordKind,
  type RegistryEvent,
} from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import type { RegistryDb } from '../../db/RegistryDb';
import { isFollowUpOverdue } from '../records/components/FollowUpsSection';
import { recordLabel } from '../records/recordLabel';
import { yearOf, type ActivityGrouping, type EventActivityKeys } from './activity';
import {
  addDays,
  agreementDeadlinesIn,
  compareUpcoming,
  followUpUrgency,
  isEventInWindow,
  windowKeyRanges,
  type AgreementDeadline,
  type DayRange,
} from './dateWindows';

export type RecentChange = {
  kind: RecordKind;
  id: string;
  label: LocalizedText | string;
  updatedAt: string;
};

/**
 * The most recently changed live records across every kind, read newest-first from each table's
 * updatedAt index: a few rows per table, never a whole-table scan.
 */
export async function loadRecentChanges(db: RegistryDb, limit: number): Promise<RecentChange[]> {
  const perKind = await Promise.all(
    RECORD_KINDS.map(async (kind) => {
      const records = await db
        .recordTable(kind)
        .orderBy('updatedAt')
        .reverse()
        .filter((record) => record.deletedAt === null)
        .limit(limit)
        .toArray();
      return records.map((record) => ({
        kind,
        id: record.id,
        label: recordLabel(record),
        updatedAt: record.updatedAt,
      }));
    }),
  );
  return perKind
    .flat()
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    .slice(0, limit);
}

export function useRecentChanges(limit: number): RecentChange[] | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadRecentChanges(db, limit), [db, limit]);
}

/** How far back the upcoming list looks for a meeting that began earlier and is still going on. */
const UNDER_WAY_LOOKBACK_DAYS = 31;

const OPEN_STATUSES = ['open', 'in-progress'] as const;

function uniqueLive<T extends { id: string; deletedAt: string | null }>(lists: T[][]): T[] {
  const byId = new Map<string, T>();
  for (const list of lists) {
    for (const record of list) if (record.deletedAt === null) byId.set(record.id, record);
  }
  return [...byId.values()];
}

/**
 * Meetings that may take place in the window, soonest first, read as three small ranges of the
 * startDate index (see windowKeyRanges) plus the last month, for meetings already under way.
 */
export async function loadUpcomingEvents(
  db: RegistryDb,
  window: DayRange,
): Promise<RegistryEvent[]> {
  const today = window.first;
  const lists = await Promise.all([
    ...windowKeyRanges(window).map((range) =>
      db.events.where('startDate').between(range.lower, range.upper, true, true).toArray(),
    ),
    db.events
      .where('startDate')
      .between(addDays(today, -UNDER_WAY_LOOKBACK_DAYS), today, true, false)
      .toArray(),
  ]);
  return uniqueLive(lists)
    .filter((event) => isEventInWindow(event, window))
    .sort((a, b) => compareUpcoming(a, b, today));
}

export function useUpcomingEvents(window: DayRange): RegistryEvent[] | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadUpcomingEvents(db, window), [db, window.first, window.last]);
}

/** An agreement with the expiry or renewal-notice dates that fall in the window. */
export type ExpiringAgreement = { agreement: Agreement; deadlines: AgreementDeadline[] };

/**
 * Agreements whose expiry or renewal-notice date may fall in the window, soonest first, from the
 * two date indexes (schema version 3). Terminated and expired agreements have nothing to renew.
 */
export async function loadExpiringAgreements(
  db: RegistryDb,
  window: DayRange,
): Promise<ExpiringAgreement[]> {
  const lists = await Promise.all(
    (['expiryDate', 'renewalNoticeDate'] as const).flatMap((index) =>
      windowKeyRanges(window).map((range) =>
        db.agreements.where(index).between(range.lower, range.upper, true, true).toArray(),
      ),
    ),
  );
  const firstDay = (entry: ExpiringAgreement) =>
    partialDateBounds(entry.deadlines[0]?.date ?? null)?.first ?? '';
  return uniqueLive(lists)
    .filter((agreement) => {
      const status = deriveAgreementStatus(agreement, window.first);
      return status !== 'terminated' && status !== 'expired';
    })
    .map((agreement) => ({ agreement, deadlines: agreementDeadlinesIn(agreement, window) }))
    .filter((entry) => entry.deadlines.length > 0)
    .sort((a, b) => (firstDay(a) < firstDay(b) ? -1 : firstDay(a) > firstDay(b) ? 1 : 0));
}

export function useExpiringAgreements(window: DayRange): ExpiringAgreement[] | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadExpiringAgreements(db, window), [db, window.first, window.last]);
}

export type FollowUpsDue = {
  /** The oldest overdue actions, at most the limit. */
  overdue: FollowUp[];
  /** How many open actions are overdue in all. */
  overdueCount: number;
  /** Open actions whose due date may fall in the coming window, soonest first. */
  dueSoon: FollowUp[];
};

/**
 * Open follow-up actions that are overdue or fall due in the window, from the [status+dueDate]
 * index (schema version 3): an overdue action of either open status is in the index range before
 * today. The count is key counts of those ranges, less the two keys that sort before today but are
 * not past (this year, this month) and less overdue actions in Trash: never a scan of the table.
 */
export async function loadFollowUpsDue(
  db: RegistryDb,
  soon: DayRange,
  limit: number,
): Promise<FollowUpsDue> {
  const today = soon.first;
  const year = today.slice(0, 4);
  const month = today.slice(0, 7);
  const compound = () => db.followUps.where('[status+dueDate]');
  return db.transaction('r', db.followUps, async () => {
    const [overdueLists, counts, trashed, soonLists] = await Promise.all([
      Promise.all(
        OPEN_STATUSES.map((status) =>
          compound()
            .between([status, ''], [status, today], true, false)
            .filter((followUp) => followUp.deletedAt === null && isFollowUpOverdue(followUp, today))
            .limit(limit)
            .toArray(),
        ),
      ),
      Promise.all(
        OPEN_STATUSES.flatMap((status) => [
          compound().between([status, ''], [status, today], true, false).count(),
          compound()
            .anyOf([
              [status, year],
              [status, month],
            ])
            .count()
            .then((notPast) => -notPast),
        ]),
      ),
      db.followUps
        .orderBy('deletedAt')
        .filter((followUp) => isFollowUpOverdue(followUp, today))
        .count(),
      Promise.all(
        OPEN_STATUSES.flatMap((status) =>
          windowKeyRanges(soon).map((range) =>
            compound().between([status, range.lower], [status, range.upper], true, true).toArray(),
          ),
        ),
      ),
    ]);
    const byDue = (a: FollowUp, b: FollowUp) => comparePartialDates(a.dueDate, b.dueDate);
    return {
      overdue: overdueLists.flat().sort(byDue).slice(0, limit),
      overdueCount: counts.reduce((sum, count) => sum + count, 0) - trashed,
      dueSoon: uniqueLive(soonLists)
        .filter((followUp) => followUpUrgency(followUp, today, soon) === 'dueSoon')
        .sort((a, b) => compareUpcoming({ startDate: a.dueDate }, { startDate: b.dueDate }, today))
        .slice(0, limit),
    };
  });
}

export function useFollowUpsDue(soon: DayRange, limit: number): FollowUpsDue | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadFollowUpsDue(db, soon, limit), [db, soon.first, soon.last, limit]);
}

/**
 * What the activity chart needs about events, from their indexes alone: the start year of each
 * live event (one key-only range per year of the startDate index) and, for the grouping shown,
 * its partners (key cursors over the partnerIds and organizerId indexes) or its areas (one
 * key-only lookup per area). The rows themselves, the biggest table, are never read.
 */
export async function loadEventActivityKeys(
  db: RegistryDb,
  grouping: ActivityGrouping,
  areaIds: readonly string[],
): Promise<EventActivityKeys> {
  return db.transaction('r', db.events, async () => {
    const trash = new Set(await db.events.orderBy('deletedAt').primaryKeys());
    const [firstKey] = await db.events.orderBy('startDate').limit(1).keys();
    const [lastKey] = await db.events.orderBy('startDate').reverse().limit(1).keys();
    const firstYear = yearOf(typeof firstKey === 'string' ? firstKey : null);
    const lastYear = yearOf(typeof lastKey === 'string' ? lastKey : null);
    const yearById = new Map<string, number>();
    if (firstYear !== null && lastYear !== null) {
      const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
      const idsPerYear = await Promise.all(
        years.map((year) =>
          db.events.where('startDate').between(`${year}`, `${year}-99`, true, true).primaryKeys(),
        ),
      );
      idsPerYear.forEach((ids, index) => {
        for (const id of ids) if (!trash.has(id)) yearById.set(id, years[index] ?? 0);
      });
    }
    const total = await db.events.count();
    const partnerIdsById = new Map<string, string[]>();
    const areaIdsById = new Map<string, string[]>();
    const collect = (target: Map<string, string[]>, key: unknown, id: unknown) => {
      if (typeof key !== 'string' || typeof id !== 'string' || !yearById.has(id)) return;
      const list = target.get(id);
      if (list) list.push(key);
      else target.set(id, [key]);
    };
    if (grouping === 'partnerKind') {
      for (const index of ['partnerIds', 'organizerId'] as const) {
        await db.events
          .orderBy(index)
          .eachKey((key, cursor) => collect(partnerIdsById, key, cursor.primaryKey));
      }
    } else {
      const idsPerArea = await Promise.all(
        areaIds.map((areaId) => db.events.where('areaIds').equals(areaId).primaryKeys()),
      );
      idsPerArea.forEach((ids, index) => {
        for (const id of ids) collect(areaIdsById, areaIds[index], id);
      });
    }
    return { yearById, partnerIdsById, areaIdsById, undated: total - trash.size - yearById.size };
  });
}

export function useEventActivityKeys(
  grouping: ActivityGrouping,
  areaIds: readonly string[] | undefined,
): EventActivityKeys | undefined {
  const { db } = useRegistry();
  const areaKey = areaIds?.join(',');
  return useLiveQuery(
    () => (areaIds ? loadEventActivityKeys(db, grouping, areaIds) : undefined),
    // The area ids by value: the areas cache hands out a new array on every change.
    [db, grouping, areaKey],
  );
}
