import { useMemo } from 'react';
import { useRegistry } from '../../app/RegistryContext';
import { createBackupOverIpc, restoreFilesOverIpc } from './backupTransport';
import { readRawRegistry, readRegistryTables } from './registryTables';
import { restoreOverBroken, restoreOverCurrent } from './restoreRegistry';
import type { RestoreTarget } from './useRestoreFlow';

/** Restoring over the open registry (Settings, the first-run screen). */
export function useCurrentRestoreTarget(): RestoreTarget {
  const { db, bulkDb } = useRegistry();
  return useMemo(
    () => ({
      readCurrent: () => readRegistryTables(db),
      restore: (backup, consent) =>
        restoreOverCurrent({
          db,
          bulkDb,
          backup,
          createBackup: createBackupOverIpc(),
          restoreFiles: restoreFilesOverIpc,
          isOtherRegistryAllowed: consent.isOtherRegistryAllowed,
        }),
    }),
    [db, bulkDb],
  );
}

/** Restoring over a registry that will not open (the recovery screen). */
export function brokenRestoreTarget(databaseName: string): RestoreTarget {
  return {
    readCurrent: async () => (await readRawRegistry(indexedDB, databaseName))?.tables ?? {},
    restore: (backup, consent) =>
      restoreOverBroken({
        databaseName,
        indexedDB,
        backup,
        createBackup: createBackupOverIpc(),
        restoreFiles: restoreFilesOverIpc,
        consent,
      }),
  };
}
