import type { TFunction } from 'i18next';
import { LANGUAGES, type LocalizedText } from '@shared/model/localizedText';
import type { RecordKind } from '@shared/model/records';
import type { Format } from '../../ui/useFormat';

type Entry = Record<string, unknown>;

/** The enum namespace (`enums.*`) of each enum field, by record kind. */
const ENUM_NAMES: Partial<Record<RecordKind, Record<string, string>>> = {
  partners: { kind: 'partnerKind', mode: 'cooperationMode', sensitivity: 'sensitivity' },
  agreements: { kind: 'agreementKind', sensitivity: 'sensitivity' },
  projects: { status: 'projectStatus', sensitivity: 'sensitivity' },
  events: { kind: 'eventKind', sensitivity: 'sensitivity' },
  people: { sensitivity: 'sensitivity' },
  followUps: { status: 'followUpStatus', sensitivity: 'sensitivity' },
};

const DATE_KEYS = new Set([
  'expiryDate',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'startDate',
  'endDate',
  'dueDate',
]);
const PARTNER_KEYS = new Set(['parentId', 'programmeId', 'organizerId']);

export type PatchContext = {
  t: TFunction;
  format: Format;
  /** A linked record's name by id (partners and people the row named). */
  nameOf: (id: string) => string;
};

/** Every language of a text, marked: "IOM Council (en) · Совет МОМ (ru)". */
function texts(value: unknown): string {
  const text = value as LocalizedText;
  return LANGUAGES.flatMap((language) =>
    text[language] ? [`${text[language]} (${language})`] : [],
  ).join(' · ');
}

/** The field label the record pages use for a content key. */
function label(key: string, t: TFunction): string {
  return t(`fields.${key}` as never);
}

/**
 * A row as it will be written, in words: each value the import read, interpreted the way the
 * registry will show it (dates at their precision, choices by their labels, links by names), so
 * the user sees "March 2014" where the file said "03.2014" before anything is written.
 */
export function describePatch(
  kind: RecordKind,
  patch: Entry,
  context: PatchContext,
): [string, string][] {
  const { t, format, nameOf } = context;
  const lines: [string, string][] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) continue;
    const enumName = ENUM_NAMES[kind]?.[key];
    let text: string;
    if (enumName) text = t(`enums.${enumName}.${value as string}` as never);
    else if (DATE_KEYS.has(key)) text = format.date(value as string);
    else if (key === 'countryCode') text = format.country(value as string);
    else if (PARTNER_KEYS.has(key) || key === 'ownerPersonId') text = nameOf(value as string);
    else if (key === 'partnerIds') text = (value as string[]).map(nameOf).join(', ');
    else if (key === 'parties' || key === 'partners') {
      text = (value as { partnerId: string }[]).map((entry) => nameOf(entry.partnerId)).join(', ');
    } else if (key === 'steps') {
      text = (value as { kind: string; date: string | null; place?: LocalizedText | null }[])
        .map((step) =>
          [
            t(`enums.stepKind.${step.kind}` as never),
            format.date(step.date),
            step.place ? texts(step.place) : '',
          ]
            .filter(Boolean)
            .join(', '),
        )
        .join('; ');
    } else if (key === 'series') {
      const series = value as { name: LocalizedText; number: number | null };
      text =
        series.number === null ? texts(series.name) : `${texts(series.name)} – ${series.number}`;
    } else if (key === 'budget') {
      const budget = value as { amount: number; currency: string };
      text = new Intl.NumberFormat(format.locale, {
        style: 'currency',
        currency: budget.currency,
      }).format(budget.amount);
    } else if (key === 'positions') {
      text = (value as { title: LocalizedText; organizationId: string | null }[])
        .map((position) =>
          [texts(position.title), position.organizationId ? nameOf(position.organizationId) : '']
            .filter(Boolean)
            .join(', '),
        )
        .join('; ');
    } else if (key === 'contacts')
      text = (value as { value: string }[]).map((contact) => contact.value).join(', ');
    else if (key === 'languages') text = (value as string[]).map(format.languageName).join(', ');
    else if (typeof value === 'object') text = texts(value);
    else text = typeof value === 'string' ? value : JSON.stringify(value);
    lines.push([label(key, t), text]);
  }
  return lines;
}
