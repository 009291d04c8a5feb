import { describe, expect, it } from 'vitest';
import type { ImportTable } from '@shared/import/cells';
import { findDuplicates } from '@shared/import/findDuplicates';
import { guessMapping, type ImportMapping } from '@shared/import/guessMapping';
import { NameIndex } from '@shared/import/nameIndex';
import { validateSnapshot, readSnapshot } from '@shared/import/readSnapshot';
import type { DuplicateDecision, RowPlan } from '@shared/import/rowPlan';
import { validateTable } from '@shared/import/validateRows';
import type { RecordKind } from '@shared/model/records';
import sample from '../../../../../resources/sample-registry.json';
import { createRecord, deleteRecord } from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';
import { freshDbsClosedAfterEach, testContext } from '../../db/testing/testDb';
import { commitImport, ImportConflictError } from './commitImport';
import { loadRegistryLookups } from './registryLookups';

/** Real UUIDs: several imports into one registry must not reuse the test clock's ids. */
const importContext = () => ({ ...testContext(), newId: () => crypto.randomUUID() });

const freshDb = freshDbsClosedAfterEach();

const table = (headers: string[], ...rows: string[][]): ImportTable => ({
  name: 'sheet',
  headers,
  rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells })),
});

/** The wizard's path without the UI: look the registry up, validate, find duplicates. */
async function plan(db: RegistryDb, data: ImportTable, mapping: ImportMapping): Promise<RowPlan[]> {
  const lookups = await loadRegistryLookups(db, [mapping.kind], 'en');
  let id = 0;
  const plans = validateTable(data, mapping, {
    partners: new NameIndex(lookups.partners),
    people: new NameIndex(lookups.people),
    newId: () => `aaaaaaaa-0000-4000-8000-${String(++id).padStart(12, '0')}`,
  });
  return findDuplicates(
    plans,
    lookups.existing[mapping.kind] ?? [],
    new Map(Object.entries(lookups.references[mapping.kind] ?? {})),
  );
}

async function live<K extends RecordKind>(db: RegistryDb, kind: K) {
  return (await db.recordTable(kind).toArray()).filter((record) => record.deletedAt === null);
}

const PARTNERS = table(
  ['Name', 'Название', 'Type', 'Country', 'Ref'],
  [
    'International Organization for Migration',
    'Международная организация по миграции',
    'International organization',
    '',
    'P-1',
  ],
  ['Kingdom of the Netherlands', 'Королевство Нидерландов', 'state', 'Netherlands', 'P-2'],
  ['Atlantis', '', 'spaceship', 'Atlantis', 'P-3'],
);

