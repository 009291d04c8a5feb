import type { BackupRow } from '@shared/backup/backupTables';
import { RECORD_KINDS, type RecordKind } from '@shared/model/records';
import { otherRegistryLoss, type OtherRegistryLoss, type RegistryTables } from './registryTables';

/** One kind of record: how many there are now and in the backup, and what a restore would do. */
export type KindPreview = {
  kind: RecordKind;
  now: number;
  inBackup: number;
  /** In the backup, not in the registry now (or in Trash now). */
  added: number;
  /** In both, but different. */
  changed: number;
  /** In the registry now, not in the backup (or in its Trash): a restore takes them away. */
  removed: number;
};

export type RestorePreview = {
  kinds: KindPreview[];
  /** Entries of the change log (history) now and in the backup. */
  history: { now: number; inBackup: number };
  savedViews: { now: number; inBackup: number };
  /** The registry now could not be read (the recovery screen): only the backup's side is known. */
  isCurrentUnknown: boolean;
  /** The backup is of another registry than this non-empty one: what replacing it would lose. */
  otherRegistry: OtherRegistryLoss | null;
};

function liveById(rows: readonly BackupRow[] | undefined): Map<string, BackupRow> {
  const result = new Map<string, BackupRow>();
  for (const row of rows ?? []) {
    if (typeof row.id === 'string' && (row.deletedAt ?? null) === null) result.set(row.id, row);
  }
  return result;
}

/** Structural equality of JSON-shaped rows; keys holding undefined count as absent. */
function isSame(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = (value: object) =>
    Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
  const keysA = keys(a);
  if (keysA.length !== keys(b).length) return false;
  return keysA.every((key) =>
    isSame((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * What replacing the registry with a backup would change, kind by kind, counting live records
 * (Trash aside) as the lists show them. `current` is null when the registry cannot be read.
 */
export function previewRestore(
  current: RegistryTables | null,
  backup: RegistryTables,
): RestorePreview {
  const kinds = RECORD_KINDS.map((kind): KindPreview => {
    const now = liveById(current?.[kind]);
    const then = liveById(backup[kind]);
    let added = 0;
    let changed = 0;
    for (const [id, row] of then) {
      const existing = now.get(id);
      if (!existing) added += 1;
      else if (!isSame(existing, row)) changed += 1;
    }
    let removed = 0;
    for (const id of now.keys()) if (!then.has(id)) removed += 1;
    return { kind, now: now.size, inBackup: then.size, added, changed, removed };
  });
  return {
    kinds,
    history: { now: current?.changes?.length ?? 0, inBackup: backup.changes?.length ?? 0 },
    savedViews: { now: current?.savedViews?.length ?? 0, inBackup: backup.savedViews?.length ?? 0 },
    isCurrentUnknown: current === null,
    otherRegistry: otherRegistryLoss(current, backup),
  };
}
