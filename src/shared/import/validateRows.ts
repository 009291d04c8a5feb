import type * as z from 'zod';
import { LANGUAGES, type Language, type LocalizedText } from '../model/localizedText';
import { partialDateBounds } from '../model/partialDate';
import { contentSchemas } from '../model/records';
import { cellText, type Cell, type ImportRow, type ImportTable } from './cells';
import type { ImportMapping } from './guessMapping';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportFieldId,
  type ImportKind,
} from './importFields';
import type { NameIndex } from './nameIndex';
import { parseImportDate } from './parseImportDate';
import {
  matchCountry,
  matchEnum,
  matchLanguage,
  parseImportNumber,
  parsePositiveInteger,
  splitList,
} from './parseValues';
import type { RowPlan, RowProblem, RowProblemCode } from './rowPlan';

/** Records rows may name, and where new ids (agreement steps, positions) come from. */
export type ValidationContext = {
  partners: NameIndex;
  people: NameIndex;
  newId: () => string;
};

/** The longest text the model keeps in one language (localizedText.ts). */
const MAX_TEXT = 20_000;
const MAX_HONORIFIC = 40;
const MAX_CONTACT = 500;

const CURRENCY_SIGNS: Readonly<Record<string, string>> = {
  '€': 'EUR',
  $: 'USD',
  '₼': 'AZN',
  manat: 'AZN',
  '₽': 'RUB',
  руб: 'RUB',
  '£': 'GBP',
};

/** A value read from one field's column(s). */
/** A partial date is a string too (PartialDate). */
type Value = string | number | LocalizedText | string[];

type RowValues = {
  values: Partial<Record<ImportFieldId, Value>>;
  problems: RowProblem[];
  /** Which column each field was read from, for problems found after reading. */
  columnOf: Partial<Record<ImportFieldId, number>>;
};

function readCell(
  field: ImportField,
  cell: Cell,
  language: Language,
  context: ValidationContext,
  report: (code: RowProblemCode, value?: string) => undefined,
  previous: Value | undefined,
): Value | undefined {
  const text = cellText(cell);
  switch (field.type) {
    case 'localized': {
      if (text.length > MAX_TEXT) return report('tooLong');
      return { ...(previous as LocalizedText | undefined), [language]: text };
    }
    case 'text':
      return text.length > MAX_HONORIFIC ? report('tooLong') : text;
    case 'reference':
      return text;
    case 'phone':
      return text.length > MAX_CONTACT ? report('tooLong') : text;
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && text.length <= MAX_CONTACT
        ? text
        : report('emailInvalid');
    case 'enum': {
      const code = field.enumName ? matchEnum(field.enumName, text) : null;
      return code ?? report('enumUnknown');
    }
    case 'date': {
      const result = parseImportDate(cell);
      if (result === null) return undefined;
      return result.ok ? result.date : report(result.problem);
    }
    case 'country':
      return matchCountry(text) ?? report('countryUnknown');
    case 'integer': {
      const value = typeof cell === 'boolean' ? null : parsePositiveInteger(cell ?? '');
      return value ?? report('integerInvalid');
    }
    case 'number': {
      if (typeof cell === 'boolean') return report('numberInvalid');
      const result = parseImportNumber(cell ?? '');
      if (!result.ok) return report(result.problem);
      return result.value < 0 ? report('numberInvalid') : result.value;
    }
    case 'currency': {
      const sign = CURRENCY_SIGNS[text.toLowerCase()];
      if (sign) return sign;
      return /^[a-z]{3}$/i.test(text) ? text.toUpperCase() : report('currencyInvalid');
    }
    case 'languageList': {
      const codes: string[] = [];
      for (const part of text
        .split(/[,;|/\n]+/)
        .map((p) => p.trim())
        .filter(Boolean)) {
        const code = matchLanguage(part);
        if (code) {
          if (!codes.includes(code)) codes.push(code);
        } else report('languageUnknown', part);
      }
      return codes;
    }
    case 'partner':
    case 'person': {
      const index = field.type === 'partner' ? context.partners : context.people;
      const found = index.find(text);
      if (found.status === 'found') return found.id;
      const isPartner = field.type === 'partner';
      if (found.status === 'ambiguous')
        return report(isPartner ? 'partnerAmbiguous' : 'personAmbiguous');
      return report(isPartner ? 'partnerUnknown' : 'personUnknown');
    }
    case 'partnerList': {
      const ids: string[] = [];
      for (const name of splitList(text)) {
        const found = context.partners.find(name);
        // "IOM, UNHCR" where no partner is called that: try the commas as separators.
        if (found.status === 'unknown' && name.includes(',')) {
          const parts = name
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean);
          const each = parts.map((part) => context.partners.find(part));
          const foundIds = each.flatMap((result) => (result.status === 'found' ? [result.id] : []));
          if (foundIds.length === each.length) {
            for (const id of foundIds) if (!ids.includes(id)) ids.push(id);
            continue;
          }
        }
        if (found.status === 'found') {
          if (!ids.includes(found.id)) ids.push(found.id);
        } else report(found.status === 'ambiguous' ? 'partnerAmbiguous' : 'partnerUnknown', name);
      }
      return ids;
    }
  }
}

