import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordKind, RegistryDocument, StoredRecord } from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import { getLiveRecord, getLiveRecordsById } from '../../db/linkedRecords';
import type { RegistryDb } from '../../db/RegistryDb';

/** The kinds a document can belong to (every record a user works with, not the vocabularies). */
export const LINKABLE_KINDS = [
  'partners',
  'agreements',
  'projects',
  'events',
  'people',
  'followUps',
] as const satisfies readonly RecordKind[];
export type LinkableKind = (typeof LINKABLE_KINDS)[number];

/** A record a document is linked to, with its kind (ids alone do not say it). */
export type LinkedRecord = { kind: LinkableKind; record: StoredRecord<LinkableKind> };

/** A document with the records it belongs to, in the order they were linked. */
export type DocumentDossier = {
  document: RegistryDocument;
  linked: LinkedRecord[];
  /** Linked ids that are in Trash or were never in this registry. */
  missingIds: string[];
};

/** The live records with these ids, of whatever kind, in the order of `ids`. */
export async function loadLinkedRecords(
  db: RegistryDb,
  ids: readonly string[],
): Promise<{ linked: LinkedRecord[]; missingIds: string[] }> {
  const found = new Map<string, LinkedRecord>();
  await Promise.all(
    LINKABLE_KINDS.map(async (kind) => {
      for (const [id, record] of await getLiveRecordsById(db, kind, ids)) {
        found.set(id, { kind, record });
      }
    }),
  );
  const linked: LinkedRecord[] = [];
  const missingIds: string[] = [];
  for (const id of ids) {
    const entry = found.get(id);
    if (entry) linked.push(entry);
    else missingIds.push(id);
  }
  return { linked, missingIds };
}

export async function loadDocumentDossier(
  db: RegistryDb,
  id: string,
): Promise<DocumentDossier | null> {
  const document = await getLiveRecord(db, 'documents', id);
  if (!document) return null;
  return { document, ...(await loadLinkedRecords(db, document.linkedRecordIds)) };
}

/** Live: undefined while loading, null when there is no such document (or it is in Trash). */
export function useDocumentDossier(id: string): DocumentDossier | null | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadDocumentDossier(db, id), [db, id]);
}
