import { recordLinks } from '../../model/recordLinks';
import {
  RECORD_KINDS,
  type RecordContent,
  type RecordKind,
  type StoredRecord,
} from '../../model/records';
import type { BriefingLookup, LiveRecordsByKind } from '../gatherBriefingSource';

/** Content plus an id, as in a snapshot; the rest of the metadata is filled in. */
export type LooseRecords = { [K in RecordKind]: (RecordContent<K> & { id: string })[] };

const META = {
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  rev: 1,
  changedBy: 'test',
  deletedAt: null,
};

/** A BriefingLookup over records held in memory, with the same reverse links the database keeps. */
export function memoryLookup(records: LooseRecords): BriefingLookup {
  const byId = new Map<string, { kind: RecordKind; record: StoredRecord<RecordKind> }>();
  const reverse = new Map<string, Set<string>>();
  for (const kind of RECORD_KINDS) {
    for (const loose of records[kind]) {
      const record = { ...META, ...loose } as StoredRecord<RecordKind>;
      byId.set(record.id, { kind, record });
      for (const link of recordLinks(kind, record as RecordContent<typeof kind>)) {
        const sources = reverse.get(link.targetId) ?? new Set<string>();
        sources.add(record.id);
        reverse.set(link.targetId, sources);
      }
    }
  }
  return {
    records: <K extends RecordKind>(kind: K, ids: Iterable<string>) => {
      const result = new Map<string, StoredRecord<K>>();
      for (const id of ids) {
        const found = byId.get(id);
        if (found && found.kind === kind)
          result.set(id, found.record as unknown as StoredRecord<K>);
      }
      return Promise.resolve(result);
    },
    linking: (targetIds, kinds) => {
      const result = Object.fromEntries(
        RECORD_KINDS.map((kind) => [kind, [] as unknown[]]),
      ) as unknown as LiveRecordsByKind;
      const seen = new Set<string>();
      for (const target of targetIds) {
        for (const sourceId of reverse.get(target) ?? []) {
          if (seen.has(sourceId)) continue;
          seen.add(sourceId);
          const found = byId.get(sourceId);
          if (found && (!kinds || kinds.includes(found.kind)))
            (result[found.kind] as StoredRecord<RecordKind>[]).push(found.record);
        }
      }
      return Promise.resolve(result);
    },
    partnersInCountry: (countryCode) =>
      Promise.resolve(
        [...byId.values()]
          .filter(
            ({ kind, record }) =>
              kind === 'partners' && 'countryCode' in record && record.countryCode === countryCode,
          )
          .map(({ record }) => record as StoredRecord<'partners'>),
      ),
  };
}
