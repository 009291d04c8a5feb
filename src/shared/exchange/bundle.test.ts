import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openBundle, readBundleHeader, writeBundle, type BundleContents } from './bundle';
import { BundleError, type BundleProblem } from './bundleFormat';
import { bumpVersion } from './versions';

const REGISTRY = '11111111-1111-4111-8111-111111111111';
const OTHER_REGISTRY = '22222222-2222-4222-8222-222222222222';
const SCHEMA = 4;

function contents(overrides: Partial<BundleContents['manifest']> = {}): BundleContents {
  const record = {
    id: '33333333-3333-4333-8333-333333333333',
    kind: 'conference',
    title: { en: 'Budapest Process ministerial conference' },
    outcomes: { en: 'Call for Action adopted' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    rev: 2,
    changedBy: 'laptop',
    deletedAt: null,
  };
  return {
    manifest: {
      bundleId: crypto.randomUUID(),
      registryId: REGISTRY,
      schemaVersion: SCHEMA,
      createdAt: '2026-11-27T08:00:00.000Z',
      source: { deviceId: 'laptop', deviceName: 'Delegation laptop' },
      target: { deviceId: 'hq', deviceName: 'Headquarters' },
      scope: { mode: 'since-last', partnerIds: [], areaIds: [], maxSensitivity: null },
      throughSeq: 7,
      ...overrides,
    },
    records: [
      {
        kind: 'events',
        record,
        version: bumpVersion({ vv: {}, dots: {} }, 'laptop', ['title', 'outcomes', 'kind']),
      },
    ],
    attachments: [
      {
        sha256: '',
        bytes: new TextEncoder().encode('minutes of the meeting'),
      },
    ],
  };
}

async function withAttachmentHash(value: BundleContents): Promise<BundleContents> {
  const [attachment] = value.attachments;
  if (!attachment) return value;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', attachment.bytes));
  const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  return { ...value, attachments: [{ ...attachment, sha256 }] };
}

const open = (
  bytes: Uint8Array<ArrayBuffer>,
  passphrase: string | null = 'correct horse battery',
) =>
  openBundle(bytes, {
    passphrase,
    registryId: REGISTRY,
    schemaVersion: SCHEMA,
    canReadUnencrypted: true,
  });

async function problemOf(promise: Promise<unknown>): Promise<BundleProblem | 'none'> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    if (error instanceof BundleError) return error.problem;
    throw error;
  }
}