describe('commitImport', () => {
  it('creates the good rows through change tracking and leaves out the rows with problems', async () => {
    const db = freshDb();
    const plans = await plan(db, PARTNERS, guessMapping('partners', PARTNERS));
    expect(plans.map((p) => p.problems.map((problem) => problem.code))).toEqual([
      [],
      [],
      ['enumUnknown', 'countryUnknown'],
    ]);
    const progress: [number, number][] = [];
    const report = await commitImport(db, plans, new Map(), importContext(), (done, total) =>
      progress.push([done, total]),
    );
    expect(report).toMatchObject({ created: 2, updated: 0, skipped: 0, rejected: 1 });
    expect(progress.at(-1)).toEqual([2, 2]);
    const partners = await live(db, 'partners');
    expect(
      partners.map((p) => p.name).sort((a, b) => (a.en ?? '').localeCompare(b.en ?? '')),
    ).toEqual([
      {
        en: 'International Organization for Migration',
        ru: 'Международная организация по миграции',
      },
      { en: 'Kingdom of the Netherlands', ru: 'Королевство Нидерландов' },
    ]);
    expect(partners.find((p) => p.name.en?.startsWith('Kingdom'))?.countryCode).toBe('NL');
    const changes = await db.changes.toArray();
    expect(changes.map((change) => change.op)).toEqual(['create', 'create']);
  });

  it('writes nothing at all when one write fails', async () => {
    const db = freshDb();
    const plans = await plan(db, PARTNERS, guessMapping('partners', PARTNERS));
    // A row whose content the model refuses at write time (as a changed model might).
    const broken = { ...plans[1]!, content: { ...plans[1]!.content, kind: 'spaceship' } };
    await expect(commitImport(db, [plans[0]!, broken], new Map(), importContext())).rejects.toThrow(
      /Invalid partners record/,
    );
    expect(await db.partners.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
    expect(await db.meta.get('importReferences')).toBeUndefined();
  });

  it('re-importing the same file offers each row as a duplicate: skip, update or create as decided', async () => {
    const db = freshDb();
    const mapping = guessMapping('partners', PARTNERS);
    await commitImport(db, await plan(db, PARTNERS, mapping), new Map(), importContext());

    const again = table(
      ['Name', 'Ad', 'Type', 'Country', 'Ref'],
      [
        'International Organization for Migration',
        'Beynəlxalq Miqrasiya Təşkilatı',
        'international-organization',
        '',
        'P-1',
      ],
      ['KINGDOM OF THE NETHERLANDS', 'Niderland Krallığı', 'state', 'NL', ''],
      ['Kingdom of the Netherlands', '', 'state', 'NL', ''],
    );
    const plans = await plan(db, again, guessMapping('partners', again));
    expect(plans.map((p) => p.duplicate?.by)).toEqual(['reference', 'name', 'name']);
    const decisions = new Map<number, DuplicateDecision>([
      [0, 'update'],
      [1, 'skip'],
      [2, 'create'],
    ]);
    const report = await commitImport(db, plans, decisions, importContext());
    expect(report).toMatchObject({ created: 1, updated: 1, skipped: 1, rejected: 0 });
    const iom = (await live(db, 'partners')).find(
      (p) => p.name.en === 'International Organization for Migration',
    );
    expect(iom?.name).toEqual({
      en: 'International Organization for Migration',
      ru: 'Международная организация по миграции',
      az: 'Beynəlxalq Miqrasiya Təşkilatı',
    });
    expect(iom?.rev).toBe(2);
    expect(await live(db, 'partners')).toHaveLength(3);
  });

  it('remembers references, so a row renamed in the spreadsheet still finds its record', async () => {
    const db = freshDb();
    await commitImport(
      db,
      await plan(db, PARTNERS, guessMapping('partners', PARTNERS)),
      new Map(),
      importContext(),
    );
    const renamed = table(
      ['Name', 'Type', 'Ref'],
      ['IOM (UN Migration)', 'international-organization', 'P-1'],
    );
    const plans = await plan(db, renamed, guessMapping('partners', renamed));
    expect(plans[0]?.duplicate).toMatchObject({
      by: 'reference',
      label: 'International Organization for Migration',
    });
  });

  it('counts an update that changes nothing as unchanged', async () => {
    const db = freshDb();
    const mapping = guessMapping('partners', PARTNERS);
    await commitImport(db, await plan(db, PARTNERS, mapping), new Map(), importContext());
    const plans = await plan(db, PARTNERS, mapping);
    const report = await commitImport(
      db,
      plans,
      new Map([
        [0, 'update'],
        [1, 'update'],
      ]),
      importContext(),
    );
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 1 });
  });

  it('stops, unchanged, when a record to update went to Trash after the preview', async () => {
    const db = freshDb();
    const context = importContext();
    const iom = await createRecord(
      db,
      'partners',
      { kind: 'international-organization', name: { en: 'IOM' } },
      context,
    );
    const rows = table(['Name', 'Type'], ['IOM', 'state'], ['UNHCR', 'international-organization']);
    const plans = await plan(db, rows, guessMapping('partners', rows));
    await deleteRecord(db, 'partners', iom.id, context);
    const error: unknown = await commitImport(db, plans, new Map([[0, 'update']]), context).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportConflictError);
    expect((await live(db, 'partners')).map((p) => p.name.en)).toEqual([]);
  });

  it('links events to partners named in the file', async () => {
    const db = freshDb();
    const context = importContext();
    const iom = await createRecord(
      db,
      'partners',
      {
        kind: 'international-organization',
        name: { en: 'International Organization for Migration' },
        acronym: { en: 'IOM', az: 'BMqT' },
      },
      context,
    );
    const events = table(
      ['Ad', 'Növ', 'Tarix', 'Təşkilatçı'],
      ['BMqT Şurasının sessiyası', 'İdarəetmə orqanının iclası', '29.11.2016', 'BMqT'],
    );
    const plans = await plan(db, events, guessMapping('events', events));
    expect(plans[0]?.problems).toEqual([]);
    await commitImport(db, plans, new Map(), context);
    const [event] = await live(db, 'events');
    expect(event).toMatchObject({
      title: { az: 'BMqT Şurasının sessiyası' },
      kind: 'governing-body-session',
      startDate: '2016-11-29',
      organizerId: iom.id,
    });
    expect(await db.links.where('targetId').equals(iom.id).count()).toBe(1);
  });
});

describe('commitImport: the registry’s JSON', () => {
  const snapshot = readSnapshot(JSON.stringify(sample));

  async function snapshotPlans(db: RegistryDb) {
    const lookups = await loadRegistryLookups(db, RECORD_KINDS_OF_SAMPLE, 'en');
    const plans = validateSnapshot(snapshot);
    return RECORD_KINDS_OF_SAMPLE.flatMap((kind) =>
      findDuplicates(
        plans.filter((p) => p.kind === kind),
        lookups.existing[kind] ?? [],
      ),
    );
  }
  const RECORD_KINDS_OF_SAMPLE: RecordKind[] = [
    'tags',
    'areas',
    'partners',
    'people',
    'agreements',
    'projects',
    'events',
    'followUps',
    'documents',
  ];

  it('creates every record with its own id, then finds them all again as duplicates by id', async () => {
    const db = freshDb();
    const first = await commitImport(db, await snapshotPlans(db), new Map(), importContext());
    expect(first).toMatchObject({ created: 60, rejected: 0 });
    const iom = await db.partners.get('2d601015-a4ce-4196-b6a5-fe394d650376');
    expect(iom?.acronym?.en).toBe('IOM');

    const plans = await snapshotPlans(db);
    expect(plans.every((p) => p.duplicate?.by === 'id')).toBe(true);
    const second = await commitImport(db, plans, new Map(), importContext());
    expect(second).toMatchObject({ created: 0, skipped: 60 });
  });

  it('points the file’s links at an existing record its partner was matched to by name', async () => {
    const db = freshDb();
    const context = importContext();
    const mine = await createRecord(
      db,
      'partners',
      {
        kind: 'international-organization',
        name: { en: 'International Organization for Migration' },
      },
      context,
    );
    const plans = await snapshotPlans(db);
    const report = await commitImport(db, plans, new Map(), context);
    expect(report).toMatchObject({ skipped: 1, created: 59 });
    expect(await db.partners.get('2d601015-a4ce-4196-b6a5-fe394d650376')).toBeUndefined();
    const linked = await db.links.where('targetId').equals(mine.id).toArray();
    expect(linked.length).toBeGreaterThan(3);
  });
});