function readRow(
  kind: ImportKind,
  row: ImportRow,
  mapping: ImportMapping,
  context: ValidationContext,
): RowValues {
  const fields = new Map(IMPORT_FIELDS[kind].map((field) => [field.id, field]));
  const result: RowValues = { values: {}, problems: [], columnOf: {} };
  if (row.defect) {
    result.problems.push({
      rowNumber: row.rowNumber,
      column: null,
      field: null,
      code: row.defect,
      value: '',
    });
  }
  mapping.columns.forEach((column, index) => {
    const field = column.field ? fields.get(column.field) : undefined;
    if (!field) return;
    const cell = row.cells[index] ?? null;
    const text = cellText(cell);
    if (text === '' && typeof cell !== 'number') return;
    result.columnOf[field.id] ??= index;
    const report = (code: RowProblemCode, value = text): undefined => {
      result.problems.push({
        rowNumber: row.rowNumber,
        column: index,
        field: field.id,
        code,
        value,
      });
      return undefined;
    };
    const value = readCell(field, cell, column.language, context, report, result.values[field.id]);
    if (value !== undefined) result.values[field.id] = value;
  });
  for (const field of IMPORT_FIELDS[kind]) {
    if (result.values[field.id] !== undefined) continue;
    const fallback = mapping.defaults[field.id];
    if (fallback !== undefined) {
      result.values[field.id] = fallback;
      continue;
    }
    const hasProblem = result.problems.some((problem) => problem.field === field.id);
    if (field.isRequired && !hasProblem) {
      const column = mapping.columns.findIndex((c) => c.field === field.id);
      result.problems.push({
        rowNumber: row.rowNumber,
        column: column >= 0 ? column : null,
        field: field.id,
        code: 'required',
        value: '',
      });
    }
  }
  return result;
}

const text = (value: Value | undefined) => value as LocalizedText | undefined;
const str = (value: Value | undefined) => value as string | undefined;
const ids = (value: Value | undefined) => value as string[] | undefined;

/** Drops undefined entries, so a patch holds only what the row gives. */
function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

type Assembled = { patch: Record<string, unknown>; extra: RowProblemCodeAt[] };
type RowProblemCodeAt = { code: RowProblemCode; field: ImportFieldId };

