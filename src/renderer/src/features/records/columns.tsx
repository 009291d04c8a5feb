import { Chip } from '@mui/material';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { TypedValue } from '@shared/formats/exportTable';
import { deriveAgreementStatus } from '@shared/model/agreementStatus';
import type { PartialDate } from '@shared/model/partialDate';
import type {
  Partner,
  Person,
  RecordKind,
  StoredRecord,
  ThematicArea,
} from '@shared/model/records';
import type { en } from '@shared/i18n/messages/en';
import { todayIso } from '../../ui/todayIso';
import type { Format } from '../../ui/useFormat';
import { isFollowUpOverdue } from './components/FollowUpsSection';

/** What a column may look up besides the row itself. */
export type ColumnContext = {
  partners: ReadonlyMap<string, Partner>;
  people: ReadonlyMap<string, Person>;
  areas: ReadonlyMap<string, ThematicArea>;
  format: Format;
  t: TFunction;
  today: string;
};

export type Column<K extends RecordKind> = {
  id: string;
  /** A key under `columns.` in the messages. */
  label: keyof typeof en.columns;
  /** Text shown in the cell, and used for sorting unless `dateKey` is given. */
  text: (record: StoredRecord<K>, context: ColumnContext) => string;
  /** Sorts the column chronologically by this partial date instead of by its text. */
  dateKey?: (record: StoredRecord<K>) => PartialDate | null;
  render?: (record: StoredRecord<K>, context: ColumnContext) => ReactNode;
  /** What exports write as a typed spreadsheet cell (a real date) instead of the text. */
  value?: (record: StoredRecord<K>) => TypedValue | null;
  /** Offered in the column chooser but not shown until chosen. */
  isHiddenByDefault?: boolean;
};

const partnerNames = (ids: readonly string[], { partners, format }: ColumnContext) =>
  ids
    .map((id) => partners.get(id))
    .filter((partner): partner is Partner => partner !== undefined)
    .map((partner) => format.text(partner.acronym) || format.text(partner.name))
    .join(', ');

const dateValue = (date: PartialDate | null): TypedValue | null =>
  date === null ? null : { type: 'date', date };

/** A timestamp as this computer's wall-clock time, the time the list shows. */
const localDateTime = (iso: string): TypedValue => {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  const time = [date.getHours(), date.getMinutes(), date.getSeconds()].map(pad).join(':');
  return { type: 'dateTime', local: `${todayIso(date)}T${time}` };
};

const signedDate = (record: StoredRecord<'agreements'>) =>
  record.steps.find((step) => step.kind === 'signed')?.date ?? null;

/** Kinds whose records carry thematic areas (every kind but the areas themselves). */
type KindWithAreas = Exclude<ListKind, 'areas'>;

/** When a record last changed: offered by every list, hidden until chosen. */
function updatedColumn<K extends ListKind>(): Column<K> {
  return {
    id: 'updated',
    label: 'updated',
    text: (r, { format }) => format.timestamp(r.updatedAt),
    // ISO timestamps sort chronologically as strings, like partial dates.
    dateKey: (r) => r.updatedAt,
    value: (r) => localDateTime(r.updatedAt),
    isHiddenByDefault: true,
  };
}

/** Columns every record list offers (hidden until chosen): thematic areas and last change. */
function commonColumns<K extends KindWithAreas>(): Column<K>[] {
  return [
    {
      id: 'areas',
      label: 'areas',
      text: (r, { areas, format }) =>
        r.areaIds
          .map((id) => areas.get(id))
          .filter((area): area is ThematicArea => area !== undefined)
          .map((area) => format.text(area.name))
          .join(', '),
      isHiddenByDefault: true,
    },
    updatedColumn(),
  ];
}

const personName = (id: string | null, { people, format }: ColumnContext) => {
  const person = id ? people.get(id) : undefined;
  return person ? format.text(person.name) : '';
};

