import { parsePartialDate, type PartialDate } from '@shared/model/partialDate';
import type { Agreement, Partner, PartnerKind, Project } from '@shared/model/records';

/** What counts as one piece of cooperation activity in a year. */
export const ACTIVITY_TYPES = ['event', 'agreementStep', 'projectStart'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** The two ways the chart splits a year's activity. */
export type ActivityGrouping = 'partnerKind' | 'area';

/** The group of activities with no partner (or no thematic area) besides the own side. */
export const NO_GROUP = 'none';
/** The group the smallest groups are merged into when there are too many to tell apart. */
export const OTHER_GROUP = 'other';

/** One dated piece of activity, with the groups it belongs to (none, one or several). */
export type Activity = { year: number; type: ActivityType; groups: readonly string[] };

export type YearActivity = {
  year: number;
  /** Distinct activities that year: each counts once however many groups it belongs to. */
  total: number;
  byType: Record<ActivityType, number>;
  /** Activities per group; one with partners of two kinds counts in both. */
  byGroup: ReadonlyMap<string, number>;
};

export type ActivitySummary = {
  /** Every year from the first shown to the last with activity, empty years included. */
  years: YearActivity[];
  /** The groups the years are split into, largest first; NO_GROUP and OTHER_GROUP last. */
  groups: string[];
  /** Groups merged into OTHER_GROUP. */
  otherGroups: string[];
  /** Activities before the first year shown (the chart shows at most `maxYears`). */
  earlier: number;
  /** Activities whose date is unknown, which no year can show. */
  undated: number;
};

/** The year of a partial date; null when the date is unknown. */
export function yearOf(date: PartialDate | null): number | null {
  return date === null ? null : (parsePartialDate(date)?.year ?? null);
}

const emptyByType = (): Record<ActivityType, number> => ({
  event: 0,
  agreementStep: 0,
  projectStart: 0,
});

/**
 * Activity per year, split by group, for a chart and the table beside it. Years run without gaps
 * so a quiet year shows as one; at most `maxYears` of the latest are kept and the rest counted as
 * earlier. Beyond `maxGroups` groups the smallest are merged into one "other" group, so the colours
 * stay few enough to tell apart.
 */
export function summarizeActivity(
  activities: Iterable<Activity>,
  { undated = 0, maxYears = 40, maxGroups = 8 } = {},
): ActivitySummary {
  const all = [...activities];
  if (all.length === 0) return { years: [], groups: [], otherGroups: [], earlier: 0, undated };
  let lastYear = -Infinity;
  let firstYear = Infinity;
  for (const activity of all) {
    lastYear = Math.max(lastYear, activity.year);
    firstYear = Math.min(firstYear, activity.year);
  }
  firstYear = Math.max(firstYear, lastYear - maxYears + 1);

  const groupTotals = new Map<string, number>();
  for (const activity of all) {
    if (activity.year < firstYear) continue;
    for (const group of groupsOrNone(activity)) {
      groupTotals.set(group, (groupTotals.get(group) ?? 0) + 1);
    }
  }
  const ranked = [...groupTotals.keys()]
    .filter((group) => group !== NO_GROUP)
    .sort((a, b) => (groupTotals.get(b) ?? 0) - (groupTotals.get(a) ?? 0) || (a < b ? -1 : 1));
  const needsOther = ranked.length > maxGroups;
  const kept = needsOther ? ranked.slice(0, maxGroups - 1) : ranked;
  const otherGroups = needsOther ? ranked.slice(maxGroups - 1) : [];
  const keptSet = new Set(kept);
  const groups = [
    ...kept,
    ...(needsOther ? [OTHER_GROUP] : []),
    ...(groupTotals.has(NO_GROUP) ? [NO_GROUP] : []),
  ];

  const years = new Map<
    number,
    { total: number; byType: Record<ActivityType, number>; byGroup: Map<string, number> }
  >();
  for (let year = firstYear; year <= lastYear; year += 1) {
    years.set(year, { total: 0, byType: emptyByType(), byGroup: new Map() });
  }
  let earlier = 0;
  for (const activity of all) {
    const entry = years.get(activity.year);
    if (!entry) {
      earlier += 1;
      continue;
    }
    entry.total += 1;
    entry.byType[activity.type] += 1;
    const shown = new Set(
      groupsOrNone(activity).map((group) =>
        group === NO_GROUP || keptSet.has(group) ? group : OTHER_GROUP,
      ),
    );
    for (const group of shown) entry.byGroup.set(group, (entry.byGroup.get(group) ?? 0) + 1);
  }
  return {
    years: [...years].map(([year, entry]) => ({ year, ...entry })),
    groups,
    otherGroups,
    earlier,
    undated,
  };
}

function groupsOrNone(activity: Activity): readonly string[] {
  return activity.groups.length > 0 ? activity.groups : [NO_GROUP];
}

/**
 * The groups of an activity from the partners and thematic areas it names: the kinds of its
 * partners (the own side, party to nearly everything, left out) or its areas.
 */
export function activityGrouper(
  grouping: ActivityGrouping,
  partners: ReadonlyMap<string, Partner>,
): (partnerIds: readonly (string | null)[], areaIds: readonly string[]) => string[] {
  if (grouping === 'area') return (_partnerIds, areaIds) => [...new Set(areaIds)];
  return (partnerIds) => {
    const kinds = new Set<PartnerKind>();
    for (const id of partnerIds) {
      const partner = id ? partners.get(id) : undefined;
      if (partner && !partner.isOwnSide) kinds.add(partner.kind);
    }
    return [...kinds];
  };
}

type Grouper = ReturnType<typeof activityGrouper>;

/** Each dated step of each agreement; undated steps counted apart. */
export function agreementActivities(
  agreements: readonly Agreement[],
  groupsOf: Grouper,
): { activities: Activity[]; undated: number } {
  const activities: Activity[] = [];
  let undated = 0;
  for (const agreement of agreements) {
    const groups = groupsOf(
      agreement.parties.map((party) => party.partnerId),
      agreement.areaIds,
    );
    for (const step of agreement.steps) {
      const year = yearOf(step.date);
      if (year === null) undated += 1;
      else activities.push({ year, type: 'agreementStep', groups });
    }
  }
  return { activities, undated };
}

/** Each project's start, actual where known, else planned; projects with neither counted apart. */
export function projectActivities(
  projects: readonly Project[],
  groupsOf: Grouper,
): { activities: Activity[]; undated: number } {
  const activities: Activity[] = [];
  let undated = 0;
  for (const project of projects) {
    const year = yearOf(project.actualStart ?? project.plannedStart);
    if (year === null) {
      undated += 1;
      continue;
    }
    const partnerIds = [
      ...project.partners.map((partner) => partner.partnerId),
      project.programmeId,
    ];
    activities.push({ year, type: 'projectStart', groups: groupsOf(partnerIds, project.areaIds) });
  }
  return { activities, undated };
}

/** What the dashboard reads about events from their indexes alone, never their rows. */
export type EventActivityKeys = {
  /** Live events with a start date, by id: the year they start in. */
  yearById: ReadonlyMap<string, number>;
  /** Partners (organizer and others) per event id, when grouping by partner kind. */
  partnerIdsById: ReadonlyMap<string, readonly string[]>;
  /** Thematic areas per event id, when grouping by area. */
  areaIdsById: ReadonlyMap<string, readonly string[]>;
  /** Live events without a start date. */
  undated: number;
};

/** Each dated event, from the keys its indexes hold. */
export function eventActivities(keys: EventActivityKeys, groupsOf: Grouper): Activity[] {
  const activities: Activity[] = [];
  for (const [id, year] of keys.yearById) {
    activities.push({
      year,
      type: 'event',
      groups: groupsOf(keys.partnerIdsById.get(id) ?? [], keys.areaIdsById.get(id) ?? []),
    });
  }
  return activities;
}
