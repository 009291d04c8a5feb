import { foldForMatch } from '../text/fold';
import type { DuplicateMatch, RowPlan } from './rowPlan';

/** A record already in the registry, as the duplicate check sees it. */
export type ExistingRecord = {
  id: string;
  label: string;
  /** Names, titles and acronyms in every language. */
  names: readonly string[];
  /** The date that tells repeated meetings apart (an event's start), if any. */
  date: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Marks each row that matches a record of its kind already in the registry: first by the file's
 * own id or reference column (a reference remembered from an earlier import, or a registry id),
 * then by folded name. Meetings of a series share a title, so two events with different start
 * dates are different events; a row or record without a date matches by title alone.
 */
export function findDuplicates(
  plans: RowPlan[],
  existing: readonly ExistingRecord[],
  references: ReadonlyMap<string, string> = new Map(),
): RowPlan[] {
  const byId = new Map(existing.map((record) => [record.id, record]));
  const byName = new Map<string, ExistingRecord[]>();
  for (const record of existing) {
    for (const name of new Set(record.names.map(foldForMatch))) {
      if (name === '') continue;
      const list = byName.get(name);
      if (list) list.push(record);
      else byName.set(name, [record]);
    }
  }
  const match = (plan: RowPlan): DuplicateMatch | null => {
    const ids = [plan.fileId, plan.reference && references.get(plan.reference), plan.reference];
    for (const [index, id] of ids.entries()) {
      if (!id || (index === 2 && !UUID.test(id))) continue;
      const record = byId.get(id.toLowerCase()) ?? byId.get(id);
      if (record)
        return { recordId: record.id, label: record.label, by: index === 0 ? 'id' : 'reference' };
    }
    for (const name of plan.matchNames) {
      const candidates = byName.get(foldForMatch(name)) ?? [];
      const record = candidates.find(
        (candidate) =>
          plan.matchDate === null || candidate.date === null || candidate.date === plan.matchDate,
      );
      if (record) return { recordId: record.id, label: record.label, by: 'name' };
    }
    return null;
  };
  return plans.map((plan) => {
    if (plan.problems.length > 0) return plan;
    const duplicate = match(plan);
    return duplicate ? { ...plan, duplicate } : plan;
  });
}