/** The columns of each section's list, first column = default sort. */
export const LIST_COLUMNS: { [K in Exclude<RecordKind, 'tags'>]: Column<K>[] } = {
  partners: [
    {
      id: 'name',
      label: 'name',
      text: (r, { format }) => format.text(r.name),
      render: (r, { format, t }) => (
        <>
          {format.text(r.name)}
          {r.isOwnSide && <Chip size="small" label={t('partner.ownSide')} sx={{ ml: 1 }} />}
        </>
      ),
    },
    { id: 'acronym', label: 'acronym', text: (r, { format }) => format.text(r.acronym) },
    { id: 'kind', label: 'kind', text: (r, { t }) => t(`enums.partnerKind.${r.kind}`) },
    { id: 'country', label: 'country', text: (r, { format }) => format.country(r.countryCode) },
    {
      id: 'parent',
      label: 'parent',
      text: (r, context) => (r.parentId ? partnerNames([r.parentId], context) : ''),
    },
    {
      id: 'mode',
      label: 'mode',
      text: (r, { t }) => (r.mode ? t(`enums.cooperationMode.${r.mode}`) : ''),
      isHiddenByDefault: true,
    },
    ...commonColumns(),
  ],
  agreements: [
    { id: 'title', label: 'title', text: (r, { format }) => format.text(r.title) },
    { id: 'kind', label: 'kind', text: (r, { t }) => t(`enums.agreementKind.${r.kind}`) },
    {
      id: 'parties',
      label: 'parties',
      text: (r, context) =>
        partnerNames(
          r.parties.map((party) => party.partnerId),
          context,
        ),
    },
    {
      id: 'status',
      label: 'status',
      text: (r, { t, today }) => t(`enums.agreementStatus.${deriveAgreementStatus(r, today)}`),
    },
    {
      id: 'signed',
      label: 'signed',
      text: (r, { format }) => format.date(signedDate(r)),
      dateKey: signedDate,
      value: (r) => dateValue(signedDate(r)),
    },
    {
      id: 'expiry',
      label: 'expiry',
      text: (r, { format }) => (r.expiryDate ? format.date(r.expiryDate) : ''),
      dateKey: (r) => r.expiryDate,
      value: (r) => dateValue(r.expiryDate),
      isHiddenByDefault: true,
    },
    {
      id: 'renewal',
      label: 'renewal',
      text: (r, { format }) => (r.renewalNoticeDate ? format.date(r.renewalNoticeDate) : ''),
      dateKey: (r) => r.renewalNoticeDate,
      value: (r) => dateValue(r.renewalNoticeDate),
      isHiddenByDefault: true,
    },
    ...commonColumns(),
  ],
  projects: [
    { id: 'title', label: 'title', text: (r, { format }) => format.text(r.title) },
    { id: 'status', label: 'status', text: (r, { t }) => t(`enums.projectStatus.${r.status}`) },
    {
      id: 'partners',
      label: 'partners',
      text: (r, context) =>
        partnerNames(
          r.partners.map((partner) => partner.partnerId),
          context,
        ),
    },
    {
      id: 'start',
      label: 'start',
      text: (r, { format }) => format.date(r.actualStart ?? r.plannedStart),
      dateKey: (r) => r.actualStart ?? r.plannedStart,
      value: (r) => dateValue(r.actualStart ?? r.plannedStart),
    },
    {
      id: 'end',
      label: 'end',
      text: (r, { format }) => format.date(r.actualEnd ?? r.plannedEnd),
      dateKey: (r) => r.actualEnd ?? r.plannedEnd,
      value: (r) => dateValue(r.actualEnd ?? r.plannedEnd),
    },
    ...commonColumns(),
  ],
  events: [
    {
      id: 'title',
      label: 'title',
      text: (r, { format }) => format.text(r.title),
    },
    { id: 'kind', label: 'kind', text: (r, { t }) => t(`enums.eventKind.${r.kind}`) },
    {
      id: 'dates',
      label: 'dates',
      text: (r, { format }) => format.dateRange(r.startDate, r.endDate),
      dateKey: (r) => r.startDate,
      // A range stays text ("5–8 December 2016"); one day is a date.
      value: (r) =>
        r.endDate === null || r.endDate === r.startDate ? dateValue(r.startDate) : null,
    },
    {
      id: 'place',
      label: 'place',
      text: (r, { format }) =>
        [format.text(r.city), format.country(r.countryCode)].filter(Boolean).join(', '),
    },
    {
      id: 'partners',
      label: 'partners',
      text: (r, context) => partnerNames(r.partnerIds, context),
    },
    {
      id: 'organizer',
      label: 'organizer',
      text: (r, context) => (r.organizerId ? partnerNames([r.organizerId], context) : ''),
      isHiddenByDefault: true,
    },
    {
      id: 'series',
      label: 'series',
      text: (r, { format }) =>
        r.series
          ? [format.text(r.series.name), r.series.number === null ? '' : `#${r.series.number}`]
              .filter(Boolean)
              .join(' ')
          : '',
      isHiddenByDefault: true,
    },
    ...commonColumns(),
  ],
  people: [
    { id: 'name', label: 'name', text: (r, { format }) => format.text(r.name) },
    {
      id: 'position',
      label: 'position',
      text: (r, context) =>
        r.positions
          .filter((position) => position.to === null)
          .map((position) =>
            [
              context.format.text(position.title),
              position.organizationId ? partnerNames([position.organizationId], context) : '',
            ]
              .filter(Boolean)
              .join(', '),
          )
          .join('; '),
    },
    ...commonColumns(),
  ],
  followUps: [
    {
      id: 'title',
      label: 'title',
      text: (r, { format }) => format.text(r.title),
      render: (r, { format, t, today }) => (
        <>
          {format.text(r.title)}
          {isFollowUpOverdue(r, today) && (
            <Chip size="small" color="error" label={t('list.overdue')} sx={{ ml: 1 }} />
          )}
        </>
      ),
    },
    {
      id: 'owner',
      label: 'owner',
      text: (r, context) => personName(r.ownerPersonId, context),
    },
    {
      id: 'dueDate',
      label: 'dueDate',
      text: (r, { format }) => format.date(r.dueDate),
      dateKey: (r) => r.dueDate,
      value: (r) => dateValue(r.dueDate),
    },
    { id: 'status', label: 'status', text: (r, { t }) => t(`enums.followUpStatus.${r.status}`) },
    ...commonColumns(),
  ],
  documents: [
    { id: 'title', label: 'title', text: (r, { format }) => format.text(r.title) },
    {
      id: 'date',
      label: 'date',
      text: (r, { format }) => format.date(r.documentDate),
      dateKey: (r) => r.documentDate,
      value: (r) => dateValue(r.documentDate),
    },
    { id: 'file', label: 'file', text: (r) => r.file?.name ?? '' },
    ...commonColumns(),
  ],
  areas: [
    { id: 'name', label: 'name', text: (r, { format }) => format.text(r.name) },
    { id: 'code', label: 'code', text: (r) => r.code },
    updatedColumn(),
  ],
};

export type ListKind = keyof typeof LIST_COLUMNS;
