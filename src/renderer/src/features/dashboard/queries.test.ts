import { afterEach, describe, expect, it } from 'vitest';
import type { RecordContentInput } from '@shared/model/records';
import { createRecord, deleteRecord } from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';
import { createTestDb, testContext } from '../../db/testing/testDb';
import { addMonths, windowFrom } from './dateWindows';
import {
  loadEventActivityKeys,
  loadExpiringAgreements,
  loadFollowUpsDue,
  loadUpcomingEvents,
} from './queries';

const TODAY = '2026-11-27';

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function setUp() {
  const db = createTestDb();
  opened.push(db);
  const context = { ...testContext(), newId: () => crypto.randomUUID() };
  return {
    db,
    context,
    event: (title: string, startDate: string | null, endDate: string | null = null, more = {}) =>
      createRecord(
        db,
        'events',
        { kind: 'conference', title: { en: title }, startDate, endDate, ...more },
        context,
      ),
    followUp: (
      title: string,
      dueDate: string | null,
      status: RecordContentInput<'followUps'>['status'] = 'open',
    ) => createRecord(db, 'followUps', { title: { en: title }, dueDate, status }, context),
  };
}

describe('loadUpcomingEvents', () => {
  it('finds meetings in the window by day, month or year, and those under way', async () => {
    const { db, context, event } = setUp();
    await event('Day in window', '2026-12-10');
    await event('December, month only', '2026-12');
    await event('This month, month only', '2026-11');
    await event('This year, year only', '2026');
    await event('Under way', '2026-11-25', '2026-11-28');
    await event('Ended yesterday', '2026-11-20', '2026-11-26');
    await event('January, too late for 30 days', '2027-01');
    await event('No date', null);
    const deleted = await event('Deleted', '2026-12-01');
    await deleteRecord(db, 'events', deleted.id, context);

    const titles = async (days: number) =>
      (await loadUpcomingEvents(db, windowFrom(TODAY, days))).map((e) => e.title.en);
    expect(await titles(30)).toEqual([
      'Under way',
      'This month, month only',
      'December, month only',
      'Day in window',
      'This year, year only',
    ]);
    expect(await titles(90)).toContain('January, too late for 30 days');
  });
});

describe('loadExpiringAgreements', () => {
  it('finds agreements whose expiry or renewal notice falls in the next six months', async () => {
    const { db, context } = setUp();
    const agreement = (title: string, content: Partial<RecordContentInput<'agreements'>>) =>
      createRecord(
        db,
        'agreements',
        { kind: 'agreement', title: { en: title }, ...content },
        context,
      );
    await agreement('Expires next month', { expiryDate: '2026-12-15' });
    await agreement('Renewal notice in May, month only', {
      renewalNoticeDate: '2027-05',
      expiryDate: '2027-11-01',
    });
    await agreement('Expires in a year', { expiryDate: '2027-12-01' });
    await agreement('Terminated', {
      expiryDate: '2027-01-01',
      steps: [{ id: crypto.randomUUID(), kind: 'terminated', date: '2025-01-01' }],
    });
    await agreement('No dates', {});

    const found = await loadExpiringAgreements(db, { first: TODAY, last: addMonths(TODAY, 6) });
    expect(found.map((entry) => [entry.agreement.title.en, entry.deadlines])).toEqual([
      ['Expires next month', [{ kind: 'expiry', date: '2026-12-15' }]],
      ['Renewal notice in May, month only', [{ kind: 'renewalNotice', date: '2027-05' }]],
    ]);
  });
});

describe('loadFollowUpsDue', () => {
  it('lists and counts overdue open actions, and those due in the next 30 days', async () => {
    const { db, context, followUp } = setUp();
    await followUp('Due last month', '2026-10-15');
    await followUp('In progress, due last year', '2025', 'in-progress');
    await followUp('Due in October, month only', '2026-10');
    await followUp('Done long ago', '2026-01-10', 'done');
    await followUp('Due this month, month only', '2026-11');
    await followUp('Due this year, year only', '2026');
    await followUp('Due in two weeks', '2026-12-10');
    await followUp('Due in March', '2027-03-01');
    await followUp('No due date', null);
    const trashed = await followUp('Overdue but in Trash', '2026-09-01');
    await deleteRecord(db, 'followUps', trashed.id, context);

    const due = await loadFollowUpsDue(db, windowFrom(TODAY, 30), 10);
    expect(due.overdue.map((f) => f.title.en)).toEqual([
      'In progress, due last year',
      'Due in October, month only',
      'Due last month',
    ]);
    expect(due.overdueCount).toBe(3);
    expect(due.dueSoon.map((f) => f.title.en)).toEqual([
      'Due this month, month only',
      'Due in two weeks',
      'Due this year, year only',
    ]);

    const limited = await loadFollowUpsDue(db, windowFrom(TODAY, 30), 1);
    expect(limited.overdue.map((f) => f.title.en)).toEqual(['In progress, due last year']);
    expect(limited.overdueCount).toBe(3);
  });
});

describe('loadEventActivityKeys', () => {
  it('reads each live event’s start year and its partners or areas from the indexes', async () => {
    const { db, context, event } = setUp();
    const iom = await createRecord(
      db,
      'partners',
      { kind: 'international-organization', name: { en: 'IOM' } },
      context,
    );
    const eu = await createRecord(db, 'partners', { kind: 'union', name: { en: 'EU' } }, context);
    const area = crypto.randomUUID();
    const council = await event('Council', '2016-12-05', '2016-12-08', {
      organizerId: iom.id,
      partnerIds: [eu.id],
      areaIds: [area],
    });
    const since = await event('Sometime in 2014', '2014');
    await event('Undated', null);
    const deleted = await event('Deleted', '2015-03-01');
    await deleteRecord(db, 'events', deleted.id, context);

    const byPartner = await loadEventActivityKeys(db, 'partnerKind', []);
    expect(Object.fromEntries(byPartner.yearById)).toEqual({
      [council.id]: 2016,
      [since.id]: 2014,
    });
    expect([...(byPartner.partnerIdsById.get(council.id) ?? [])].sort()).toEqual(
      [iom.id, eu.id].sort(),
    );
    expect(byPartner.undated).toBe(1);

    const byArea = await loadEventActivityKeys(db, 'area', [area]);
    expect(Object.fromEntries(byArea.areaIdsById)).toEqual({ [council.id]: [area] });
  });
});
