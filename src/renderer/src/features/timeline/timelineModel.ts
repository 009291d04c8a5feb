import { sortAgreementSteps } from '@shared/model/agreementStatus';
import type { LocalizedText } from '@shared/model/localizedText';
import {
  comparePartialDates,
  partialDateBounds,
  partialDatePrecision,
  type PartialDate,
} from '@shared/model/partialDate';
import type {
  Agreement,
  AgreementStepKind,
  Partner,
  Project,
  RegistryEvent,
} from '@shared/model/records';
import { ZOOMS, type Zoom } from './timelinePath';

// ---------------------------------------------------------------- periods

/** The month the timeline is centred on; each zoom level shows the decade, year or month holding it. */
export type Anchor = { year: number; month: number };

/** The stretch of time on screen: a decade, a year or a month, as inclusive days. */
export type Period = {
  zoom: Zoom;
  anchor: Anchor;
  first: string;
  last: string;
  /** The period as a partial date where it is one ("2016", "2016-12"); the first year for a decade. */
  key: PartialDate;
};

const pad = (value: number) => String(value).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function periodOf(zoom: Zoom, anchor: Anchor): Period {
  const { year, month } = anchor;
  if (zoom === 'decade') {
    const from = Math.floor(year / 10) * 10;
    return { zoom, anchor, first: `${from}-01-01`, last: `${from + 9}-12-31`, key: String(from) };
  }
  if (zoom === 'year') {
    return { zoom, anchor, first: `${year}-01-01`, last: `${year}-12-31`, key: String(year) };
  }
  const key = `${year}-${pad(month)}`;
  return { zoom, anchor, first: `${key}-01`, last: `${key}-${pad(daysIn(year, month))}`, key };
}

