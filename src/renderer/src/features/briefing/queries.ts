import {
  gatherBriefingSource,
  type BriefingLookup,
  type LiveRecordsByKind,
} from '@shared/briefing/gatherBriefingSource';
import type { BriefingSource, BriefingSubject } from '@shared/briefing/briefingModel';
import { RECORD_KINDS, type RecordKind, type StoredRecord } from '@shared/model/records';
import { getLiveRecordsById } from '../../db/linkedRecords';
import type { RegistryDb } from '../../db/RegistryDb';

/**
 * The pack's reads against the registry: keyed reads, the reverse-link index (`links.targetId`)
 * and the partners' country index, so a pack on a partner with thousands of linked records reads
 * only those records.
 */
export function dexieBriefingLookup(db: RegistryDb): BriefingLookup {
  return {
    records: (kind, ids) => getLiveRecordsById(db, kind, ids),
    linking: async (targetIds, kinds) => {
      const links =
        targetIds.length === 0
          ? []
          : await db.links
              .where('targetId')
              .anyOf([...new Set(targetIds)])
              .toArray();
      const idsByKind = new Map<RecordKind, Set<string>>();
      for (const link of links) {
        if (kinds && !kinds.includes(link.sourceKind)) continue;
        const ids = idsByKind.get(link.sourceKind) ?? new Set<string>();
        ids.add(link.sourceId);
        idsByKind.set(link.sourceKind, ids);
      }
      const entries = await Promise.all(
        RECORD_KINDS.map(async (kind) => {
          const ids = idsByKind.get(kind);
          const records = ids ? [...(await getLiveRecordsById(db, kind, ids)).values()] : [];
          return [kind, records] as const;
        }),
      );
      return Object.fromEntries(entries) as unknown as LiveRecordsByKind;
    },
    partnersInCountry: async (countryCode) =>
      (await db.partners.where('countryCode').equals(countryCode).toArray()).filter(
        (partner: StoredRecord<'partners'>) => partner.deletedAt === null,
      ),
  };
}

/**
 * What a pack on `subject` draws on; null when it is gone. Not wrapped in one transaction: the
 * gathering awaits between index lookups, which IndexedDB would take as the transaction's end.
 */
export function loadBriefingSource(
  db: RegistryDb,
  subject: BriefingSubject,
): Promise<BriefingSource | null> {
  return gatherBriefingSource(subject, dexieBriefingLookup(db));
}
