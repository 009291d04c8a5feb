import { useLiveQuery } from 'dexie-react-hooks';
import { useRegistry } from '../../app/RegistryContext';
import type { RegistryDb } from '../../db/RegistryDb';

/**
 * Every area code in the registry with the id of the area holding it, areas in Trash included:
 * a code must stay unique across them, since a restored area takes its code back.
 */
export async function loadAreaCodes(db: RegistryDb): Promise<Map<string, string>> {
  const areas = await db.areas.toArray();
  return new Map(areas.map((area) => [area.code, area.id]));
}

/** The area codes, live: undefined while loading. */
export function useAreaCodes(): Map<string, string> | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadAreaCodes(db), [db]);
}
