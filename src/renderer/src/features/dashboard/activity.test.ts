import { describe, expect, it } from 'vitest';
import type { Agreement, Partner, Project } from '@shared/model/records';
import {
  activityGrouper,
  agreementActivities,
  eventActivities,
  NO_GROUP,
  OTHER_GROUP,
  projectActivities,
  summarizeActivity,
  type Activity,
} from './activity';

const partner = (id: string, kind: Partner['kind'], isOwnSide = false) =>
  ({ id, kind, isOwnSide }) as Partner;
const PARTNERS = new Map(
  [
    partner('iom', 'international-organization'),
    partner('eu', 'union'),
    partner('nl', 'state'),
    partner('sms', 'state-authority', true),
    partner('twinning', 'programme'),
  ].map((p) => [p.id, p]),
);

describe('summarizeActivity', () => {
  it('counts each year by type and by group, with quiet years in between', () => {
    const activities: Activity[] = [
      { year: 2014, type: 'projectStart', groups: ['union'] },
      { year: 2016, type: 'event', groups: ['international-organization'] },
      { year: 2016, type: 'agreementStep', groups: ['international-organization'] },
      { year: 2016, type: 'event', groups: [] },
    ];
    const summary = summarizeActivity(activities);
    expect(summary.years.map((year) => year.year)).toEqual([2014, 2015, 2016]);
    const y2016 = summary.years[2]!;
    expect(y2016.total).toBe(3);
    expect(y2016.byType).toEqual({ event: 2, agreementStep: 1, projectStart: 0 });
    expect(Object.fromEntries(y2016.byGroup)).toEqual({
      'international-organization': 2,
      [NO_GROUP]: 1,
    });
    expect(summary.years[1]!.total).toBe(0);
    expect(summary.groups).toEqual(['international-organization', 'union', NO_GROUP]);
  });

  it('counts an activity once in the total but in each of its groups', () => {
    const summary = summarizeActivity([
      { year: 2013, type: 'agreementStep', groups: ['union', 'state'] },
    ]);
    const year = summary.years[0]!;
    expect(year.total).toBe(1);
    expect(Object.fromEntries(year.byGroup)).toEqual({ union: 1, state: 1 });
  });

  it('keeps the latest years and counts the rest as earlier', () => {
    const summary = summarizeActivity(
      [1990, 2010, 2011, 2012].map((year) => ({ year, type: 'event' as const, groups: [] })),
      { maxYears: 3, undated: 4 },
    );
    expect(summary.years.map((year) => year.year)).toEqual([2010, 2011, 2012]);
    expect(summary.earlier).toBe(1);
    expect(summary.undated).toBe(4);
  });

  it('merges the smallest groups into one when there are too many colours', () => {
    const activities: Activity[] = [
      ...Array.from({ length: 3 }, () => ({ year: 2020, type: 'event' as const, groups: ['a'] })),
      { year: 2020, type: 'event', groups: ['b'] },
      { year: 2020, type: 'event', groups: ['c'] },
      { year: 2020, type: 'event', groups: ['c', 'd'] },
    ];
    const summary = summarizeActivity(activities, { maxGroups: 3 });
    expect(summary.groups).toEqual(['a', 'c', OTHER_GROUP]);
    expect(summary.otherGroups).toEqual(['b', 'd']);
    // b, and the activity in c and d, which counts in c and in other.
    expect(Object.fromEntries(summary.years[0]!.byGroup)).toEqual({
      a: 3,
      c: 2,
      [OTHER_GROUP]: 2,
    });
  });

  it('is empty for a registry with no dated activity', () => {
    expect(summarizeActivity([], { undated: 2 })).toEqual({
      years: [],
      groups: [],
      otherGroups: [],
      earlier: 0,
      undated: 2,
    });
  });
});

describe('activities from records', () => {
  const byKind = activityGrouper('partnerKind', PARTNERS);
  const byArea = activityGrouper('area', PARTNERS);

  it('counts every dated agreement step in its year, grouped by the other parties’ kinds', () => {
    const agreement = {
      parties: [{ partnerId: 'iom' }, { partnerId: 'sms' }],
      areaIds: ['return'],
      steps: [
        { kind: 'signed', date: '2016-12-08' },
        { kind: 'approved', date: '2017-02-23' },
        { kind: 'in-force', date: '2017-03' },
        { kind: 'negotiated', date: null },
      ],
    } as unknown as Agreement;
    const { activities, undated } = agreementActivities([agreement], byKind);
    expect(activities.map((activity) => [activity.year, activity.groups])).toEqual([
      [2016, ['international-organization']],
      [2017, ['international-organization']],
      [2017, ['international-organization']],
    ]);
    expect(undated).toBe(1);
    expect(agreementActivities([agreement], byArea).activities[0]!.groups).toEqual(['return']);
  });

  it('counts a project in the year it started, "since 2014" in 2014, its programme as a partner', () => {
    const project = {
      partners: [{ partnerId: 'eu' }],
      programmeId: 'twinning',
      actualStart: '2014',
      plannedStart: '2013-06',
      areaIds: [],
    } as unknown as Project;
    const planned = { ...project, actualStart: null, plannedStart: '2013-06' } as Project;
    const none = { ...project, actualStart: null, plannedStart: null } as Project;
    const { activities, undated } = projectActivities([project, planned, none], byKind);
    expect(activities).toEqual([
      { year: 2014, type: 'projectStart', groups: ['union', 'programme'] },
      { year: 2013, type: 'projectStart', groups: ['union', 'programme'] },
    ]);
    expect(undated).toBe(1);
  });

  it('counts events from their index keys, with no partner as its own group', () => {
    const activities = eventActivities(
      {
        yearById: new Map([
          ['e1', 2016],
          ['e2', 2010],
        ]),
        partnerIdsById: new Map([['e1', ['iom', 'sms', 'iom']]]),
        areaIdsById: new Map(),
        undated: 0,
      },
      byKind,
    );
    expect(activities).toEqual([
      { year: 2016, type: 'event', groups: ['international-organization'] },
      { year: 2010, type: 'event', groups: [] },
    ]);
  });
});