// Each encrypted bundle costs a PBKDF2 derivation of 600,000 iterations on each side.
describe('exchange bundles', { timeout: 60_000 }, () => {
  it('round-trip encrypted: records, attachments and manifest counts come back', async () => {
    const input = await withAttachmentHash(contents());
    const bytes = await writeBundle(input, { passphrase: 'correct horse battery' });
    const { header } = readBundleHeader(bytes);
    expect(header.encryption?.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(new TextDecoder().decode(bytes)).not.toContain('Budapest');
    const opened = await open(bytes);
    expect(opened.records).toEqual(input.records);
    expect(opened.attachments).toEqual(input.attachments);
    expect(opened.manifest.counts).toEqual({
      records: { events: 1 },
      tombstones: 0,
      attachments: 1,
    });
  });

  it('uses a fresh salt and nonce for every bundle', async () => {
    const input = await withAttachmentHash(contents());
    const a = readBundleHeader(await writeBundle(input, { passphrase: 'p' })).header;
    const b = readBundleHeader(await writeBundle(input, { passphrase: 'p' })).header;
    expect(a.encryption?.kdf.salt).not.toBe(b.encryption?.kdf.salt);
    expect(a.encryption?.nonce).not.toBe(b.encryption?.nonce);
  });

  it('tells a wrong passphrase, and a missing one', async () => {
    const bytes = await writeBundle(await withAttachmentHash(contents()), { passphrase: 'right' });
    expect(await problemOf(open(bytes, 'wrong'))).toBe('wrong-passphrase');
    expect(await problemOf(open(bytes, null))).toBe('passphrase-required');
  });

  it('detects a truncated file and one changed byte anywhere, encrypted or not', async () => {
    const input = await withAttachmentHash(contents());
    for (const passphrase of ['correct horse battery', null]) {
      const bytes = await writeBundle(input, { passphrase });
      expect(await problemOf(open(bytes.slice(0, bytes.length - 10)))).toBe('truncated');
      const { headerEnd } = readBundleHeader(bytes);
      for (const at of [
        headerEnd + 5,
        bytes.length - 1,
        Math.floor((headerEnd + bytes.length) / 2),
      ]) {
        const changed = bytes.slice();
        changed[at] = (changed[at] ?? 0) ^ 0x01;
        expect(await problemOf(open(changed))).toBe('damaged');
      }
    }
    // A header byte changed in an encrypted bundle (its registry id here) fails authentication.
    const bytes = await writeBundle(input, { passphrase: 'correct horse battery' });
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.indexOf('"schemaVersion":4') + '"schemaVersion":'.length;
    const changed = bytes.slice();
    changed[at] = '3'.charCodeAt(0);
    expect(await problemOf(open(changed))).toBe('damaged');
  });

  it('refuses a bundle from a newer schema, another registry, or a newer format', async () => {
    const newer = await writeBundle(
      await withAttachmentHash(contents({ schemaVersion: SCHEMA + 1 })),
      {
        passphrase: 'correct horse battery',
      },
    );
    expect(await problemOf(open(newer))).toBe('newer-schema');
    const other = await writeBundle(
      await withAttachmentHash(contents({ registryId: OTHER_REGISTRY })),
      {
        passphrase: 'correct horse battery',
      },
    );
    expect(await problemOf(open(other))).toBe('other-registry');
    const plain = await writeBundle(await withAttachmentHash(contents()), { passphrase: null });
    const text = new TextDecoder('latin1').decode(plain);
    const at = text.indexOf('"formatVersion":1') + '"formatVersion":'.length;
    const future = plain.slice();
    future[at] = '9'.charCodeAt(0);
    expect(await problemOf(open(future))).toBe('newer-format');
  });

  it('refuses an unencrypted bundle where only encrypted ones are allowed', async () => {
    const plain = await writeBundle(await withAttachmentHash(contents()), { passphrase: null });
    const result = openBundle(plain, {
      passphrase: null,
      registryId: REGISTRY,
      schemaVersion: SCHEMA,
      canReadUnencrypted: false,
    });
    expect(await problemOf(result)).toBe('unencrypted-not-allowed');
  });

  it('refuses records that break their schema even when the bytes are intact', async () => {
    const input = await withAttachmentHash(contents());
    const broken: BundleContents = {
      ...input,
      records: input.records.map((entry) => ({
        ...entry,
        record: { ...entry.record, kind: 'picnic' },
      })),
    };
    expect(await problemOf(open(await writeBundle(broken, { passphrase: null })))).toBe('damaged');
  });

  it('never crashes or hangs on random, truncated or mutated bytes (fuzz)', async () => {
    const valid = await writeBundle(await withAttachmentHash(contents()), { passphrase: null });
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2_000 }).map((bytes) => new Uint8Array(bytes)),
          fc.nat(valid.length).map((length) => valid.slice(0, length)),
          fc
            .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 1, max: 255 })), {
              minLength: 1,
              maxLength: 4,
            })
            .map((changes) => {
              const bytes = valid.slice();
              for (const [at, xor] of changes) bytes[at] = (bytes[at] ?? 0) ^ xor;
              return bytes;
            }),
        ),
        async (bytes) => {
          const problem = await problemOf(open(bytes, null));
          outcomes.add(problem);
          // Only a bundle whose every checked byte survived may open.
          if (problem === 'none') expect(bytes.length).toBe(valid.length);
        },
      ),
      { numRuns: 400 },
    );
    expect(outcomes).toContain('damaged');
    expect(outcomes).toContain('not-a-bundle');
  });
});