/** Puts one row's values together in the shape of the kind's records. */
function assemble(kind: ImportKind, v: RowValues['values'], context: ValidationContext): Assembled {
  const extra: RowProblemCodeAt[] = [];
  const common = { notes: text(v.notes), sensitivity: str(v.sensitivity) };
  switch (kind) {
    case 'partners':
      return {
        extra,
        patch: defined({
          kind: str(v.kind),
          name: text(v.name),
          acronym: text(v.acronym),
          countryCode: str(v.country),
          parentId: str(v.parent),
          mode: str(v.mode),
          ...common,
        }),
      };
    case 'agreements': {
      const steps = [];
      if (v.signedDate !== undefined || v.signedPlace !== undefined) {
        steps.push({
          id: context.newId(),
          kind: 'signed',
          date: str(v.signedDate) ?? null,
          place: text(v.signedPlace) ?? null,
        });
      }
      if (v.inForceDate !== undefined) {
        steps.push({ id: context.newId(), kind: 'in-force', date: str(v.inForceDate) ?? null });
      }
      return {
        extra,
        patch: defined({
          kind: str(v.kind),
          title: text(v.title),
          parties: ids(v.parties)?.map((partnerId) => ({ partnerId, role: 'party' })),
          steps: steps.length > 0 ? steps : undefined,
          expiryDate: str(v.expiryDate),
          termMonths: v.termMonths,
          ...common,
        }),
      };
    }
    case 'projects': {
      const amount = v.budgetAmount as number | undefined;
      const currency = str(v.budgetCurrency);
      if (amount !== undefined && currency === undefined)
        extra.push({ code: 'currencyMissing', field: 'budgetAmount' });
      if (amount === undefined && currency !== undefined)
        extra.push({ code: 'amountMissing', field: 'budgetCurrency' });
      return {
        extra,
        patch: defined({
          title: text(v.title),
          status: str(v.status),
          partners: ids(v.partners)?.map((partnerId) => ({ partnerId, role: 'partner' })),
          programmeId: str(v.programme),
          plannedStart: str(v.plannedStart),
          plannedEnd: str(v.plannedEnd),
          actualStart: str(v.actualStart),
          actualEnd: str(v.actualEnd),
          budget: amount !== undefined && currency !== undefined ? { amount, currency } : undefined,
          ...common,
        }),
      };
    }
    case 'events': {
      const start = str(v.startDate);
      const end = str(v.endDate);
      const startBounds = partialDateBounds(start ?? null);
      const endBounds = partialDateBounds(end ?? null);
      if (startBounds && endBounds && endBounds.last < startBounds.first) {
        extra.push({ code: 'endBeforeStart', field: 'endDate' });
      }
      if (v.seriesNumber !== undefined && v.seriesName === undefined) {
        extra.push({ code: 'seriesNameMissing', field: 'seriesNumber' });
      }
      return {
        extra,
        patch: defined({
          kind: str(v.kind),
          title: text(v.title),
          startDate: start,
          endDate: end,
          city: text(v.city),
          countryCode: str(v.country),
          organizerId: str(v.organizer),
          partnerIds: ids(v.partners),
          series: v.seriesName
            ? { name: text(v.seriesName), number: v.seriesNumber ?? null }
            : undefined,
          outcomes: text(v.outcomes),
          ...common,
        }),
      };
    }
    case 'people': {
      if (v.organization !== undefined && v.position === undefined) {
        extra.push({ code: 'positionMissing', field: 'organization' });
      }
      const contacts = [
        ...(v.email !== undefined ? [{ kind: 'email', value: str(v.email) }] : []),
        ...(v.phone !== undefined ? [{ kind: 'phone', value: str(v.phone) }] : []),
      ];
      return {
        extra,
        patch: defined({
          name: text(v.name),
          honorific: str(v.honorific),
          positions:
            v.position !== undefined
              ? [
                  {
                    id: context.newId(),
                    title: text(v.position),
                    organizationId: str(v.organization) ?? null,
                  },
                ]
              : undefined,
          contacts: contacts.length > 0 ? contacts : undefined,
          languages: ids(v.languages)?.length ? ids(v.languages) : undefined,
          ...common,
        }),
      };
    }
    case 'followUps':
      return {
        extra,
        patch: defined({
          title: text(v.title),
          description: text(v.description),
          ownerPersonId: str(v.owner),
          dueDate: str(v.dueDate),
          status: str(v.status),
          ...common,
        }),
      };
  }
}

