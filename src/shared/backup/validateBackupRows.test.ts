import { describe, expect, it } from 'vitest';
import { BackupRowError, validateBackupRows } from './validateBackupRows';
import type { BackupRow } from './backupTables';

const ID = {
  partner: '3f2b8c1e-5a4d-4e6f-9a1b-2c3d4e5f6a01',
  person: '3f2b8c1e-5a4d-4e6f-9a1b-2c3d4e5f6a02',
  view: '3f2b8c1e-5a4d-4e6f-9a1b-2c3d4e5f6a03',
  registry: '3f2b8c1e-5a4d-4e6f-9a1b-2c3d4e5f6a04',
};
const AT = '2026-11-01T09:00:00.000Z';
const meta = { createdAt: AT, updatedAt: AT, rev: 1, changedBy: 'laptop-baku', deletedAt: null };

/** One row of every table, each as the app's own writes leave it (a backup JSON-decodes these). */
function registry(): Record<string, BackupRow[]> {
  return {
    partners: [
      {
        id: ID.partner,
        ...meta,
        kind: 'international-organization',
        name: { en: 'IOM', az: 'BMqT' },
        acronym: null,
        parentId: null,
        countryCode: null,
        mode: 'multilateral',
        isOwnSide: false,
        membershipFacts: [],
        areaIds: [],
        tagIds: [],
        notes: null,
        sensitivity: 'public',
      },
    ],
    people: [
      {
        id: ID.person,
        ...meta,
        name: { ru: 'Иванов' },
        honorific: null,
        positions: [],
        contacts: [],
        languages: ['ru'],
        areaIds: [],
        tagIds: [],
        notes: null,
        sensitivity: 'restricted',
      },
    ],
    changes: [
      {
        seq: 1,
        recordKind: 'partners',
        recordId: ID.partner,
        rev: 1,
        at: AT,
        deviceId: 'laptop-baku',
        deviceName: 'Bakı',
        op: 'create',
        fields: { name: { before: null, after: { en: 'IOM' } } },
      },
    ],
    links: [{ sourceKind: 'people', sourceId: ID.person, field: 'tagIds', targetId: ID.partner }],
    meta: [
      { key: 'registryId', value: ID.registry },
      { key: 'importMappings', value: [{ id: 'm1', columns: [] }] },
    ],
    savedViews: [{ id: ID.view, kind: 'partners', name: 'BMqT', query: 'q=iom', createdAt: AT }],
    fieldVersions: [
      {
        recordId: ID.partner,
        recordKind: 'partners',
        rev: 1,
        vv: { 'laptop-baku': 1 },
        dots: { name: { d: 'laptop-baku', c: 1 } },
      },
    ],
    peers: [
      {
        deviceId: 'laptop-ganja',
        deviceName: 'Gəncə',
        lastSentSeq: 1,
        lastSentAt: AT,
        lastReceivedAt: null,
        lastReceivedBundleId: null,
      },
    ],
    exchangeLog: [
      {
        id: 1,
        at: AT,
        direction: 'export',
        peerId: 'laptop-ganja',
        peerName: 'Gəncə',
        bundleId: ID.view,
        fileName: 'to-ganja.crbundle',
        result: 'done',
        problem: null,
        counts: {
          records: 1,
          created: 0,
          changed: 0,
          deleted: 0,
          conflicts: 0,
          deferred: 0,
          attachments: 0,
        },
      },
    ],
  };
}

/** The refusal validating `tables` ends in; fails the test when they are accepted. */
function refusalOf(tables: Record<string, BackupRow[]>): BackupRowError {
  try {
    validateBackupRows(tables);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupRowError);
    return error as BackupRowError;
  }
  throw new Error('The rows were accepted');
}

function withRow(table: string, index: number, change: Record<string, unknown>) {
  const tables = registry();
  const rows = tables[table]!;
  rows[index] = { ...rows[index], ...change };
  return tables;
}

