import { LANGUAGES, type Language } from '../model/localizedText';
import { foldForMatch } from '../text/fold';
import { cellText, type ImportTable } from './cells';
import { IMPORT_FIELDS, importField, type ImportFieldId, type ImportKind } from './importFields';

/** What one column of the file becomes: a field (or nothing), and for texts their language. */
export type ColumnMapping = { field: ImportFieldId | null; language: Language };

/**
 * How a table's columns map to a kind's fields, by column position, plus a value for rows that
 * leave a required choice empty (a sheet of partners with no "kind" column: all are states).
 */
export type ImportMapping = {
  kind: ImportKind;
  columns: ColumnMapping[];
  defaults: Partial<Record<ImportFieldId, string>>;
};

/** Language marks people put in headers: "Name (AZ)", "Название [рус.]", "Ad - ingiliscə". */
const LANGUAGE_TAGS: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'en',
    'eng',
    'english',
    'ingilis',
    'ingilisce',
    'англ',
    'английский',
    'англ яз',
    'на английском',
  ],
  az: [
    'az',
    'aze',
    'azerbaijani',
    'azeri',
    'azerbaycanca',
    'azerbaycan',
    'azerb',
    'азерб',
    'азербайджанский',
    'на азербайджанском',
  ],
  ru: ['ru', 'rus', 'russian', 'rusca', 'рус', 'русский', 'на русском'],
};

/** Folded header words only: "Tarix (gün.ay.il)" → "tarix gun ay il". */
export function normalizeHeader(header: string): string {
  return foldForMatch(header)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const tagIndex = new Map<string, Language>(
  LANGUAGES.flatMap((language) =>
    LANGUAGE_TAGS[language].map((tag) => [normalizeHeader(tag), language] as const),
  ),
);

/** Splits a language mark off a header: "Name (AZ)" → { base: "name", language: "az" }. */
export function headerLanguage(header: string): { base: string; language: Language | null } {
  const bracketed = /^(.*?)[([{]\s*([^)\]}]+?)\s*[)\]}]\s*$/u.exec(header);
  if (bracketed) {
    const language = tagIndex.get(normalizeHeader(bracketed[2] ?? ''));
    if (language) return { base: normalizeHeader(bracketed[1] ?? ''), language };
  }
  const words = normalizeHeader(header).split(' ');
  for (const count of [3, 2, 1]) {
    if (words.length <= count) continue;
    const tail = words.slice(-count).join(' ');
    const language = tagIndex.get(tail);
    if (language) return { base: words.slice(0, -count).join(' '), language };
  }
  return { base: normalizeHeader(header), language: null };
}

/** The script of a column's first values, when it settles the language: Cyrillic is Russian. */
function contentLanguage(table: ImportTable, column: number): Language | null {
  let cyrillic = 0;
  let azerbaijani = 0;
  let latin = 0;
  for (const row of table.rows.slice(0, 20)) {
    const text = cellText(row.cells[column]);
    if (text === '') continue;
    if (/\p{Script=Cyrillic}/u.test(text)) cyrillic += 1;
    else if (/[əƏıİğĞşŞ]/u.test(text)) azerbaijani += 1;
    else if (/\p{Script=Latin}/u.test(text)) latin += 1;
  }
  if (cyrillic > azerbaijani + latin) return 'ru';
  if (azerbaijani > 0 && azerbaijani >= cyrillic) return 'az';
  return null;
}

type Candidate = { field: ImportFieldId; language: Language; quality: number };

/** The best field for one header: an exact synonym beats a header that starts with one. */
function candidateFor(kind: ImportKind, base: string): Candidate | null {
  let best: Candidate | null = null;
  for (const field of IMPORT_FIELDS[kind]) {
    for (const language of LANGUAGES) {
      for (const synonym of field.synonyms[language] ?? []) {
        const word = normalizeHeader(synonym);
        let quality = 0;
        if (base === word) quality = 1000 + word.length;
        else if (base.startsWith(`${word} `)) quality = 500 + word.length;
        if (quality > (best?.quality ?? 0)) best = { field: field.id, language, quality };
      }
    }
  }
  return best;
}

/**
 * Guesses each column's field from its header in English, Azerbaijani or Russian ("Name", "Ad",
 * "Название"), and the language of text columns from a mark in the header or, failing that, the
 * script of the values. Each field takes one column (texts one per language); the first wins.
 */
export function guessMapping(kind: ImportKind, table: ImportTable): ImportMapping {
  const taken = new Set<string>();
  const columns = table.headers.map((header, index): ColumnMapping => {
    const { base, language: tagged } = headerLanguage(header);
    const candidate = base === '' ? null : candidateFor(kind, base);
    if (!candidate) return { field: null, language: 'en' };
    const isText = importField(kind, candidate.field)?.type === 'localized';
    const language = isText
      ? (tagged ?? contentLanguage(table, index) ?? candidate.language)
      : 'en';
    const key = isText ? `${candidate.field}:${language}` : candidate.field;
    if (taken.has(key)) return { field: null, language: 'en' };
    taken.add(key);
    return { field: candidate.field, language };
  });
  return { kind, columns, defaults: {} };
}

/** What stops a mapping from being used, before any row is read. */
export type MappingProblem =
  | { code: 'requiredUnmapped'; field: ImportFieldId }
  | { code: 'mappedTwice'; field: ImportFieldId; language: Language | null };

export function mappingProblems(mapping: ImportMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const seen = new Set<string>();
  for (const column of mapping.columns) {
    if (!column.field) continue;
    const isText = importField(mapping.kind, column.field)?.type === 'localized';
    const key = isText ? `${column.field}:${column.language}` : column.field;
    if (seen.has(key)) {
      if (
        !problems.some(
          (p) =>
            p.code === 'mappedTwice' &&
            `${p.field}:${p.language}` === `${column.field}:${isText ? column.language : null}`,
        )
      ) {
        problems.push({
          code: 'mappedTwice',
          field: column.field,
          language: isText ? column.language : null,
        });
      }
    }
    seen.add(key);
  }
  for (const field of IMPORT_FIELDS[mapping.kind]) {
    if (!field.isRequired) continue;
    const isMapped = mapping.columns.some((column) => column.field === field.id);
    if (!isMapped && mapping.defaults[field.id] === undefined) {
      problems.push({ code: 'requiredUnmapped', field: field.id });
    }
  }
  return problems;
}
