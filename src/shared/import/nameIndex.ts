import { foldForMatch } from '../text/fold';

/** A record that rows can name: its id and every name, acronym or title it goes by. */
export type NamedRecord = { id: string; names: readonly string[] };

export type NameLookup =
  { status: 'found'; id: string } | { status: 'unknown' } | { status: 'ambiguous'; ids: string[] };

/**
 * Finds records by any of their names, folded (case, diacritics, ə/ı), so a spreadsheet that says
 * "iom", "BMqT" or "Международная организация по миграции" links the one partner it means. A
 * name two records share is ambiguous and named as a problem rather than guessed.
 */
export class NameIndex {
  private readonly byName = new Map<string, Set<string>>();

  constructor(records: Iterable<NamedRecord>) {
    for (const record of records) {
      for (const name of record.names) {
        const key = foldForMatch(name);
        if (key === '') continue;
        let ids = this.byName.get(key);
        if (!ids) {
          ids = new Set();
          this.byName.set(key, ids);
        }
        ids.add(record.id);
      }
    }
  }

  find(name: string): NameLookup {
    const ids = this.byName.get(foldForMatch(name));
    if (!ids || ids.size === 0) return { status: 'unknown' };
    const [first, ...rest] = ids;
    if (rest.length === 0 && first !== undefined) return { status: 'found', id: first };
    return { status: 'ambiguous', ids: [...ids] };
  }
}
