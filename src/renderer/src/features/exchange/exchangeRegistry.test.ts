import { afterEach, describe, expect, it } from 'vitest';
import { openBundle, writeBundle } from '@shared/exchange/bundle';
import { BundleError, type BundleManifest, type BundleScope } from '@shared/exchange/bundleFormat';
import {
  createRecord,
  deleteRecord,
  updateRecord,
  type MutationContext,
} from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';
import { LATEST_SCHEMA_VERSION } from '../../db/schema';
import { createTestDb, testContext } from '../../db/testing/testDb';
import { readRegistryTables } from '../backup/registryTables';
import {
  applyIncoming,
  collectOutgoing,
  previewIncoming,
  recordExport,
  registryIdOf,
  type Decisions,
} from './exchangeRegistry';

async function refusalOf(promise: Promise<unknown>): Promise<BundleError> {
  const outcome: unknown = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(BundleError);
  return outcome as BundleError;
}

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

type Side = { db: RegistryDb; context: MutationContext; name: string };

async function side(deviceId: string, name: string, registryId?: string): Promise<Side> {
  const db = createTestDb();
  opened.push(db);
  await db.open();
  if (registryId) await db.meta.put({ key: 'registryId', value: registryId });
  const context = { ...testContext(deviceId, name), newId: () => crypto.randomUUID() };
  return { db, context, name };
}

const EVERYTHING: BundleScope = {
  mode: 'everything',
  partnerIds: [],
  areaIds: [],
  maxSensitivity: null,
};
const SINCE_LAST: BundleScope = { ...EVERYTHING, mode: 'since-last' };

/** A bundle from one side to the other, through the real file format (unencrypted for speed). */
async function send(from: Side, to: Side, scope: BundleScope = SINCE_LAST) {
  const outgoing = await collectOutgoing(from.db, to.context.deviceId, scope);
  const manifest: Omit<BundleManifest, 'format' | 'formatVersion' | 'parts' | 'counts'> = {
    bundleId: crypto.randomUUID(),
    registryId: await registryIdOf(from.db),
    schemaVersion: LATEST_SCHEMA_VERSION,
    createdAt: from.context.now().toISOString(),
    source: { deviceId: from.context.deviceId, deviceName: from.name },
    target: { deviceId: to.context.deviceId, deviceName: to.name },
    scope,
    throughSeq: outgoing.throughSeq,
  };
  const bytes = await writeBundle(
    { manifest, records: outgoing.records, attachments: [] },
    { passphrase: null },
  );
  const bundle = await openBundle(bytes, {
    passphrase: null,
    registryId: await registryIdOf(to.db),
    schemaVersion: LATEST_SCHEMA_VERSION,
    canReadUnencrypted: true,
  });
  await recordExport(from.db, {
    manifest: bundle.manifest,
    records: bundle.records,
    attachments: 0,
    fileName: 'x.coopx',
    at: manifest.createdAt,
  });
  return { ...bundle, fileName: 'x.coopx' };
}

async function contentOf(db: RegistryDb) {
  const tables = await readRegistryTables(db);
  return Object.fromEntries(
    ['events', 'followUps', 'partners'].map((kind) => [
      kind,
      (tables[kind] ?? [])
        // rev counts writes per registry, and updatedAt/changedBy say who wrote last here.
        .map((row): Record<string, unknown> => ({ ...row, rev: 0, updatedAt: '', changedBy: '' }))
        .sort((a, b) => String(a.id).localeCompare(String(b.id))),
    ]),
  );
}

async function setUp() {
  const hq = await side('hq-device', 'Headquarters');
  const traveller = await side('laptop-device', 'Delegation laptop', await registryIdOf(hq.db));
  const event = await createRecord(
    hq.db,
    'events',
    {
      kind: 'governing-body-session',
      title: { en: '107th Session of the IOM Council' },
      startDate: '2016-12',
    },
    hq.context,
  );
  const followUp = await createRecord(
    hq.db,
    'followUps',
    { title: { en: 'Send the statement' }, sourceId: event.id },
    hq.context,
  );
  const first = await send(hq, traveller);
  expect(await previewIncoming(traveller.db, first.records)).toMatchObject({
    total: { new: 2, conflicts: 0 },
  });
  await applyIncoming(traveller.db, first, new Map(), traveller.context);
  return { hq, traveller, event, followUp };
}

