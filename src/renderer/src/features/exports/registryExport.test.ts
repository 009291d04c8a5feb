import { describe, expect, it } from 'vitest';
import { findDuplicates } from '@shared/import/findDuplicates';
import { readImportFile } from '@shared/import/readImportFile';
import { SNAPSHOT_KINDS, validateSnapshot } from '@shared/import/readSnapshot';
import { partialDatePrecision } from '@shared/model/partialDate';
import { RECORD_KINDS, type RecordKind, type StoredRecord } from '@shared/model/records';
import { snapshotRecord } from '@shared/formats/json';
import { generateRegistry } from '../../../../../tests/fixtures/generateRegistry';
import sample from '../../../../../resources/sample-registry.json';
import { createRecords, deleteRecord } from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';
import { freshDbsClosedAfterEach, testContext } from '../../db/testing/testDb';
import { commitImport } from '../import/commitImport';
import { loadRegistryLookups } from '../import/registryLookups';
import { exportRegistry } from './registryExport';

const freshDb = freshDbsClosedAfterEach();

const importContext = () => ({
  ...testContext('device-hq', 'HQ'),
  newId: () => crypto.randomUUID(),
});

/** Fills a registry through the change-tracked write path, as people and imports do. */
async function fill(db: RegistryDb, records: { [K in RecordKind]?: readonly { id: string }[] }) {
  const context = importContext();
  for (const kind of SNAPSHOT_KINDS) {
    const entries = (records[kind] ?? []).map((record) => {
      const { id, ...input } = snapshotRecord(kind, record as StoredRecord<typeof kind>);
      return { id, input };
    });
    if (entries.length > 0) await createRecords(db, kind, entries as never, context);
  }
}

/** The wizard's path for a registry JSON file, without the UI: read, check, find duplicates, commit. */
async function importFile(db: RegistryDb, bytes: Uint8Array) {
  const parsed = await readImportFile('registry.json', bytes);
  if (parsed.format !== 'json') throw new Error(`Read as ${parsed.format}`);
  const lookups = await loadRegistryLookups(db, SNAPSHOT_KINDS, 'en');
  const plans = validateSnapshot(parsed.snapshot);
  const checked = SNAPSHOT_KINDS.flatMap((kind) =>
    findDuplicates(
      plans.filter((plan) => plan.kind === kind),
      lookups.existing[kind] ?? [],
    ),
  );
  return commitImport(db, checked, new Map(), importContext());
}

/** A registry's live content, record for record, without change metadata, keyed by kind. */
async function contentOf(db: RegistryDb) {
  const content: Record<string, unknown[]> = {};
  for (const kind of RECORD_KINDS) {
    const live = (await db.recordTable(kind).toArray()).filter((record) => !record.deletedAt);
    content[kind] = live
      .map((record) => snapshotRecord(kind, record))
      .sort((a, b) => a.id.localeCompare(b.id));
  }
  return content;
}

/** The link index: who points at whom, through which field, sorted so two registries compare. */
async function linksOf(db: RegistryDb) {
  return (await db.links.toArray())
    .map((link) => `${link.sourceKind}/${link.sourceId} ${link.field} → ${link.targetId}`)
    .sort();
}

describe('exportRegistry → import into an empty registry', () => {
  it('gives back a registry equal record for record, links and partial dates included', async () => {
    const generated = generateRegistry(3_000, 7);
    const original = freshDb();
    await fill(original, generated);

    const exported = await exportRegistry(original, 'Registry 2026-11-27');
    expect(exported.total).toBe(RECORD_KINDS.reduce((sum, k) => sum + generated[k].length, 0));

    const copy = freshDb();
    const report = await importFile(copy, exported.bytes);
    expect(report).toMatchObject({ created: exported.total, rejected: 0, skipped: 0 });

    const [before, after] = [await contentOf(original), await contentOf(copy)];
    for (const kind of RECORD_KINDS) expect(after[kind], kind).toEqual(before[kind]);
    expect(await linksOf(copy)).toEqual(await linksOf(original));
    expect((await linksOf(copy)).length).toBeGreaterThan(1_000);

    // The generator writes dates of every precision; a year stays a year, not 1 January.
    const starts = after.events!.map((event) => (event as { startDate: string | null }).startDate);
    for (const precision of ['year', 'month', 'day'] as const) {
      expect(starts.some((date) => partialDatePrecision(date) === precision)).toBe(true);
    }
  });

  it('keeps the sample registry’s Azerbaijani and Russian text, and leaves Trash out', async () => {
    const original = freshDb();
    await fill(original, sample.records);
    const trashed = sample.records.events[0]!.id;
    await deleteRecord(original, 'events', trashed, importContext());

    const exported = await exportRegistry(original, 'Sample');
    expect(exported.counts.events).toBe(sample.records.events.length - 1);
    const text = new TextDecoder().decode(exported.bytes);
    expect(text).toContain('Beynəlxalq Miqrasiya Təşkilatı');
    expect(text).toContain('Международная организация по миграции');
    expect(text).not.toContain(trashed);

    const copy = freshDb();
    await importFile(copy, exported.bytes);
    expect(await contentOf(copy)).toEqual(await contentOf(original));
    expect(await copy.events.get(trashed)).toBeUndefined();
  });

  it('importing the same file again creates nothing: every record is found by its id', async () => {
    const original = freshDb();
    await fill(original, sample.records);
    const { bytes, total } = await exportRegistry(original, 'Sample');
    const report = await importFile(original, bytes);
    expect(report).toMatchObject({ created: 0, skipped: total });
  });
});
