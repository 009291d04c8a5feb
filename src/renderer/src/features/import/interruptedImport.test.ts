import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportTable } from '@shared/import/cells';
import { findDuplicates } from '@shared/import/findDuplicates';
import { guessMapping } from '@shared/import/guessMapping';
import { NameIndex } from '@shared/import/nameIndex';
import { readSnapshot, validateSnapshot } from '@shared/import/readSnapshot';
import { validateTable } from '@shared/import/validateRows';
import sample from '../../../../../resources/sample-registry.json';
import { createRecord, deleteRecord, updateRecord } from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';
import { failStoreWritesAfter } from '../../db/testing/injectFailure';
import { createTestDb, testContext } from '../../db/testing/testDb';
import { readRegistryTables } from '../backup/registryTables';
import { commitImport } from './commitImport';
import { loadRegistryLookups } from './registryLookups';

/**
 * Interrupted work (issue 9): an import that fails midway, after part of it was written and its
 * progress shown, leaves every table of the registry exactly as it was before, row for row.
 */

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const context = () => ({ ...testContext('laptop-baku', 'Bakı'), newId: () => crypto.randomUUID() });

/** A registry with history, links, a record in Trash and partial dates, as users have them. */
async function seededRegistry() {
  const db = createTestDb();
  opened.push(db);
  const ctx = context();
  const iom = await createRecord(
    db,
    'partners',
    { kind: 'international-organization', name: { en: 'IOM', az: 'BMqT' }, mode: 'multilateral' },
    ctx,
  );
  const gone = await createRecord(
    db,
    'partners',
    { kind: 'state', name: { en: 'Old state' } },
    ctx,
  );
  await deleteRecord(db, 'partners', gone.id, ctx);
  await updateRecord(db, 'partners', iom.id, { acronym: { en: 'IOM' } }, ctx);
  await createRecord(
    db,
    'events',
    {
      kind: 'expert-meeting',
      title: { az: 'Bakı görüşü' },
      startDate: '2016-12',
      partnerIds: [iom.id],
    },
    ctx,
  );
  return db;
}

/** A CSV of `count` partners, planned as the wizard plans it. */
async function plannedPartners(db: RegistryDb, count: number) {
  const table: ImportTable = {
    name: 'partners.csv',
    headers: ['Name', 'Type', 'Country'],
    rows: Array.from({ length: count }, (_, index) => ({
      rowNumber: index + 2,
      cells: [`Partner ${index} — Tərəfdaş ${index}`, 'state-authority', 'Azerbaijan'],
    })),
  };
  const mapping = guessMapping('partners', table);
  const lookups = await loadRegistryLookups(db, ['partners'], 'en');
  const plans = validateTable(table, mapping, {
    partners: new NameIndex(lookups.partners),
    people: new NameIndex(lookups.people),
    newId: () => crypto.randomUUID(),
  });
  const planned = findDuplicates(plans, lookups.existing.partners ?? [], new Map());
  expect(planned.every((plan) => plan.problems.length === 0)).toBe(true);
  return planned;
}

describe('an import interrupted midway', () => {
  it('leaves every table as it was, wherever the disk fails: first write, middle, last', async () => {
    const rows = 2_500;
    for (const failAfter of [0, 1_500, 2 * rows - 1]) {
      const db = await seededRegistry();
      const plans = await plannedPartners(db, rows);
      const before = await readRegistryTables(db);
      const progress: number[] = [];
      const attempts = failStoreWritesAfter(failAfter);
      const error: unknown = await commitImport(db, plans, new Map(), context(), (done) =>
        progress.push(done),
      ).catch((caught: unknown) => caught);
      expect(attempts.attempted).toBeGreaterThan(failAfter);
      expect(String(error)).toMatch(/QuotaExceeded|disk is full/);
      // Restore the real store before reading, so nothing of the failure leaks into the check.
      vi.restoreAllMocks();
      expect(await readRegistryTables(db), `failing after ${failAfter} writes`).toEqual(before);
    }
  });

  it('leaves the registry as it was when the work around the writes fails midway', async () => {
    const db = await seededRegistry();
    const plans = await plannedPartners(db, 4_500);
    const before = await readRegistryTables(db);
    // The first chunk of 2,000 is written and reported; then the caller fails (a crash mid-import).
    const error: unknown = await commitImport(db, plans, new Map(), context(), (done) => {
      if (done >= 2_000) throw new Error('The window was closed midway');
    }).catch((caught: unknown) => caught);
    expect(String(error)).toMatch(/closed midway/);
    expect(await readRegistryTables(db)).toEqual(before);
  });

  it('imports the registry’s own JSON all or nothing too', async () => {
    const db = await seededRegistry();
    const plans = validateSnapshot(readSnapshot(JSON.stringify(sample)));
    const before = await readRegistryTables(db);
    failStoreWritesAfter(plans.length);
    await expect(commitImport(db, plans, new Map(), context())).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await readRegistryTables(db)).toEqual(before);
    // And with the disk working again the same import goes through whole.
    const report = await commitImport(db, plans, new Map(), context());
    expect(report.created).toBe(plans.length);
  });
});