describe('exchange between two registries', () => {
  it('merges different fields on their own, shows the same field as a conflict, and ends equal', async () => {
    const { hq, traveller, event, followUp } = await setUp();
    // The traveller records the outcome and adds a follow-up, and edits the existing follow-up.
    await updateRecord(
      traveller.db,
      'events',
      event.id,
      { outcomes: { en: 'Statement delivered' } },
      traveller.context,
    );
    const added = await createRecord(
      traveller.db,
      'followUps',
      { title: { en: 'Share the council report' }, sourceId: event.id },
      traveller.context,
    );
    await updateRecord(
      traveller.db,
      'followUps',
      followUp.id,
      { dueDate: '2016-12-20' },
      traveller.context,
    );
    // Headquarters moves the event's date and edits the same follow-up's due date.
    await updateRecord(hq.db, 'events', event.id, { startDate: '2016-12-05' }, hq.context);
    await updateRecord(hq.db, 'followUps', followUp.id, { dueDate: '2016-12-31' }, hq.context);

    const toHq = await send(traveller, hq);
    const preview = await previewIncoming(hq.db, toHq.records);
    expect(preview.counts.events).toMatchObject({ changed: 1, conflicts: 0 });
    expect(preview.counts.followUps).toMatchObject({ new: 1, conflicts: 1 });
    expect(preview.conflicts).toEqual([
      expect.objectContaining({
        id: followUp.id,
        conflicts: [{ field: 'dueDate', mine: '2016-12-31', theirs: '2016-12-20' }],
        deletion: null,
      }),
    ]);
    const decisions: Decisions = new Map([
      [followUp.id, { fields: { dueDate: { choice: 'theirs' } } }],
    ]);
    const report = await applyIncoming(hq.db, toHq, decisions, hq.context);
    expect(report).toMatchObject({ created: 1, changed: 2, conflicts: 1, result: 'done' });
    expect(await hq.db.events.get(event.id)).toMatchObject({
      startDate: '2016-12-05',
      outcomes: { en: 'Statement delivered' },
    });
    expect(await hq.db.followUps.get(added.id)).toBeDefined();
    expect((await hq.db.followUps.get(followUp.id))?.dueDate).toBe('2016-12-20');

    const back = await send(hq, traveller);
    const backPreview = await previewIncoming(traveller.db, back.records);
    expect(backPreview.total.conflicts).toBe(0);
    await applyIncoming(traveller.db, back, new Map(), traveller.context);
    expect(await contentOf(traveller.db)).toEqual(await contentOf(hq.db));
  });

  it('changes nothing when the same bundle is imported twice', async () => {
    const { hq, traveller, event } = await setUp();
    await updateRecord(
      traveller.db,
      'events',
      event.id,
      { outcomes: { en: 'Done' } },
      traveller.context,
    );
    const bundle = await send(traveller, hq);
    await applyIncoming(hq.db, bundle, new Map(), hq.context);
    const before = await readRegistryTables(hq.db);
    const again = await previewIncoming(hq.db, bundle.records);
    expect(again.total).toMatchObject({ new: 0, changed: 0, deleted: 0, conflicts: 0 });
    const report = await applyIncoming(hq.db, bundle, new Map(), hq.context);
    expect(report.result).toBe('nothing-new');
    const after = await readRegistryTables(hq.db);
    for (const table of ['events', 'followUps', 'changes', 'links', 'fieldVersions']) {
      expect(after[table]).toEqual(before[table]);
    }
  });

  it('shows a delete on one side against an edit on the other as a conflict, never resolved alone', async () => {
    const { hq, traveller, event } = await setUp();
    await deleteRecord(hq.db, 'events', event.id, hq.context);
    await updateRecord(
      traveller.db,
      'events',
      event.id,
      { outcomes: { en: 'Edited' } },
      traveller.context,
    );
    const toTraveller = await send(hq, traveller);
    const preview = await previewIncoming(traveller.db, toTraveller.records);
    expect(preview.conflicts).toEqual([
      expect.objectContaining({ id: event.id, deletion: 'deleted-there', conflicts: [] }),
    ]);
    // Deferred: nothing of that record changes.
    await applyIncoming(
      traveller.db,
      toTraveller,
      new Map([[event.id, 'defer']]),
      traveller.context,
    );
    expect((await traveller.db.events.get(event.id))?.deletedAt).toBeNull();
    // Decided: keep it. Headquarters then gets it back with the edit.
    await applyIncoming(
      traveller.db,
      toTraveller,
      new Map([[event.id, { fields: {}, deletion: 'keep' }]]),
      traveller.context,
    );
    const back = await send(traveller, hq);
    expect((await previewIncoming(hq.db, back.records)).total.conflicts).toBe(0);
    await applyIncoming(hq.db, back, new Map(), hq.context);
    expect(await hq.db.events.get(event.id)).toMatchObject({
      deletedAt: null,
      outcomes: { en: 'Edited' },
    });
  });

  it('sends only what changed since the last bundle to that peer, and remembers the peer', async () => {
    const { hq, traveller, event } = await setUp();
    expect((await collectOutgoing(hq.db, traveller.context.deviceId, SINCE_LAST)).records).toEqual(
      [],
    );
    await updateRecord(hq.db, 'events', event.id, { outcomes: { en: 'x' } }, hq.context);
    const outgoing = await collectOutgoing(hq.db, traveller.context.deviceId, SINCE_LAST);
    expect(outgoing.records.map((entry) => entry.record.id)).toEqual([event.id]);
    const sentTo = await hq.db.peers.get(traveller.context.deviceId);
    expect(sentTo?.deviceName).toBe('Delegation laptop');
    expect(sentTo?.lastSentAt).not.toBeNull();
    expect((await traveller.db.peers.get(hq.context.deviceId))?.lastReceivedAt).not.toBeNull();
    expect(await hq.db.exchangeLog.count()).toBe(1);
  });

  it('leaves out records above the chosen sensitivity and outside the chosen areas', async () => {
    const { hq, traveller } = await setUp();
    await createRecord(
      hq.db,
      'events',
      { kind: 'bilateral-meeting', title: { en: 'Restricted talks' }, sensitivity: 'restricted' },
      hq.context,
    );
    const scope: BundleScope = { ...EVERYTHING, maxSensitivity: 'internal' };
    const outgoing = await collectOutgoing(hq.db, traveller.context.deviceId, scope);
    expect(outgoing.records.map((entry) => entry.record.title)).not.toContainEqual({
      en: 'Restricted talks',
    });
    expect(outgoing.records).toHaveLength(2);
  });

  it('bundles from two peers applied in either order give the same registry', async () => {
    const { hq, traveller, event, followUp } = await setUp();
    const tablet = await side('tablet-device', 'Tablet', await registryIdOf(hq.db));
    await applyIncoming(tablet.db, await send(hq, tablet), new Map(), tablet.context);
    await updateRecord(
      traveller.db,
      'events',
      event.id,
      { outcomes: { en: 'From the laptop' } },
      traveller.context,
    );
    await updateRecord(tablet.db, 'followUps', followUp.id, { status: 'done' }, tablet.context);
    await updateRecord(tablet.db, 'events', event.id, { city: { en: 'Geneva' } }, tablet.context);
    const fromLaptop = await send(traveller, hq);
    const fromTablet = await send(tablet, hq);
    const other = await side('hq-device', 'Headquarters copy', await registryIdOf(hq.db));
    // The copy starts where hq was (from a full bundle), then applies the two in the other order.
    await applyIncoming(other.db, await send(hq, other, EVERYTHING), new Map(), other.context);
    await applyIncoming(hq.db, fromLaptop, new Map(), hq.context);
    await applyIncoming(hq.db, fromTablet, new Map(), hq.context);
    await applyIncoming(other.db, fromTablet, new Map(), other.context);
    await applyIncoming(other.db, fromLaptop, new Map(), other.context);
    expect(await contentOf(other.db)).toEqual(await contentOf(hq.db));
    expect(await hq.db.events.get(event.id)).toMatchObject({
      outcomes: { en: 'From the laptop' },
      city: { en: 'Geneva' },
    });
  });

  it('refuses a bundle that brings an id this registry holds as another kind, in preview and apply', async () => {
    const { hq, event } = await setUp();
    // Another installation of the registry carries a person under the id of headquarters'
    // meeting: a forged or corrupted bundle, which would otherwise overwrite the meeting's field
    // versions.
    const forger = await side('forger-device', 'Forger', await registryIdOf(hq.db));
    const reusingId = { ...forger.context, newId: () => event.id };
    await createRecord(forger.db, 'people', { name: { en: 'Forged person' } }, reusingId);
    const bundle = await send(forger, hq, EVERYTHING);
    const before = await readRegistryTables(hq.db);

    const previewRefusal = await refusalOf(previewIncoming(hq.db, bundle.records));
    expect(previewRefusal.problem).toBe('kind-clash');
    expect(previewRefusal.details.kindClashes).toEqual([
      { id: event.id, here: 'events', inBundle: 'people' },
    ]);
    expect(previewRefusal.message).toContain(event.id);

    const applyRefusal = await refusalOf(applyIncoming(hq.db, bundle, new Map(), hq.context));
    expect(applyRefusal.problem).toBe('kind-clash');
    expect(await readRegistryTables(hq.db)).toEqual(before);
  });

  it('checks again inside the apply transaction: a clash that arose after the preview rolls back', async () => {
    const { hq, traveller } = await setUp();
    const person = await createRecord(
      traveller.db,
      'people',
      { name: { en: 'Delegation member' } },
      traveller.context,
    );
    const bundle = await send(traveller, hq);
    expect((await previewIncoming(hq.db, bundle.records)).total.new).toBe(1);
    // Meanwhile headquarters gets a partner under the same id (an import, another bundle).
    await createRecord(
      hq.db,
      'partners',
      { kind: 'international-organization', name: { en: 'Same id' } },
      { ...hq.context, newId: () => person.id },
    );
    const before = await readRegistryTables(hq.db);

    const refusal = await refusalOf(applyIncoming(hq.db, bundle, new Map(), hq.context));
    expect(refusal.details.kindClashes).toEqual([
      { id: person.id, here: 'partners', inBundle: 'people' },
    ]);
    expect(await readRegistryTables(hq.db)).toEqual(before);
    expect(await hq.db.people.get(person.id)).toBeUndefined();
  });
});
