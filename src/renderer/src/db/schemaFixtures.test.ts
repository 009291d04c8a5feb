import { indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSchemas, RECORD_KINDS } from '@shared/model/records';
import {
  backUpBeforeMigration,
  type BackupRequest,
  type CreateBackup,
} from '../features/backup/backupRegistry';
import { readRegistryTables } from '../features/backup/registryTables';
import type { RegistryDb } from './RegistryDb';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema';
import { installSchemaFixture, type SchemaFixture } from './testing/schemaFixture';
import { openTestDbAt } from './testing/testDb';

/**
 * Schema upgrades (issue 9): a registry as each shipped version stored it (committed fixtures,
 * tests/fixtures/schemas/v<N>.json) opens in this build with every row intact, after a backup of
 * its rows as they were. A version without a fixture fails here until one is committed.
 */

const fixtures = import.meta.glob<SchemaFixture>('../../../../tests/fixtures/schemas/v*.json', {
  eager: true,
  import: 'default',
});
const fixtureFor = (version: number) =>
  fixtures[`../../../../tests/fixtures/schemas/v${version}.json`];

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('a registry written by every shipped schema version', () => {
  it('has a committed fixture for every version', () => {
    for (const { version } of SCHEMA_VERSIONS) {
      expect(
        fixtureFor(version),
        `Schema version ${version} has no fixture: run tests/fixtures/schemas/write-fixture.sh ${version} and commit tests/fixtures/schemas/v${version}.json`,
      ).toBeDefined();
    }
  });

  for (const { version } of SCHEMA_VERSIONS) {
    it(`opens from version ${version} with every row intact, backed up first when it upgrades`, async () => {
      const fixture = fixtureFor(version);
      if (!fixture) {
        throw new Error(
          `Schema version ${version} has no fixture: run tests/fixtures/schemas/write-fixture.sh ${version} and commit tests/fixtures/schemas/v${version}.json`,
        );
      }
      expect(fixture.schemaVersion).toBe(version);
      const name = `schema-fixture-v${version}-${crypto.randomUUID()}`;
      await installSchemaFixture(name, fixture);

      // What the app does at start: back up the old rows as they are, then let Dexie upgrade.
      const requests: BackupRequest[] = [];
      const createBackup: CreateBackup = (request) => {
        requests.push(request);
        return Promise.resolve({
          status: 'written',
          fileName: 'before-migration.zip',
          folder: '/backups',
          size: 1,
          createdAt: '2026-11-27T08:00:00.000Z',
          attachments: 0,
          skippedAttachments: [],
          deleted: [],
        });
      };
      const outcome = await backUpBeforeMigration({
        indexedDB,
        databaseName: name,
        latestVersion: LATEST_SCHEMA_VERSION,
        createBackup,
      });
      if (version < LATEST_SCHEMA_VERSION) {
        expect(outcome).toBe('backed-up');
        expect(requests).toHaveLength(1);
        expect(requests[0]).toMatchObject({ reason: 'before-migration', schemaVersion: version });
        const backedUp = Object.fromEntries(
          requests[0]!.tables.map((table) => [table.name, table.rows]),
        );
        for (const [table, rows] of Object.entries(fixture.tables)) {
          expect(backedUp[table], `rows of ${table} in the backup`).toBe(rows.length);
        }
      } else {
        expect(outcome).toBe('not-needed');
        expect(requests).toEqual([]);
      }

      const db = openTestDbAt(name, SCHEMA_VERSIONS);
      opened.push(db);
      await db.openChecked();
      expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
      const after = await readRegistryTables(db);
      for (const [table, rows] of Object.entries(fixture.tables)) {
        expect(after[table], `table ${table}`).toEqual(rows);
      }
      // Every record still satisfies this build's model, and is found through its indexes.
      for (const kind of RECORD_KINDS) {
        for (const record of fixture.tables[kind] ?? []) {
          const { success, error } = contentSchemas[kind].safeParse(record);
          expect(error?.issues ?? [], `${kind} ${String(record.id)}`).toEqual([]);
          expect(success).toBe(true);
        }
        const trashed = (fixture.tables[kind] ?? []).filter((row) => row.deletedAt !== null);
        expect(await db.recordTable(kind).where('deletedAt').above('').count(), kind).toBe(
          trashed.length,
        );
      }
      const agreementsWithExpiry = (fixture.tables.agreements ?? []).filter(
        (row) => typeof row.expiryDate === 'string',
      );
      expect(await db.agreements.where('expiryDate').above('').count()).toBe(
        agreementsWithExpiry.length,
      );
    });
  }
});