describe('validating a backup’s rows', () => {
  it('accepts the rows of every table as the app writes them, in the shape a write gives', () => {
    const tables = registry();
    delete tables.partners![0]!.membershipFacts;
    const valid = validateBackupRows(tables);
    expect(valid).toEqual({ ...registry() });
    // A field a write fills with its default comes back filled.
    expect(valid.partners![0]!.membershipFacts).toEqual([]);
  });

  it('refuses a record id that is not a UUID, naming the table, the row and the field', () => {
    const refused = refusalOf(withRow('partners', 0, { id: '../../etc/passwd' }));
    expect(refused).toMatchObject({
      table: 'partners',
      row: 1,
      problem: {
        kind: 'invalid-field',
        issue: 'bad-format',
        field: 'id',
        value: '../../etc/passwd',
      },
    });
    expect(refused.message).toBe('Row 1 of the table “partners” is invalid: id: Invalid UUID');
  });

  it('refuses a sensitivity level the registry does not have', () => {
    expect(refusalOf(withRow('people', 0, { sensitivity: 'top-secret' }))).toMatchObject({
      table: 'people',
      row: 1,
      problem: { issue: 'not-allowed', field: 'sensitivity', value: 'top-secret' },
    });
  });

  it('says whether a field is missing, of the wrong type or too long', () => {
    const tables = registry();
    delete tables.partners![0]!.createdAt;
    expect(refusalOf(tables).problem).toMatchObject({ issue: 'missing', field: 'createdAt' });
    expect(refusalOf(withRow('partners', 0, { rev: '1' })).problem).toMatchObject({
      issue: 'wrong-type',
      field: 'rev',
      value: '1',
    });
    expect(refusalOf(withRow('savedViews', 0, { name: 'x'.repeat(81) })).problem).toMatchObject({
      issue: 'too-long',
      field: 'name',
      value: `${'x'.repeat(59)}…`,
    });
  });

  it('refuses partial dates the calendar lacks and links that are not ids', () => {
    expect(
      refusalOf(
        withRow('people', 0, {
          positions: [{ id: ID.view, title: { en: 'Head' }, from: '2014-02-30' }],
        }),
      ).problem,
    ).toMatchObject({ issue: 'invalid', field: 'positions.0.from', value: '2014-02-30' });
    expect(refusalOf(withRow('links', 0, { targetId: 'not-an-id' }))).toMatchObject({
      table: 'links',
      problem: { field: 'targetId' },
    });
  });

  it('refuses bookkeeping rows a write would not make', () => {
    expect(refusalOf(withRow('changes', 0, { op: 'drop' })).problem).toMatchObject({
      field: 'op',
    });
    expect(refusalOf(withRow('meta', 0, { value: 'registry-1' })).problem).toMatchObject({
      field: 'value',
    });
    expect(refusalOf(withRow('fieldVersions', 0, { vv: { a: -1 } })).problem).toMatchObject({
      field: 'vv.a',
    });
    expect(refusalOf(withRow('exchangeLog', 0, { result: 'pwned' })).table).toBe('exchangeLog');
  });

  it('refuses two rows under one key, and a record id under two kinds', () => {
    const twice = registry();
    twice.partners!.push({ ...twice.partners![0]!, name: { en: 'Copy' } });
    expect(refusalOf(twice)).toMatchObject({
      table: 'partners',
      row: 2,
      problem: { kind: 'duplicate-key', key: ID.partner },
    });
    const links = registry();
    links.links!.push({ ...links.links![0]! });
    expect(refusalOf(links)).toMatchObject({ table: 'links', row: 2 });

    const twoKinds = withRow('people', 0, { id: ID.partner });
    expect(refusalOf(twoKinds)).toMatchObject({
      table: 'people',
      row: 1,
      problem: { kind: 'id-in-two-kinds', id: ID.partner, otherTable: 'partners' },
    });
  });

  it('refuses tables this version does not have, whatever their name', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'attachments']) {
      const tables = registry();
      Object.defineProperty(tables, name, { value: [], enumerable: true });
      expect(refusalOf(tables), name).toMatchObject({
        table: name,
        row: 0,
        problem: { kind: 'unknown-table' },
      });
    }
  });

  it('shows a refused value without the characters that would disguise it', () => {
    expect(
      refusalOf(withRow('people', 0, { sensitivity: 'pub\u202Ecil\u0007' })).problem,
    ).toMatchObject({ value: 'pubcil' });
    // Every character the app's file names lose too (the Arabic letter mark, the word joiner and an
    // invisible operator, the line and paragraph separators, a Hangul filler), and a C1 control.
    expect(
      refusalOf(
        withRow('people', 0, {
          sensitivity: '\u061Ctop\u2060-\u2063se\u2028cr\u2029et\u3164\u0085',
        }),
      ).problem,
    ).toMatchObject({ value: 'top-secret' });
  });
});