/** The anchor one period earlier (-1) or later (1) at a zoom level. */
export function shiftAnchor(zoom: Zoom, anchor: Anchor, step: -1 | 1): Anchor {
  if (zoom === 'decade') return { ...anchor, year: anchor.year + 10 * step };
  if (zoom === 'year') return { ...anchor, year: anchor.year + step };
  const index = anchor.year * 12 + (anchor.month - 1) + step;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The next finer zoom level, or null at months. */
export function finerZoom(zoom: Zoom): Zoom | null {
  return ZOOMS[ZOOMS.indexOf(zoom) + 1] ?? null;
}

/** The next coarser zoom level, or null at decades. */
export function coarserZoom(zoom: Zoom): Zoom | null {
  const index = ZOOMS.indexOf(zoom);
  return index > 0 ? (ZOOMS[index - 1] ?? null) : null;
}

/** The anchor a day falls in (YYYY-MM-DD or any partial date: its first month). */
export function anchorOf(date: PartialDate): Anchor {
  const first = partialDateBounds(date)?.first ?? date;
  return { year: Number(first.slice(0, 4)), month: Number(first.slice(5, 7)) || 1 };
}

/** What the timeline's address says: zoom, anchor and filters. */
export type TimelineView = {
  zoom: Zoom;
  /** Null when the address names none: the page starts at the latest activity. */
  anchor: Anchor | null;
  filter: TimelineFilter;
};

const AT_PATTERN = /^(\d{4})(?:-(\d{2}))?$/;

/** Reads the view from the address, ignoring what it cannot use. */
export function parseTimelineView(params: URLSearchParams): TimelineView {
  const zoomParam = params.get('zoom');
  const zoom = ZOOMS.find((candidate) => candidate === zoomParam) ?? 'decade';
  const match = AT_PATTERN.exec(params.get('at') ?? '');
  const month = match?.[2] === undefined ? 1 : Number(match[2]);
  const anchor = match && month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
  return {
    zoom,
    anchor,
    filter: {
      partnerId: params.get('partner') || null,
      country: params.get('country') || null,
      areaId: params.get('area') || null,
    },
  };
}

/** The view as address parameters, leaving out what is not set. */
export function serializeTimelineView(view: TimelineView): URLSearchParams {
  const params = new URLSearchParams({ zoom: view.zoom });
  if (view.anchor) params.set('at', `${view.anchor.year}-${pad(view.anchor.month)}`);
  if (view.filter.partnerId) params.set('partner', view.filter.partnerId);
  if (view.filter.country) params.set('country', view.filter.country);
  if (view.filter.areaId) params.set('area', view.filter.areaId);
  return params;
}

// ---------------------------------------------------------------- items

export type TimelineItemType = 'event' | 'agreementStep' | 'projectStart' | 'projectEnd';

/** One dated moment on the timeline, with what the filters look at. */
export type TimelineItem = {
  /** Unique on the timeline (a record has several moments). */
  key: string;
  type: TimelineItemType;
  recordKind: 'events' | 'agreements' | 'projects';
  recordId: string;
  title: LocalizedText;
  date: PartialDate;
  /** A meeting's last day; null for single moments. */
  endDate: PartialDate | null;
  stepKind: AgreementStepKind | null;
  partnerIds: readonly string[];
  countries: readonly string[];
  areaIds: readonly string[];
  /** Order among moments of the same record on the same date: an agreement's steps in sequence. */
  order: number;
};

function countriesOf(
  partnerIds: readonly (string | null)[],
  partners: ReadonlyMap<string, Partner>,
  own: readonly (string | null)[] = [],
): string[] {
  const codes = new Set<string>();
  for (const code of own) if (code) codes.add(code);
  for (const id of partnerIds) {
    const code = id ? partners.get(id)?.countryCode : null;
    if (code) codes.add(code);
  }
  return [...codes];
}

const present = (ids: readonly (string | null)[]) => ids.filter((id): id is string => id !== null);

/**
 * A meeting's moment. Its countries are where it took place and its partners' countries: a
 * meeting with Dutch authorities held nowhere recorded is still found under the Netherlands.
 */
export function eventItems(
  events: readonly RegistryEvent[],
  partners: ReadonlyMap<string, Partner>,
): TimelineItem[] {
  return events.flatMap((event) => {
    if (event.startDate === null) return [];
    const partnerIds = present([event.organizerId, ...event.partnerIds]);
    return [
      {
        key: `${event.id}:event`,
        type: 'event' as const,
        recordKind: 'events' as const,
        recordId: event.id,
        title: event.title,
        date: event.startDate,
        endDate: event.endDate !== event.startDate ? event.endDate : null,
        stepKind: null,
        partnerIds,
        countries: countriesOf(partnerIds, partners, [event.countryCode]),
        areaIds: event.areaIds,
        order: 0,
      },
    ];
  });
}

/** Each dated step of each agreement, in the order the steps happened. */
export function agreementItems(
  agreements: readonly Agreement[],
  partners: ReadonlyMap<string, Partner>,
): TimelineItem[] {
  return agreements.flatMap((agreement) => {
    const partnerIds = agreement.parties.map((party) => party.partnerId);
    const countries = countriesOf(partnerIds, partners);
    return sortAgreementSteps(agreement.steps).flatMap((step, index) =>
      step.date === null
        ? []
        : [
            {
              key: `${agreement.id}:step:${step.id}`,
              type: 'agreementStep' as const,
              recordKind: 'agreements' as const,
              recordId: agreement.id,
              title: agreement.title,
              date: step.date,
              endDate: null,
              stepKind: step.kind,
              partnerIds,
              countries,
              areaIds: agreement.areaIds,
              order: index,
            },
          ],
    );
  });
}

/** A project's start and end, actual where known, else planned; its programme counts as a partner. */
export function projectItems(
  projects: readonly Project[],
  partners: ReadonlyMap<string, Partner>,
): TimelineItem[] {
  return projects.flatMap((project) => {
    const partnerIds = present([
      ...project.partners.map((partner) => partner.partnerId),
      project.programmeId,
    ]);
    const base = {
      recordKind: 'projects' as const,
      recordId: project.id,
      title: project.title,
      endDate: null,
      stepKind: null,
      partnerIds,
      countries: countriesOf(partnerIds, partners),
      areaIds: project.areaIds,
    };
    const start = project.actualStart ?? project.plannedStart;
    const end = project.actualEnd ?? project.plannedEnd;
    const items: TimelineItem[] = [];
    if (start !== null) {
      items.push({
        ...base,
        key: `${project.id}:start`,
        type: 'projectStart',
        date: start,
        order: 0,
      });
    }
    if (end !== null) {
      items.push({ ...base, key: `${project.id}:end`, type: 'projectEnd', date: end, order: 1 });
    }
    return items;
  });
}

/** One partner, one country and one thematic area to narrow the timeline to; null for any. */
export type TimelineFilter = {
  partnerId: string | null;
  country: string | null;
  areaId: string | null;
};

export function matchesFilter(item: TimelineItem, filter: TimelineFilter): boolean {
  return (
    (filter.partnerId === null || item.partnerIds.includes(filter.partnerId)) &&
    (filter.country === null || item.countries.includes(filter.country)) &&
    (filter.areaId === null || item.areaIds.includes(filter.areaId))
  );
}

const TYPE_ORDER: Record<TimelineItemType, number> = {
  agreementStep: 0,
  event: 1,
  projectStart: 2,
  projectEnd: 3,
};

/** Date order, a vaguer date before the days it holds; same-date moments in a stable order. */
export function compareItems(a: TimelineItem, b: TimelineItem): number {
  return (
    comparePartialDates(a.date, b.date) ||
    TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
    (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0) ||
    a.order - b.order
  );
}

/** The days an item may occupy: a year-only date all of its year, a meeting all of its days. */
export function itemSpan(item: TimelineItem): { first: string; last: string } {
  const start = partialDateBounds(item.date) ?? { first: item.date, last: item.date };
  const end = partialDateBounds(item.endDate);
  return { first: start.first, last: end && end.last > start.last ? end.last : start.last };
}

/** Whether any day the item may occupy falls in the period. */
export function isInPeriod(item: TimelineItem, period: Period): boolean {
  const span = itemSpan(item);
  return span.first <= period.last && period.first <= span.last;
}

// ---------------------------------------------------------------- placement

/**
 * Whether the item's date is coarser than the zoom's columns, so it cannot be put in one: a
 * year-only date on a year's months, a month-only date on a month's days. Such items go in a
 * separate "sometime in…" band, never on the period's first day.
 */
export function isVagueAt(item: TimelineItem, zoom: Zoom): boolean {
  if (item.endDate !== null) return false;
  const precision = partialDatePrecision(item.date);
  if (zoom === 'year') return precision === 'year';
  if (zoom === 'month') return precision === 'year' || precision === 'month';
  return false;
}

/** An item drawn in the period: where it starts and how wide it is, as fractions of the width. */
export type PlacedItem = {
  item: TimelineItem;
  left: number;
  width: number;
  lane: number;
  /** The date is vaguer than a day: drawn across every day it may mean, marked as approximate. */
  isApproximate: boolean;
};

export type TimelineLayout = {
  /** Items known only to a year (or, on a month, to the month), beside the columns. */
  sometime: TimelineItem[];
  placed: PlacedItem[];
  laneCount: number;
  /** Items with no room in the drawing's lanes (the list still has them). */
  unplacedCount: number;
};

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * Where each item of the period is drawn. A date is drawn across every day it may mean (a year-
 * only date across its year on a decade), clipped to the period; a meeting across its days. Items
 * are packed into lanes so none overlaps another; each takes at least `minWidth` of the width so
 * its label has room.
 */
export function layoutTimeline(
  items: readonly TimelineItem[],
  period: Period,
  { maxLanes = 12, minWidth = 0.08 }: { maxLanes?: number; minWidth?: number } = {},
): TimelineLayout {
  const start = dayNumber(period.first);
  const length = dayNumber(period.last) - start + 1;
  const sometime: TimelineItem[] = [];
  const placed: PlacedItem[] = [];
  const laneEnds: number[] = [];
  let unplacedCount = 0;
  for (const item of [...items].sort(compareItems)) {
    if (!isInPeriod(item, period)) continue;
    if (isVagueAt(item, period.zoom)) {
      sometime.push(item);
      continue;
    }
    const span = itemSpan(item);
    const from = Math.max(dayNumber(span.first), start);
    const to = Math.min(dayNumber(span.last), start + length - 1);
    const left = (from - start) / length;
    const width = (to - from + 1) / length;
    const reach = left + Math.max(width, minWidth);
    let lane = laneEnds.findIndex((end) => end <= left);
    if (lane === -1) {
      if (laneEnds.length >= maxLanes) {
        unplacedCount += 1;
        continue;
      }
      lane = laneEnds.length;
      laneEnds.push(reach);
    } else {
      laneEnds[lane] = reach;
    }
    placed.push({
      item,
      left,
      width,
      lane,
      isApproximate: partialDatePrecision(item.date) !== 'day',
    });
  }
  return { sometime, placed, laneCount: laneEnds.length, unplacedCount };
}

/** A column of the drawing: a year of a decade, a month of a year, a day of a month. */
export type TimelineColumn = { date: PartialDate; left: number; width: number };

export function columnsOf(period: Period): TimelineColumn[] {
  const start = dayNumber(period.first);
  const length = dayNumber(period.last) - start + 1;
  const column = (date: PartialDate) => {
    const bounds = partialDateBounds(date) ?? { first: date, last: date };
    const from = dayNumber(bounds.first);
    return {
      date,
      left: (from - start) / length,
      width: (dayNumber(bounds.last) - from + 1) / length,
    };
  };
  const { year, month } = period.anchor;
  if (period.zoom === 'decade') {
    const from = Number(period.key);
    return Array.from({ length: 10 }, (_, i) => column(String(from + i)));
  }
  if (period.zoom === 'year') {
    return Array.from({ length: 12 }, (_, i) => column(`${year}-${pad(i + 1)}`));
  }
  return Array.from({ length: daysIn(year, month) }, (_, i) =>
    column(`${year}-${pad(month)}-${pad(i + 1)}`),
  );
}

// ---------------------------------------------------------------- the list

/** A heading of the list and the items under it. */
export type TimelineGroup = {
  /** The year, month or day the group holds (its heading shows it as written). */
  date: PartialDate;
  /** True for the "sometime in…" group of items vaguer than the zoom's columns. */
  isSometime: boolean;
  items: TimelineItem[];
};

/**
 * The period's items as the list shows them, in date order: first the items known only to the
 * year (and on a month, those known only to the month), under "sometime in…" headings, then one
 * group per year of a decade, month of a year or day of a month. An item that began before the
 * period is listed at the period's start.
 */
export function groupTimeline(items: readonly TimelineItem[], period: Period): TimelineGroup[] {
  const groups = new Map<string, TimelineGroup>();
  const sometime: TimelineGroup[] = [];
  const unitLength = period.zoom === 'decade' ? 4 : period.zoom === 'year' ? 7 : 10;
  for (const item of [...items].sort(compareItems)) {
    if (!isInPeriod(item, period)) continue;
    if (isVagueAt(item, period.zoom)) {
      let group = sometime.find((candidate) => candidate.date === item.date);
      if (!group) {
        group = { date: item.date, isSometime: true, items: [] };
        sometime.push(group);
      }
      group.items.push(item);
      continue;
    }
    const first = itemSpan(item).first;
    const day = first < period.first ? period.first : first;
    const date = day.slice(0, unitLength);
    let group = groups.get(date);
    if (!group) {
      group = { date, isSometime: false, items: [] };
      groups.set(date, group);
    }
    group.items.push(item);
  }
  return [
    ...sometime.sort((a, b) => comparePartialDates(a.date, b.date)),
    ...[...groups.values()].sort((a, b) => comparePartialDates(a.date, b.date)),
  ];
}
