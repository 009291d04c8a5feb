import { afterEach, describe, expect, it } from 'vitest';
import { createRecord, deleteRecord, MutationError } from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';
import { createTestDb, testContext } from '../../db/testing/testDb';
import { createAreaNamed } from './mutations';
import { loadAreaCodes } from './queries';

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function openDb(): RegistryDb {
  const db = createTestDb();
  opened.push(db);
  return db;
}

describe('createAreaNamed', () => {
  it('stores the name in the language it was typed in, with a code spelled from it', async () => {
    const db = openDb();
    const area = await createAreaNamed(db, '  Könüllü qayıdış ', 'az', testContext());
    expect(area).toMatchObject({
      code: 'konullu-qayidish',
      name: { az: 'Könüllü qayıdış' },
      sensitivity: 'public',
      rev: 1,
    });
    expect(await db.areas.get(area.id)).toMatchObject({ code: 'konullu-qayidish' });
    expect(await db.changes.where('recordId').equals(area.id).count()).toBe(1);
  });

  it('gives the same name a new numbered code, also when the first area is in Trash', async () => {
    const db = openDb();
    const context = testContext();
    const first = await createAreaNamed(db, 'Реадмиссия', 'ru', context);
    await deleteRecord(db, 'areas', first.id, context);
    const second = await createAreaNamed(db, 'Реадмиссия', 'ru', context);
    const third = await createAreaNamed(db, 'readmissiya', 'en', context);
    expect([first.code, second.code, third.code]).toEqual([
      'readmissiya',
      'readmissiya-2',
      'readmissiya-3',
    ]);
    expect(await loadAreaCodes(db)).toEqual(
      new Map([
        ['readmissiya', first.id],
        ['readmissiya-2', second.id],
        ['readmissiya-3', third.id],
      ]),
    );
  });

  it('steers clear of a code an area was given by hand', async () => {
    const db = openDb();
    const context = testContext();
    await createRecord(
      db,
      'areas',
      { code: 'border-management', name: { en: 'Borders' } },
      context,
    );
    const area = await createAreaNamed(db, 'Border management', 'en', context);
    expect(area.code).toBe('border-management-2');
  });

  it('refuses a blank name and a read-only registry, writing nothing', async () => {
    const db = openDb();
    await expect(createAreaNamed(db, '   ', 'en', testContext())).rejects.toMatchObject({
      reason: 'invalid-content',
    });
    const readOnly = { ...testContext(), isReadOnly: true };
    const refused = createAreaNamed(db, 'Visa facilitation', 'en', readOnly);
    await expect(refused).rejects.toBeInstanceOf(MutationError);
    await expect(refused).rejects.toMatchObject({ reason: 'read-only' });
    expect(await db.areas.count()).toBe(0);
  });
});
