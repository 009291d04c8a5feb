import { foldForMatch } from '../text/fold';
import { LANGUAGES, type LocalizedText } from '../model/localizedText';

const LOCALIZED_KEYS = new Set([
  'name',
  'title',
  'acronym',
  'notes',
  'city',
  'outcomes',
  'description',
]);

type Entry = Record<string, unknown>;

function sameText(a: LocalizedText | undefined, b: LocalizedText | undefined): boolean {
  if (!a || !b) return false;
  return LANGUAGES.some((language) => {
    const left = a[language];
    const right = b[language];
    return left !== undefined && right !== undefined && foldForMatch(left) === foldForMatch(right);
  });
}

/** Adds the entries the current list lacks, judged by `isSame`, and keeps every current one. */
function union<T>(
  current: readonly T[],
  added: readonly T[],
  isSame: (a: T, b: T) => boolean,
): T[] {
  const result = [...current];
  for (const entry of added) if (!result.some((kept) => isSame(kept, entry))) result.push(entry);
  return result;
}

/**
 * What an update from a row changes on an existing record: the row's values over the record's,
 * never erasing what the row leaves empty. Texts merge by language (an imported Russian name
 * joins the English one); lists of partners, parties, steps, positions, contacts and languages
 * gain the row's entries and keep their own; anything else the row gives replaces the old value.
 */
export function mergeForUpdate(current: Entry, patch: Entry): Entry {
  const merged: Entry = {};
  for (const [key, value] of Object.entries(patch)) {
    const before = current[key];
    if (LOCALIZED_KEYS.has(key) && before && typeof before === 'object') {
      merged[key] = { ...(before as LocalizedText), ...(value as LocalizedText) };
    } else if (key === 'series' && before && value) {
      const old = before as { name: LocalizedText; number: number | null };
      const next = value as { name: LocalizedText; number: number | null };
      merged[key] = { name: { ...old.name, ...next.name }, number: next.number ?? old.number };
    } else if (Array.isArray(value) && Array.isArray(before)) {
      merged[key] = mergeList(key, before as unknown[], value as unknown[]);
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

function mergeList(key: string, before: unknown[], added: unknown[]): unknown[] {
  switch (key) {
    case 'parties':
    case 'partners':
      return union(before as Entry[], added as Entry[], (a, b) => a.partnerId === b.partnerId);
    case 'steps':
      return union(
        before as Entry[],
        added as Entry[],
        (a, b) => a.kind === b.kind && (a.date ?? null) === (b.date ?? null),
      );
    case 'positions':
      return union(
        before as Entry[],
        added as Entry[],
        (a, b) =>
          (a.organizationId ?? null) === (b.organizationId ?? null) &&
          sameText(a.title as LocalizedText, b.title as LocalizedText),
      );
    case 'contacts':
      return union(
        before as Entry[],
        added as Entry[],
        (a, b) => a.kind === b.kind && a.value === b.value,
      );
    default:
      return union(before, added, (a, b) => a === b);
  }
}