/** The content key each field fills, to place the model's complaints in the right column. */
const FIELD_OF_KEY: Readonly<Record<string, ImportFieldId>> = {
  name: 'name',
  title: 'title',
  acronym: 'acronym',
  kind: 'kind',
  status: 'status',
  countryCode: 'country',
  parentId: 'parent',
  mode: 'mode',
  parties: 'parties',
  expiryDate: 'expiryDate',
  termMonths: 'termMonths',
  partners: 'partners',
  programmeId: 'programme',
  budget: 'budgetAmount',
  startDate: 'startDate',
  endDate: 'endDate',
  city: 'city',
  organizerId: 'organizer',
  partnerIds: 'partners',
  series: 'seriesName',
  outcomes: 'outcomes',
  honorific: 'honorific',
  positions: 'position',
  languages: 'languages',
  description: 'description',
  ownerPersonId: 'owner',
  dueDate: 'dueDate',
  notes: 'notes',
  sensitivity: 'sensitivity',
};

/** The text that names a row: its name or title in the first language it is written in. */
export function labelOf(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  const localized = value as LocalizedText;
  for (const language of LANGUAGES) if (localized[language]) return localized[language];
  return '';
}

/** Every name a row gives in any language (and acronyms), for matching existing records. */
function namesOf(patch: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const key of ['name', 'title', 'acronym'] as const) {
    const value = patch[key] as LocalizedText | undefined;
    if (!value || (key === 'acronym' && names.length > 0)) continue;
    for (const language of LANGUAGES) if (value[language]) names.push(value[language]);
  }
  return names;
}

/**
 * Reads, checks and assembles one row: every problem in every mapped column is named, not just
 * the first, so one pass through the preview shows all that needs fixing in the file.
 */
export function validateRow(
  kind: ImportKind,
  row: ImportRow,
  mapping: ImportMapping,
  context: ValidationContext,
): RowPlan {
  const read = readRow(kind, row, mapping, context);
  const { patch, extra } = assemble(kind, read.values, context);
  const problems = [...read.problems];
  for (const { code, field } of extra) {
    problems.push({
      rowNumber: row.rowNumber,
      column: read.columnOf[field] ?? null,
      field,
      code,
      value: cellText(row.cells[read.columnOf[field] ?? -1]),
    });
  }
  let content: Record<string, unknown> | null = null;
  if (problems.length === 0) {
    const checked = (contentSchemas[kind] as z.ZodType).safeParse(patch);
    if (checked.success) content = patch;
    else {
      for (const issue of checked.error.issues) {
        const field = FIELD_OF_KEY[String(issue.path[0] ?? '')] ?? null;
        const column = field === null ? null : (read.columnOf[field] ?? null);
        problems.push({
          rowNumber: row.rowNumber,
          column,
          field,
          code: 'invalid',
          value: column === null ? '' : cellText(row.cells[column]),
          detail: issue.message,
        });
      }
    }
  }
  const reference = read.values.reference as string | undefined;
  return {
    kind,
    rowNumber: row.rowNumber,
    fileId: null,
    label: labelOf(patch.name ?? patch.title),
    content,
    patch,
    problems,
    reference: reference ?? null,
    matchNames: namesOf(patch),
    matchDate: (patch.startDate as string | undefined) ?? null,
    duplicate: null,
  };
}

/**
 * Validates a whole table, reporting progress every `chunk` rows so a long file shows how far
 * the check has got.
 */
export function validateTable(
  table: ImportTable,
  mapping: ImportMapping,
  context: ValidationContext,
  onProgress?: (done: number, total: number) => void,
  chunk = 2_000,
): RowPlan[] {
  const plans: RowPlan[] = [];
  table.rows.forEach((row, index) => {
    plans.push(validateRow(mapping.kind, row, mapping, context));
    if (onProgress && (index + 1) % chunk === 0) onProgress(index + 1, table.rows.length);
  });
  onProgress?.(table.rows.length, table.rows.length);
  return plans;
}
