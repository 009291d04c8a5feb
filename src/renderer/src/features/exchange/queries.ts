import { useLiveQuery } from 'dexie-react-hooks';
import { useRegistry } from '../../app/RegistryContext';
import type { ExchangeLogEntry, PeerEntry } from '../../db/RegistryDb';

/** The installations this one has exchanged with, by name. */
export function usePeers(): PeerEntry[] | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => db.peers.toArray(), [db]);
}

/** The exchange log, newest first. */
export function useExchangeLog(): ExchangeLogEntry[] | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => db.exchangeLog.orderBy('at').reverse().limit(200).toArray(), [db]);
}

/** This registry's id (meta), shown so IT can tell installations of different registries apart. */
export function useRegistryId(): string | undefined {
  const { db } = useRegistry();
  return useLiveQuery(async () => {
    const entry = await db.meta.get('registryId');
    return typeof entry?.value === 'string' ? entry.value : undefined;
  }, [db]);
}
