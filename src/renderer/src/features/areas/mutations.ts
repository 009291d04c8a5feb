import { uniqueAreaCode } from '@shared/model/areaCode';
import type { Language } from '@shared/model/localizedText';
import type { ThematicArea } from '@shared/model/records';
import { createRecord, type MutationContext } from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';

/**
 * Adds a thematic area known so far only by its name in one language, as forms do when a user
 * types an area that is not in the vocabulary yet. Its code is derived from the name and made
 * unique against every area, those in Trash included (the table's unique code index holds them
 * too), in the same transaction as the write, so two quick adds cannot take the same code.
 */
export function createAreaNamed(
  db: RegistryDb,
  name: string,
  language: Language,
  context: MutationContext,
): Promise<ThematicArea> {
  return db.transaction('rw', ['areas', 'changes', 'links'], async () => {
    const taken = await db.areas.orderBy('code').keys();
    const code = uniqueAreaCode(name, taken.map(String));
    return createRecord(db, 'areas', { code, name: { [language]: name.trim() } }, context);
  });
}
