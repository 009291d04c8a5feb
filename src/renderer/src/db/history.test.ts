import { afterEach, describe, expect, it } from 'vitest';
import { restoreRevision } from '../features/history/mutations';
import { createRecord, deleteRecord, restoreRecord, updateRecord } from './changeTracking';
import { contentAtRevision, loadRecordHistory } from './history';
import type { RegistryDb } from './RegistryDb';
import { createTestDb, testContext } from './testing/testDb';

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('record history', () => {
  it('knows who changed which field when, and what each revision held', async () => {
    const db = createTestDb();
    opened.push(db);
    const laptop = {
      ...testContext('laptop', 'Delegation laptop'),
      newId: () => crypto.randomUUID(),
    };
    const office = { ...laptop, deviceId: 'office', deviceName: 'HQ desktop' };
    const iom = await createRecord(
      db,
      'partners',
      { kind: 'international-organization', name: { en: 'IOM' }, countryCode: 'CH' },
      laptop,
    );
    await updateRecord(db, 'partners', iom.id, { countryCode: 'AT' }, office);
    await deleteRecord(db, 'partners', iom.id, office);
    await restoreRecord(db, 'partners', iom.id, laptop);
    await updateRecord(
      db,
      'partners',
      iom.id,
      { name: { en: 'International Organization for Migration' } },
      laptop,
    );

    const history = await loadRecordHistory(db, iom.id);
    expect(history.map((entry) => [entry.rev, entry.op, entry.deviceName])).toEqual([
      [1, 'create', 'Delegation laptop'],
      [2, 'update', 'HQ desktop'],
      [3, 'delete', 'HQ desktop'],
      [4, 'restore', 'Delegation laptop'],
      [5, 'update', 'Delegation laptop'],
    ]);
    expect(history[1]?.fields).toEqual({ countryCode: { before: 'CH', after: 'AT' } });
    expect(contentAtRevision(history, 1)).toMatchObject({ countryCode: 'CH', name: { en: 'IOM' } });
    expect(contentAtRevision(history, 4)).toMatchObject({ countryCode: 'AT', name: { en: 'IOM' } });
    expect(contentAtRevision(history, 4)).not.toHaveProperty('deletedAt');
    expect(contentAtRevision(history, 9)).toBeNull();
  });

  it('restores an earlier version as a new, logged edit', async () => {
    const db = createTestDb();
    opened.push(db);
    const context = { ...testContext(), newId: () => crypto.randomUUID() };
    const iom = await createRecord(
      db,
      'partners',
      { kind: 'international-organization', name: { en: 'IOM' }, countryCode: 'CH' },
      context,
    );
    await updateRecord(
      db,
      'partners',
      iom.id,
      { countryCode: 'AT', acronym: { en: 'OIM' } },
      context,
    );

    const restored = await restoreRevision(db, 'partners', iom.id, 1, context);
    expect(restored).toMatchObject({
      rev: 3,
      countryCode: 'CH',
      acronym: null,
      name: { en: 'IOM' },
    });
    const last = (await loadRecordHistory(db, iom.id)).at(-1);
    expect(last?.fields).toEqual({
      countryCode: { before: 'AT', after: 'CH' },
      acronym: { before: { en: 'OIM' }, after: null },
    });
    await expect(restoreRevision(db, 'partners', iom.id, 7, context)).rejects.toMatchObject({
      reason: 'not-found',
    });
  });
});
