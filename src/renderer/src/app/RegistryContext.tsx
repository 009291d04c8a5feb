import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { IpcOutput } from '@shared/ipc/contract';
import { isReadOnlyPolicy } from '@shared/model/policy';
import { systemMutationContext, type MutationContext } from '../db/changeTracking';
import { RegistryDb, REGISTRY_DB_NAME } from '../db/RegistryDb';
import { LATEST_SCHEMA_VERSION } from '../db/schema';
import { backUpBeforeMigration } from '../features/backup/backupRegistry';
import { createBackupOverIpc } from '../features/backup/backupTransport';
import { registryClient } from '../ipc/registryClient';
import { DatabaseErrorScreen } from './DatabaseErrorScreen';
import { LoadingScreen } from './LoadingScreen';
import { RegistrySupersededScreen } from './RegistrySupersededScreen';

export type RegistryContextValue = {
  /** Everyday reads and single-record writes (Chromium's default durability). */
  db: RegistryDb;
  /** The same database on a strict-durability connection, for bulk writes that must reach disk. */
  bulkDb: RegistryDb;
  mutationContext: MutationContext;
  device: IpcOutput<'device:get'>;
  setDevice: (device: IpcOutput<'device:get'>) => void;
  appInfo: IpcOutput<'app:info'>;
  /** The machine policy main applied at start, and where the data lives. */
  policy: IpcOutput<'policy:get'>;
  /** The policy makes the registry read-only: the UI offers no changes and mutations refuse them. */
  isReadOnly: boolean;
  /** The answer to navigator.storage.persist(); null while it is pending or unsupported. */
  isStoragePersisted: boolean | null;
};

const RegistryContext = createContext<RegistryContextValue | null>(null);

export function useRegistry(): RegistryContextValue {
  const value = useContext(RegistryContext);
  if (!value) throw new Error('useRegistry must be used inside <RegistryProvider>');
  return value;
}

type OpenState =
  | { status: 'opening' }
  | { status: 'failed'; error: unknown }
  /** Another window or launch upgraded the registry; this one closed it and must reload. */
  | { status: 'superseded' }
  | {
      status: 'open';
      db: RegistryDb;
      bulkDb: RegistryDb;
      device: IpcOutput<'device:get'>;
      appInfo: IpcOutput<'app:info'>;
      policy: IpcOutput<'policy:get'>;
    };

/** One backup before a migration per start, even when StrictMode opens the registry twice. */
const migrationBackups = new Map<string, Promise<unknown>>();

function backUpBeforeMigrationOnce(databaseName: string): Promise<unknown> {
  let pending = migrationBackups.get(databaseName);
  if (!pending) {
    pending = backUpBeforeMigration({
      indexedDB,
      databaseName,
      latestVersion: LATEST_SCHEMA_VERSION,
      createBackup: createBackupOverIpc(),
    });
    // A failed backup is tried again on Retry; a finished one is not repeated.
    void pending.catch(() => migrationBackups.delete(databaseName));
    migrationBackups.set(databaseName, pending);
  }
  return pending;
}

async function openRegistry(databaseName: string) {
  const [device, appInfo, policy] = await Promise.all([
    registryClient.device.get(),
    registryClient.app.info(),
    registryClient.policy.get(),
  ]);
  // Before Dexie opens (and upgrades) an older registry, its rows are backed up as they are.
  await backUpBeforeMigrationOnce(databaseName);
  const db = new RegistryDb(databaseName);
  const bulkDb = new RegistryDb(databaseName, { durability: 'strict' });
  await db.openChecked();
  await bulkDb.openChecked();
  return { db, bulkDb, device, appInfo, policy };
}

async function requestPersistentStorage(): Promise<boolean | null> {
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}

type RegistryProviderProps = { children: ReactNode; databaseName?: string };

/** Opens the registry and this device's identity before anything else renders. */
export function RegistryProvider({
  children,
  databaseName = REGISTRY_DB_NAME,
}: RegistryProviderProps) {
  const [state, setState] = useState<OpenState>({ status: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const [device, setDevice] = useState<IpcOutput<'device:get'> | null>(null);
  const [isStoragePersisted, setIsStoragePersisted] = useState<boolean | null>(null);

  useEffect(() => {
    let isCurrent = true;
    openRegistry(databaseName).then(
      (opened) => {
        if (!isCurrent) {
          opened.db.close();
          opened.bulkDb.close();
          return;
        }
        setDevice(opened.device);
        setState({ status: 'open', ...opened });
      },
      (error: unknown) => {
        if (isCurrent) setState({ status: 'failed', error });
      },
    );
    requestPersistentStorage().then(
      (answer) => isCurrent && setIsStoragePersisted(answer),
      () => isCurrent && setIsStoragePersisted(false),
    );
    return () => {
      isCurrent = false;
    };
  }, [databaseName, attempt]);

  useEffect(() => {
    if (state.status !== 'open') return undefined;
    const supersede = () => setState({ status: 'superseded' });
    state.db.on('versionchange', supersede);
    state.bulkDb.on('versionchange', supersede);
    return () => {
      state.db.on('versionchange').unsubscribe(supersede);
      state.bulkDb.on('versionchange').unsubscribe(supersede);
      state.db.close();
      state.bulkDb.close();
    };
  }, [state]);

  const value = useMemo<RegistryContextValue | null>(() => {
    if (state.status !== 'open') return null;
    const currentDevice = device ?? state.device;
    const isReadOnly = isReadOnlyPolicy(state.policy.settings);
    return {
      db: state.db,
      bulkDb: state.bulkDb,
      device: currentDevice,
      setDevice,
      mutationContext: systemMutationContext(currentDevice, isReadOnly),
      appInfo: state.appInfo,
      policy: state.policy,
      isReadOnly,
      isStoragePersisted,
    };
  }, [state, device, isStoragePersisted]);

  if (state.status === 'opening') return <LoadingScreen />;
  if (state.status === 'superseded') return <RegistrySupersededScreen />;
  if (state.status === 'failed') {
    return (
      <DatabaseErrorScreen
        error={state.error}
        onRetry={() => setAttempt((n) => n + 1)}
        databaseName={databaseName}
      />
    );
  }
  if (!value) return null;
  return <RegistryContext.Provider value={value}>{children}</RegistryContext.Provider>;
}
