import { describe, expect, it } from 'vitest';
import type { Agreement, Partner, Project, RegistryEvent } from '@shared/model/records';
import {
  agreementItems,
  anchorOf,
  coarserZoom,
  columnsOf,
  eventItems,
  finerZoom,
  groupTimeline,
  layoutTimeline,
  matchesFilter,
  parseTimelineView,
  periodOf,
  projectItems,
  serializeTimelineView,
  shiftAnchor,
  type TimelineItem,
} from './timelineModel';
import { timelinePath } from './timelinePath';

const PARTNERS = new Map(
  [
    { id: 'iom', kind: 'international-organization', countryCode: null },
    { id: 'nl', kind: 'state', countryCode: 'NL' },
    { id: 'sms', kind: 'state-authority', countryCode: 'AZ' },
  ].map((partner) => [partner.id, partner as Partner]),
);

const council = {
  id: 'council',
  title: { en: '107th Session of the IOM Council' },
  startDate: '2016-12-05',
  endDate: '2016-12-08',
  organizerId: 'iom',
  partnerIds: [],
  countryCode: 'CH',
  areaIds: [],
} as unknown as RegistryEvent;

const returnAgreement = {
  id: 'avr',
  title: { en: 'Voluntary return agreement' },
  parties: [{ partnerId: 'iom' }, { partnerId: 'sms' }],
  areaIds: ['return'],
  // Entered in a different order than they happened.
  steps: [
    { id: 's3', kind: 'in-force', date: '2017-03-02' },
    { id: 's1', kind: 'signed', date: '2016-12-08' },
    { id: 's2', kind: 'approved', date: '2017-02-23' },
    { id: 's0', kind: 'negotiated', date: null },
  ],
} as unknown as Agreement;

const borderProject = {
  id: 'border',
  title: { en: 'Border management capacities' },
  partners: [{ partnerId: 'nl' }],
  programmeId: null,
  actualStart: '2014',
  plannedStart: null,
  actualEnd: null,
  plannedEnd: '2016-06',
  areaIds: ['border'],
} as unknown as Project;

const items: TimelineItem[] = [
  ...eventItems([council], PARTNERS),
  ...agreementItems([returnAgreement], PARTNERS),
  ...projectItems([borderProject], PARTNERS),
];
const describeItem = (item: TimelineItem) => `${item.date} ${item.stepKind ?? item.type}`;

describe('periods and zoom', () => {
  it('shows the decade, year or month holding the anchor', () => {
    const anchor = { year: 2016, month: 12 };
    expect(periodOf('decade', anchor)).toMatchObject({ first: '2010-01-01', last: '2019-12-31' });
    expect(periodOf('year', anchor)).toMatchObject({ first: '2016-01-01', last: '2016-12-31' });
    expect(periodOf('month', anchor)).toMatchObject({
      first: '2016-12-01',
      last: '2016-12-31',
      key: '2016-12',
    });
    expect(periodOf('month', { year: 2016, month: 2 }).last).toBe('2016-02-29');
  });

  it('moves a decade, a year or a month at a time, across year ends', () => {
    expect(shiftAnchor('decade', { year: 2016, month: 12 }, -1)).toEqual({ year: 2006, month: 12 });
    expect(shiftAnchor('year', { year: 2016, month: 12 }, 1)).toEqual({ year: 2017, month: 12 });
    expect(shiftAnchor('month', { year: 2016, month: 12 }, 1)).toEqual({ year: 2017, month: 1 });
    expect(shiftAnchor('month', { year: 2017, month: 1 }, -1)).toEqual({ year: 2016, month: 12 });
  });

  it('zooms between decade, year and month and no further', () => {
    expect(finerZoom('decade')).toBe('year');
    expect(finerZoom('month')).toBeNull();
    expect(coarserZoom('year')).toBe('decade');
    expect(coarserZoom('decade')).toBeNull();
    expect(anchorOf('2014')).toEqual({ year: 2014, month: 1 });
    expect(anchorOf('2016-12-05')).toEqual({ year: 2016, month: 12 });
  });

  it('keeps the view in the address, and ignores what it cannot read', () => {
    const view = parseTimelineView(
      new URLSearchParams('zoom=month&at=2016-12&partner=iom&country=NL'),
    );
    expect(view).toEqual({
      zoom: 'month',
      anchor: { year: 2016, month: 12 },
      filter: { partnerId: 'iom', country: 'NL', areaId: null },
    });
    expect(serializeTimelineView(view).toString()).toBe(
      'zoom=month&at=2016-12&partner=iom&country=NL',
    );
    expect(parseTimelineView(new URLSearchParams('zoom=week&at=2016-13'))).toEqual({
      zoom: 'decade',
      anchor: null,
      filter: { partnerId: null, country: null, areaId: null },
    });
    expect(
      parseTimelineView(
        new URLSearchParams(timelinePath({ zoom: 'year', year: 2014 }).split('?')[1]),
      ),
    ).toMatchObject({ zoom: 'year', anchor: { year: 2014, month: 1 } });
  });
});

