import { deriveAgreementStatus } from '@shared/model/agreementStatus';
import { partialDateBounds, type PartialDate } from '@shared/model/partialDate';
import {
  AGREEMENT_KINDS,
  EVENT_KINDS,
  FOLLOW_UP_STATUSES,
  PARTNER_KINDS,
  PROJECT_STATUSES,
} from '@shared/model/records';
import { AGREEMENT_STATUSES } from '@shared/model/agreementStatus';
import type { StoredRecord } from '@shared/model/records';
import type { ColumnContext, ListKind } from './columns';

/** The ways a list can be narrowed besides its text filter. */
export type ListFacet = 'kind' | 'status' | 'country' | 'area' | 'partner';

/** A day range a record covers, as YYYY-MM-DD bounds; a year-only date covers its whole year. */
export type DaySpan = { first: string; last: string };

/** What the filters look at in one record. */
export type RecordFacets = {
  kind: string | null;
  status: string | null;
  countries: readonly string[];
  areaIds: readonly string[];
  partnerIds: readonly string[];
  /** The record matches a date range when any of these spans overlaps it. */
  spans: readonly DaySpan[];
};

export type FacetDefinition<K extends ListKind> = {
  /** The facets this kind's list offers, in the order the filter bar shows them. */
  facets: readonly ListFacet[];
  /** The values a kind or status filter chooses from, in the model's order. */
  kinds?: readonly string[];
  statuses?: readonly string[];
  /** The message namespace under `enums.` that names kinds and statuses. */
  kindEnum?: 'partnerKind' | 'agreementKind' | 'eventKind';
  statusEnum?: 'agreementStatus' | 'projectStatus' | 'followUpStatus';
  /** True when the list can be filtered by a date range. */
  hasDates: boolean;
  extract: (record: StoredRecord<K>, context: ColumnContext) => RecordFacets;
};

const OPEN_END = '9999-12-31';

function span(start: PartialDate | null, end: PartialDate | null, isOpenEnded = false) {
  const first = partialDateBounds(start) ?? partialDateBounds(end);
  if (!first) return [];
  const last = partialDateBounds(end)?.last ?? (isOpenEnded ? OPEN_END : first.last);
  return [{ first: first.first, last }];
}

function countriesOf(partnerIds: readonly (string | null)[], context: ColumnContext) {
  const countries = new Set<string>();
  for (const id of partnerIds) {
    const code = id ? context.partners.get(id)?.countryCode : null;
    if (code) countries.add(code);
  }
  return [...countries];
}

const none = { kind: null, status: null, countries: [], partnerIds: [], spans: [] } as const;

/** Which filters each list offers and how each reads a record. */
export const LIST_FACETS: { [K in ListKind]: FacetDefinition<K> } = {
  partners: {
    facets: ['kind', 'country', 'area'],
    kinds: PARTNER_KINDS,
    kindEnum: 'partnerKind',
    hasDates: false,
    extract: (r) => ({
      ...none,
      kind: r.kind,
      countries: r.countryCode ? [r.countryCode] : [],
      areaIds: r.areaIds,
    }),
  },
  agreements: {
    facets: ['kind', 'status', 'partner', 'country', 'area'],
    kinds: AGREEMENT_KINDS,
    statuses: AGREEMENT_STATUSES,
    kindEnum: 'agreementKind',
    statusEnum: 'agreementStatus',
    hasDates: true,
    extract: (r, context) => {
      const partnerIds = r.parties.map((party) => party.partnerId);
      return {
        kind: r.kind,
        status: deriveAgreementStatus(r, context.today),
        countries: countriesOf(partnerIds, context),
        areaIds: r.areaIds,
        partnerIds,
        // Any dated step in the range: signed in 2014, ratified in 2015, in force since 2016.
        spans: r.steps.flatMap((step) => span(step.date, step.date)),
      };
    },
  },
  projects: {
    facets: ['status', 'partner', 'country', 'area'],
    statuses: PROJECT_STATUSES,
    statusEnum: 'projectStatus',
    hasDates: true,
    extract: (r, context) => {
      const partnerIds = r.partners.map((partner) => partner.partnerId);
      if (r.programmeId) partnerIds.push(r.programmeId);
      return {
        kind: null,
        status: r.status,
        countries: countriesOf(partnerIds, context),
        areaIds: r.areaIds,
        partnerIds,
        // A project "since 2014" with no end is still running.
        spans: span(
          r.actualStart ?? r.plannedStart,
          r.actualEnd ?? r.plannedEnd,
          r.status === 'ongoing' || r.status === 'pipeline',
        ),
      };
    },
  },
  events: {
    facets: ['kind', 'partner', 'country', 'area'],
    kinds: EVENT_KINDS,
    kindEnum: 'eventKind',
    hasDates: true,
    extract: (r) => ({
      kind: r.kind,
      status: null,
      countries: r.countryCode ? [r.countryCode] : [],
      areaIds: r.areaIds,
      partnerIds: r.organizerId ? [r.organizerId, ...r.partnerIds] : r.partnerIds,
      spans: span(r.startDate, r.endDate),
    }),
  },
  people: {
    facets: ['partner', 'country', 'area'],
    hasDates: false,
    extract: (r, context) => {
      const partnerIds = r.positions.flatMap((position) =>
        position.organizationId ? [position.organizationId] : [],
      );
      return {
        ...none,
        countries: countriesOf(partnerIds, context),
        areaIds: r.areaIds,
        partnerIds,
      };
    },
  },
  followUps: {
    facets: ['status', 'area'],
    statuses: FOLLOW_UP_STATUSES,
    statusEnum: 'followUpStatus',
    hasDates: true,
    extract: (r) => ({
      ...none,
      status: r.status,
      areaIds: r.areaIds,
      spans: span(r.dueDate, r.dueDate),
    }),
  },
  documents: {
    facets: ['partner', 'area'],
    hasDates: true,
    extract: (r, context) => ({
      ...none,
      areaIds: r.areaIds,
      partnerIds: r.linkedRecordIds.filter((id) => context.partners.has(id)),
      spans: span(r.documentDate, r.documentDate),
    }),
  },
  areas: {
    facets: [],
    hasDates: false,
    extract: () => ({ ...none, areaIds: [] }),
  },
};
