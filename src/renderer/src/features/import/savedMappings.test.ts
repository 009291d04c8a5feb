import { afterEach, describe, expect, it } from 'vitest';
import type { ImportMapping } from '@shared/import/guessMapping';
import type { RegistryDb } from '../../db/RegistryDb';
import { createTestDb } from '../../db/testing/testDb';
import {
  applySavedMapping,
  deleteSavedMapping,
  listSavedMappings,
  saveMapping,
  savedMappingFit,
  SAVED_MAPPINGS_KEY,
} from './savedMappings';

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const mapping: ImportMapping = {
  kind: 'events',
  columns: [
    { field: 'title', language: 'ru' },
    { field: null, language: 'en' },
    { field: 'startDate', language: 'en' },
  ],
  defaults: { kind: 'conference' },
};

describe('saved mappings', () => {
  it('are kept in the registry and apply to a file with the columns in another order', async () => {
    const db = createTestDb();
    opened.push(db);
    await saveMapping(
      db,
      'Protocol department',
      ['Мероприятие', 'Комментарий', 'Дата'],
      mapping,
      new Date(),
    );
    const [saved] = await listSavedMappings(db);
    expect(saved).toMatchObject({ name: 'Protocol department', kind: 'events' });

    const headers = ['ДАТА', 'Город', 'мероприятие'];
    expect(savedMappingFit(saved!, headers)).toBe(2);
    expect(applySavedMapping(saved!, headers)).toEqual({
      kind: 'events',
      columns: [
        { field: 'startDate', language: 'en' },
        { field: null, language: 'en' },
        { field: 'title', language: 'ru' },
      ],
      defaults: { kind: 'conference' },
    });
  });

  it('replace one of the same kind and name, and can be deleted', async () => {
    const db = createTestDb();
    opened.push(db);
    await saveMapping(db, 'Events', ['A'], mapping, new Date());
    await saveMapping(db, 'events', ['B'], mapping, new Date());
    await saveMapping(db, 'Events', ['C'], { ...mapping, kind: 'people' }, new Date());
    const list = await listSavedMappings(db);
    expect(list.map((entry) => [entry.name, entry.kind, entry.columns[0]?.header])).toEqual([
      ['events', 'events', 'b'],
      ['Events', 'people', 'c'],
    ]);
    await deleteSavedMapping(db, list[0]!.id);
    expect((await listSavedMappings(db)).map((entry) => entry.kind)).toEqual(['people']);
  });

  it('leave out an entry they cannot read instead of failing', async () => {
    const db = createTestDb();
    opened.push(db);
    await db.meta.put({ key: SAVED_MAPPINGS_KEY, value: [{ id: 'x', name: 'broken' }] });
    expect(await listSavedMappings(db)).toEqual([]);
  });
});
