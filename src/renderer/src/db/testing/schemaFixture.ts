import type { RegistrySnapshot } from '@shared/model/registrySnapshot';
import sample from '../../../../../resources/sample-registry.json';
import { loadSnapshot } from '../../features/sample/loadSnapshot';
import { readRegistryTables, type RegistryTables } from '../../features/backup/registryTables';
import { createRecord, deleteRecord, restoreRecord, updateRecord } from '../changeTracking';
import { SCHEMA_VERSIONS } from '../schema';
import { openTestDbAt, testContext } from './testDb';

/**
 * A registry as one schema version stored it: every table's rows, exactly as IndexedDB held them.
 * Committed as tests/fixtures/schemas/v<N>.json for each version that ships, so every later
 * version is tested against what users' disks really hold.
 */
export type SchemaFixture = {
  schemaVersion: number;
  /** What made the file, for the engineer who wonders whether to regenerate it (never: append). */
  note: string;
  tables: RegistryTables;
};

const REGISTRY_ID = '5e0b4c1e-0000-4000-8000-0000000f1707';

/**
 * Builds the fixture for `version` with that version's own store definitions: the sample registry
 * (IOM and every partner kind, agreements with dated steps), the kinds the sample lacks, partial
 * dates of every precision, edits, a record in Trash, a restored one, links of every kind and,
 * where the version has them, saved views. Deterministic: the same version gives the same file.
 */
export async function buildSchemaFixture(version: number): Promise<SchemaFixture> {
  const versions = SCHEMA_VERSIONS.filter((schema) => schema.version <= version);
  if (versions.at(-1)?.version !== version) throw new Error(`No schema version ${version}`);
  const db = openTestDbAt(`schema-fixture-${version}-${crypto.randomUUID()}`, versions);
  try {
    const context = testContext('laptop-baku', 'Bakı noutbuku');
    await loadSnapshot(db, sample as unknown as RegistrySnapshot, context);
    const partnerId = sample.records.partners.find(
      (partner) => partner.name.en === 'International Organization for Migration',
    )?.id;
    if (!partnerId) throw new Error('The sample registry has no IOM');
    const tag = await createRecord(db, 'tags', { label: 'Readmissiya', color: '#1e88e5' }, context);
    const person = await createRecord(
      db,
      'people',
      {
        name: { az: 'Əli Həsənov', ru: 'Али Гасанов', en: 'Ali Hasanov' },
        positions: [
          {
            id: '00000000-0000-4000-8000-0000000000a1',
            organizationId: partnerId,
            title: { en: 'Head of mission' },
            from: '2019-09',
            to: null,
          },
        ],
        contacts: [{ kind: 'email', value: 'a.hasanov@example.org' }],
        languages: ['az', 'ru', 'en'],
        tagIds: [tag.id],
      },
      context,
    );
    const followUp = await createRecord(
      db,
      'followUps',
      {
        title: { az: 'Protokolun layihəsini göndərmək', en: 'Send the draft protocol' },
        ownerPersonId: person.id,
        dueDate: '2026-12',
        status: 'in-progress',
        sourceId: partnerId,
      },
      context,
    );
    await createRecord(
      db,
      'documents',
      {
        title: { ru: 'Меморандум о сотрудничестве (скан)' },
        documentDate: '2014',
        file: {
          sha256: 'a'.repeat(64),
          name: 'Memorandum 2014.pdf',
          mediaType: 'application/pdf',
          size: 182_044,
        },
        linkedRecordIds: [partnerId, followUp.id],
      },
      context,
    );
    const done = await createRecord(
      db,
      'followUps',
      { title: { en: 'Book the meeting room' }, dueDate: '2016-03-05', status: 'done' },
      context,
    );
    await updateRecord(
      db,
      'followUps',
      followUp.id,
      { status: 'done', dueDate: '2026-11-20' },
      context,
    );
    const agreement = sample.records.agreements[0];
    if (agreement) {
      // Dates the version-3 indexes must find in rows written before those indexes existed.
      await updateRecord(
        db,
        'agreements',
        agreement.id,
        { termMonths: 36, expiryDate: '2027-03', renewalNoticeDate: '2026-12-05' },
        context,
      );
    }
    await deleteRecord(db, 'followUps', done.id, context);
    await deleteRecord(db, 'people', person.id, context);
    await restoreRecord(db, 'people', person.id, context);
    const trashed = sample.records.events.at(-1);
    if (trashed) await deleteRecord(db, 'events', trashed.id, context);
    await db.meta.put({ key: 'registryId', value: REGISTRY_ID });
    if (db.tables.some((table) => table.name === 'savedViews')) {
      await db.table('savedViews').put({
        id: 'view-expiring',
        kind: 'agreements',
        name: 'Müddəti bitənlər',
        query: 'sort=expiryDate&status=in-force',
        createdAt: '2026-11-01T09:00:00.000Z',
      });
    }
    return {
      schemaVersion: version,
      note: `Registry at schema version ${version}, written by buildSchemaFixture (src/renderer/src/db/testing/schemaFixture.ts) with that version's stores. Never edit; add the next version's file instead.`,
      tables: await readRegistryTables(db),
    };
  } finally {
    db.close();
  }
}

/** Writes a fixture's rows into a new database at its own schema version, as a user's disk holds it. */
export async function installSchemaFixture(name: string, fixture: SchemaFixture): Promise<void> {
  const versions = SCHEMA_VERSIONS.filter((schema) => schema.version <= fixture.schemaVersion);
  const db = openTestDbAt(name, versions);
  try {
    await db.open();
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        await table.clear();
        const rows = fixture.tables[table.name];
        if (rows && rows.length > 0) await table.bulkAdd(rows);
      }
    });
    const missing = Object.keys(fixture.tables).filter(
      (table) => !db.tables.some((known) => known.name === table),
    );
    if (missing.length > 0)
      throw new Error(
        `The fixture has tables v${fixture.schemaVersion} lacks: ${missing.join(', ')}`,
      );
  } finally {
    db.close();
  }
}
