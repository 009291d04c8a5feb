import { afterEach, describe, expect, it } from 'vitest';
import { createRecord, deleteRecord } from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';
import { createTestDb, testContext } from '../../db/testing/testDb';
import { loadLatestEventStart, loadTimelineEvents } from './queries';
import { periodOf } from './timelineModel';

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function registry() {
  const db = createTestDb();
  opened.push(db);
  const context = { ...testContext(), newId: () => crypto.randomUUID() };
  const iom = await createRecord(
    db,
    'partners',
    { kind: 'international-organization', name: { en: 'IOM' } },
    context,
  );
  const event = (
    title: string,
    startDate: string | null,
    endDate: string | null = null,
    more = {},
  ) =>
    createRecord(
      db,
      'events',
      { kind: 'conference', title: { en: title }, startDate, endDate, ...more },
      context,
    );
  await event('Council', '2016-12-05', '2016-12-08', { organizerId: iom.id });
  await event('Sometime in 2016', '2016');
  await event('December, month only', '2016-12');
  await event('Ran into December', '2016-11-28', '2016-12-02');
  await event('November', '2016-11-10');
  await event('January 2017', '2017-01-03', null, { partnerIds: [iom.id] });
  await event('Undated', null);
  const deleted = await event('Deleted', '2016-12-20');
  await deleteRecord(db, 'events', deleted.id, context);
  return { db, iom };
}

const titles = (events: { title: { en?: string } }[]) => events.map((e) => e.title.en).sort();

describe('loadTimelineEvents', () => {
  it('reads a month’s meetings with those known only to its year or month and those running into it', async () => {
    const { db } = await registry();
    expect(
      titles(await loadTimelineEvents(db, periodOf('month', { year: 2016, month: 12 }), null)),
    ).toEqual(['Council', 'December, month only', 'Ran into December', 'Sometime in 2016']);
  });

  it('reads a decade’s meetings, and only a partner’s when one is chosen', async () => {
    const { db, iom } = await registry();
    const decade = periodOf('decade', { year: 2016, month: 1 });
    expect(await loadTimelineEvents(db, decade, null)).toHaveLength(6);
    expect(titles(await loadTimelineEvents(db, decade, iom.id))).toEqual([
      'Council',
      'January 2017',
    ]);
    expect(
      titles(await loadTimelineEvents(db, periodOf('year', { year: 2017, month: 1 }), iom.id)),
    ).toEqual(['January 2017']);
  });

  it('finds the latest meeting up to today, where the timeline opens', async () => {
    const { db } = await registry();
    expect(await loadLatestEventStart(db, '2016-12-31')).toBe('2016-12-05');
    expect(await loadLatestEventStart(db, '2026-11-27')).toBe('2017-01-03');
  });
});
