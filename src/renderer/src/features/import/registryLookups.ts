import type { ExistingRecord } from '@shared/import/findDuplicates';
import type { NamedRecord } from '@shared/import/nameIndex';
import { LANGUAGES, pickText, type LocalizedText } from '@shared/model/localizedText';
import type { RecordKind, StoredRecord } from '@shared/model/records';
import { recordCache } from '../../db/recordCache';
import type { RegistryDb } from '../../db/RegistryDb';
import type { RegistryLookups } from './importProtocol';

/** Where the references of earlier imports are remembered (not records: never exchanged). */
export const IMPORT_REFERENCES_KEY = 'importReferences';

export type ImportReferences = Partial<Record<RecordKind, Record<string, string>>>;

const texts = (value: LocalizedText | null | undefined) =>
  value ? LANGUAGES.flatMap((language) => (value[language] ? [value[language]] : [])) : [];

/** Every name a record goes by: names or titles in each language, acronyms, an area's code. */
function namesOf(record: StoredRecord<RecordKind>): string[] {
  const names: string[] = [];
  if ('name' in record) names.push(...texts(record.name));
  if ('title' in record) names.push(...texts(record.title));
  if ('acronym' in record) names.push(...texts(record.acronym));
  if ('code' in record) names.push(record.code);
  if ('label' in record) names.push(record.label);
  return names;
}

function labelOf(record: StoredRecord<RecordKind>, language: 'en' | 'az' | 'ru'): string {
  if ('name' in record) return pickText(record.name, language);
  if ('title' in record) return pickText(record.title, language);
  return record.label;
}

async function liveRecords<K extends RecordKind>(
  db: RegistryDb,
  kind: K,
): Promise<readonly StoredRecord<K>[]> {
  const cache = recordCache(db, kind);
  await cache.settled();
  return cache.getSnapshot()?.records ?? [];
}

/**
 * What the worker needs to know of the registry: partners and people by every name (to link
 * rows that name them), the live records of the kinds being imported (to find duplicates) and the
 * references earlier imports remembered. Read from the shared record caches, so a registry of
 * 100,000 records is not read again when its lists were already open.
 */
export async function loadRegistryLookups(
  db: RegistryDb,
  kinds: readonly RecordKind[],
  language: 'en' | 'az' | 'ru',
): Promise<RegistryLookups> {
  const named = async (kind: 'partners' | 'people'): Promise<NamedRecord[]> =>
    (await liveRecords(db, kind)).map((record) => ({ id: record.id, names: namesOf(record) }));
  const existing: RegistryLookups['existing'] = {};
  for (const kind of kinds) {
    existing[kind] = (await liveRecords(db, kind)).map((record): ExistingRecord => ({
      id: record.id,
      label: labelOf(record, language),
      names: namesOf(record),
      date: 'startDate' in record ? record.startDate : null,
    }));
  }
  const stored = await db.meta.get(IMPORT_REFERENCES_KEY);
  return {
    partners: await named('partners'),
    people: await named('people'),
    existing,
    references: stored?.value ?? {},
  };
}