describe('timeline items', () => {
  it('lists an agreement’s dated steps in the order they happened', () => {
    expect(agreementItems([returnAgreement], PARTNERS).map(describeItem)).toEqual([
      '2016-12-08 signed',
      '2017-02-23 approved',
      '2017-03-02 in-force',
    ]);
  });

  it('gives a project a start and an end, and a meeting its days', () => {
    expect(projectItems([borderProject], PARTNERS).map(describeItem)).toEqual([
      '2014 projectStart',
      '2016-06 projectEnd',
    ]);
    expect(eventItems([council], PARTNERS)[0]).toMatchObject({
      date: '2016-12-05',
      endDate: '2016-12-08',
    });
  });

  it('filters by partner, by a country of the place or the partners, and by area', () => {
    const pick = (filter: Parameters<typeof matchesFilter>[1]) =>
      items.filter((item) => matchesFilter(item, filter)).map((item) => item.key);
    const none = { partnerId: null, country: null, areaId: null };
    expect(pick({ ...none, partnerId: 'iom' })).toEqual([
      'council:event',
      'avr:step:s1',
      'avr:step:s2',
      'avr:step:s3',
    ]);
    expect(pick({ ...none, country: 'CH' })).toEqual(['council:event']);
    expect(pick({ ...none, country: 'NL' })).toEqual(['border:start', 'border:end']);
    expect(pick({ ...none, areaId: 'return', partnerId: 'iom' })).toHaveLength(3);
  });
});

describe('placing partial dates', () => {
  it('draws a year-only date across its year on a decade, never on 1 January', () => {
    const layout = layoutTimeline(items, periodOf('decade', { year: 2014, month: 1 }));
    const since2014 = layout.placed.find((placed) => placed.item.key === 'border:start');
    const decadeDays = 3652;
    expect(since2014?.left).toBeCloseTo(1461 / decadeDays, 5);
    expect(since2014?.width).toBeCloseTo(365 / decadeDays, 5);
    expect(since2014?.isApproximate).toBe(true);
    const column2014 = columnsOf(periodOf('decade', { year: 2014, month: 1 }))[4];
    expect(column2014).toMatchObject({ date: '2014' });
    expect(since2014?.left).toBeCloseTo(column2014?.left ?? -1, 5);
    expect(since2014?.width).toBeCloseTo(column2014?.width ?? -1, 5);
  });

  it('puts a year-only date in a "sometime in" band on its year, and a month-only one on its month', () => {
    const year = layoutTimeline(items, periodOf('year', { year: 2014, month: 1 }));
    expect(year.sometime.map((item) => item.key)).toEqual(['border:start']);
    expect(year.placed).toEqual([]);

    const june = layoutTimeline(items, periodOf('month', { year: 2016, month: 6 }));
    expect(june.sometime.map((item) => item.key)).toEqual(['border:end']);
    const year2016 = layoutTimeline(items, periodOf('year', { year: 2016, month: 1 }));
    const end = year2016.placed.find((placed) => placed.item.key === 'border:end');
    // June 2016 drawn across June: from day 152 of the leap year, 30 days wide.
    expect(end?.left).toBeCloseTo(152 / 366, 5);
    expect(end?.width).toBeCloseTo(30 / 366, 5);
  });

  it('draws a meeting across its days and keeps overlapping items in separate lanes', () => {
    const december = layoutTimeline(items, periodOf('month', { year: 2016, month: 12 }));
    const session = december.placed.find((placed) => placed.item.key === 'council:event');
    expect(session?.left).toBeCloseTo(4 / 31, 5);
    expect(session?.width).toBeCloseTo(4 / 31, 5);
    const signed = december.placed.find((placed) => placed.item.key === 'avr:step:s1');
    expect(signed?.lane).not.toBe(session?.lane);
  });

  it('counts items it has no lane for, so none disappears silently', () => {
    const crowd = Array.from({ length: 5 }, (_, i) => ({
      ...items[0]!,
      key: `crowd-${i}`,
    }));
    const layout = layoutTimeline(crowd, periodOf('month', { year: 2016, month: 12 }), {
      maxLanes: 3,
    });
    expect(layout.placed).toHaveLength(3);
    expect(layout.unplacedCount).toBe(2);
  });
});

describe('the list', () => {
  it('groups a decade by year, a year-only date under its year', () => {
    const groups = groupTimeline(items, periodOf('decade', { year: 2016, month: 1 }));
    expect(
      groups.map((group) => [group.date, group.isSometime, group.items.map(describeItem)]),
    ).toEqual([
      ['2014', false, ['2014 projectStart']],
      ['2016', false, ['2016-06 projectEnd', '2016-12-05 event', '2016-12-08 signed']],
      ['2017', false, ['2017-02-23 approved', '2017-03-02 in-force']],
    ]);
  });

  it('lists a year’s vague dates first under "sometime", then month by month', () => {
    const year2014 = groupTimeline(items, periodOf('year', { year: 2014, month: 1 }));
    expect(year2014).toEqual([{ date: '2014', isSometime: true, items: [items[4]] }]);
    const year2016 = groupTimeline(items, periodOf('year', { year: 2016, month: 1 }));
    expect(year2016.map((group) => group.date)).toEqual(['2016-06', '2016-12']);
  });

  it('lists a month day by day, with a meeting that began the month before at its start', () => {
    const longMeeting = {
      ...items[0]!,
      key: 'long',
      date: '2016-11-28',
      endDate: '2016-12-02',
    };
    const groups = groupTimeline(
      [...items, longMeeting],
      periodOf('month', { year: 2016, month: 12 }),
    );
    expect(groups.map((group) => [group.date, group.items.map((item) => item.key)])).toEqual([
      ['2016-12-01', ['long']],
      ['2016-12-05', ['council:event']],
      ['2016-12-08', ['avr:step:s1']],
    ]);
  });
});
