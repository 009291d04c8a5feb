import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { REGISTRY_TABLES, type TableKeys } from '@shared/model/registryRows';
import { SCHEMA_VERSIONS } from './schema';

const fields = (keyPath: string | string[] | null | undefined): string[] =>
  keyPath === null || keyPath === undefined
    ? []
    : typeof keyPath === 'string'
      ? [keyPath]
      : keyPath;

/**
 * A restore checks every row against REGISTRY_TABLES (validateBackupRows) and then writes it into
 * the database; the database's own unique indexes would otherwise refuse a duplicate halfway
 * through, or a table the checks do not know would go in unchecked. So the two must describe the
 * same tables with the same keys, as Dexie itself reads the newest schema version.
 */
describe('REGISTRY_TABLES', () => {
  it('names the tables, primary keys and unique indexes of the newest schema version', () => {
    const latest = SCHEMA_VERSIONS.at(-1);
    if (!latest) throw new Error('There is no schema version');
    const db = new Dexie('registry-tables-keys', { indexedDB, IDBKeyRange });
    db.version(latest.version).stores(latest.stores);

    const inSchema = Object.fromEntries(
      db.tables.map((table): [string, TableKeys] => [
        table.name,
        {
          primary: fields(table.schema.primKey.keyPath),
          unique: table.schema.indexes.filter((index) => index.unique).map((index) => index.name),
        },
      ]),
    );
    const checked = Object.fromEntries(
      Object.entries(REGISTRY_TABLES).map(([name, { keys }]) => [
        name,
        { primary: [...keys.primary], unique: [...keys.unique] },
      ]),
    );
    expect(checked).toEqual(inSchema);
    // The one unique index besides the primary keys today, so the comparison above has teeth.
    expect(inSchema.areas?.unique).toEqual(['code']);
  });
});
