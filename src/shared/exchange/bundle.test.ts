import * as fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { craftZip, entryOf } from '../testing/craftedZip';
import { openBundle, readBundleHeader, writeBundle, type BundleContents } from './bundle';
import {
  BUNDLE_FORMAT,
  BUNDLE_MAGIC,
  BundleError,
  type BundleHeader,
  type BundleManifest,
  type BundleProblem,
} from './bundleFormat';
import { sha256Hex } from './bundleKeys';
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

const PASSPHRASE = 'correct horse battery';

const open = (bytes: Uint8Array<ArrayBuffer>, passphrase: string | null = PASSPHRASE) =>
  openBundle(bytes, {
    passphrase,
    registryId: REGISTRY,
    schemaVersion: SCHEMA,
    canReadUnencrypted: true,
  });

async function refusalOf(promise: Promise<unknown>): Promise<BundleError | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof BundleError) return error;
    throw error;
  }
}

async function problemOf(promise: Promise<unknown>): Promise<BundleProblem | 'none'> {
  return (await refusalOf(promise))?.problem ?? 'none';
}

/** A bundle file around `payload` with the header as given: what a forger writes. */
function framed(header: unknown, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const bytes = new Uint8Array(BUNDLE_MAGIC.length + 4 + json.length + payload.length);
  bytes.set(BUNDLE_MAGIC, 0);
  new DataView(bytes.buffer).setUint32(BUNDLE_MAGIC.length, json.length);
  bytes.set(json, BUNDLE_MAGIC.length + 4);
  bytes.set(payload, BUNDLE_MAGIC.length + 4 + json.length);
  return bytes;
}

/** The same bundle with its header changed by `change` (and so failing authentication). */
function withHeader(
  bytes: Uint8Array<ArrayBuffer>,
  change: (header: BundleHeader) => unknown,
): Uint8Array<ArrayBuffer> {
  const { header, headerEnd } = readBundleHeader(bytes);
  return framed(change(structuredClone(header)), bytes.subarray(headerEnd));
}

// Each encrypted bundle costs an Argon2id derivation (64 MiB, 3 passes) on each side.
describe('exchange bundles', { timeout: 60_000 }, () => {
  it('round-trip encrypted: records, attachments and manifest counts come back', async () => {
    const input = await withAttachmentHash(contents());
    const bytes = await writeBundle(input, { passphrase: PASSPHRASE });
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
    const a = readBundleHeader(await writeBundle(input, { passphrase: PASSPHRASE })).header;
    const b = readBundleHeader(await writeBundle(input, { passphrase: PASSPHRASE })).header;
    expect(a.encryption?.kdf.salt).not.toBe(b.encryption?.kdf.salt);
    expect(a.encryption?.nonce).not.toBe(b.encryption?.nonce);
  });

  it('tells a wrong passphrase, and a missing one', async () => {
    const bytes = await writeBundle(await withAttachmentHash(contents()), {
      passphrase: 'the right passphrase',
    });
    expect(await problemOf(open(bytes, 'the wrong passphrase'))).toBe('wrong-passphrase');
    expect(await problemOf(open(bytes, null))).toBe('passphrase-required');
  });

  it('detects a truncated file and one changed byte anywhere, encrypted or not', async () => {
    const input = await withAttachmentHash(contents());
    for (const passphrase of [PASSPHRASE, null]) {
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
    // A header byte changed in an encrypted bundle (its schema version here) fails authentication.
    const bytes = await writeBundle(input, { passphrase: PASSPHRASE });
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.indexOf('"schemaVersion":4') + '"schemaVersion":'.length;
    const changed = bytes.slice();
    changed[at] = '3'.charCodeAt(0);
    expect(await problemOf(open(changed))).toBe('damaged');
  });

  it('refuses a bundle from a newer schema, another registry, or a newer format', async () => {
    const newer = await writeBundle(
      await withAttachmentHash(contents({ schemaVersion: SCHEMA + 1 })),
      { passphrase: PASSPHRASE },
    );
    expect(await problemOf(open(newer))).toBe('newer-schema');
    const other = await writeBundle(
      await withAttachmentHash(contents({ registryId: OTHER_REGISTRY })),
      { passphrase: PASSPHRASE },
    );
    expect(await problemOf(open(other))).toBe('other-registry');
    const plain = await writeBundle(await withAttachmentHash(contents()), { passphrase: null });
    const text = new TextDecoder('latin1').decode(plain);
    const at = text.indexOf('"formatVersion":2') + '"formatVersion":'.length;
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

describe('the key derivation of bundles', { timeout: 60_000 }, () => {
  it('derives new bundles’ keys with Argon2id at 64 MiB, 3 passes, one lane, named in the header', async () => {
    const input = await withAttachmentHash(contents());
    const bytes = await writeBundle(input, { passphrase: PASSPHRASE });
    const { header } = readBundleHeader(bytes);
    expect(header.formatVersion).toBe(2);
    expect(header.encryption?.kdf).toEqual({
      name: 'Argon2id',
      version: 0x13,
      memoryKiB: 65_536,
      iterations: 3,
      parallelism: 1,
      salt: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/) as unknown,
    });
    expect((await open(bytes)).records).toEqual(input.records);
    expect(await problemOf(open(bytes, 'correct horse battery!'))).toBe('wrong-passphrase');
  });

  it('still opens a format 1 bundle written with PBKDF2-SHA-256 by the earlier app', async () => {
    // Written by writeBundle at commit 55bfb5b (PBKDF2, 600,000 iterations), kept as it was.
    const bytes = new Uint8Array(
      await readFile(resolve(__dirname, '../../../tests/fixtures/exchange/pbkdf2-format1.coopx')),
    );
    const { header } = readBundleHeader(bytes);
    expect(header.formatVersion).toBe(1);
    expect(header.encryption?.kdf).toMatchObject({ name: 'PBKDF2-SHA-256', iterations: 600_000 });
    const opened = await open(bytes, 'correct horse battery staple');
    expect(opened.records.map((entry) => entry.record.title)).toEqual([
      { en: 'Budapest Process ministerial conference' },
    ]);
    expect(new TextDecoder().decode(opened.attachments[0]?.bytes)).toBe('minutes of the meeting');
    expect(await problemOf(open(bytes, 'correct horse battery stapler'))).toBe('wrong-passphrase');
  });

  it('refuses a header whose key derivation is too weak or absurdly costly, before deriving', async () => {
    const bytes = await writeBundle(await withAttachmentHash(contents()), {
      passphrase: PASSPHRASE,
    });
    const argon2 = (change: Record<string, unknown>) =>
      withHeader(bytes, (header) => ({
        ...header,
        encryption: { ...header.encryption, kdf: { ...header.encryption?.kdf, ...change } },
      }));
    const pbkdf2 = (iterations: number) =>
      withHeader(bytes, (header) => ({
        ...header,
        encryption: {
          ...header.encryption,
          kdf: { name: 'PBKDF2-SHA-256', iterations, salt: header.encryption?.kdf.salt },
        },
      }));
    const cases = [
      [argon2({ memoryKiB: 1_024 }), 'argon2idMemoryKiB', 1_024],
      [argon2({ memoryKiB: 4 * 1_048_576 }), 'argon2idMemoryKiB', 4 * 1_048_576],
      [argon2({ iterations: 1 }), 'argon2idIterations', 1],
      [argon2({ iterations: 1_000_000 }), 'argon2idIterations', 1_000_000],
      [argon2({ parallelism: 64 }), 'argon2idParallelism', 64],
      [argon2({ salt: 'AAAAAAAAAAA=' }), 'saltBytes', 8],
      [pbkdf2(1_000), 'pbkdf2Iterations', 1_000],
      [pbkdf2(2_000_000_000), 'pbkdf2Iterations', 2_000_000_000],
    ] as const;
    for (const [forged, setting, value] of cases) {
      // Refused on the header alone, before a passphrase is asked for…
      expect(() => readBundleHeader(forged), setting).toThrow(BundleError);
      // …and by openBundle even with the right passphrase.
      const started = performance.now();
      const refusal = await refusalOf(open(forged));
      expect(refusal?.problem, setting).toBe('unsafe-kdf');
      expect(refusal?.details.kdf).toMatchObject({ setting, value });
      // Refused from the header alone: an absurd derivation would take minutes or gigabytes.
      expect(performance.now() - started, setting).toBeLessThan(1_000);
    }
  });
});

describe('what a forged bundle cannot do', { timeout: 60_000 }, () => {
  it('writeBundle refuses a passphrase under 12 characters and 4 words, whatever the dialog did', async () => {
    const input = await withAttachmentHash(contents());
    for (const weak of ['', 'Summit 2026', 'cat dog emu', 'a b c d e f']) {
      expect(await problemOf(writeBundle(input, { passphrase: weak })), weak).toBe(
        'weak-passphrase',
      );
    }
  });

  it('refuses a bundle that carries one record id twice, under the same kind or another, naming it', async () => {
    const input = await withAttachmentHash(contents());
    const [entry] = input.records;
    const person = {
      kind: 'people' as const,
      record: {
        ...entry!.record,
        kind: undefined,
        title: undefined,
        outcomes: undefined,
        name: { en: 'Not a meeting' },
      },
      version: entry!.version,
    };
    for (const second of [entry!, person]) {
      const twice = await writeBundle(
        { ...input, records: [entry!, second] },
        { passphrase: null },
      );
      const refusal = await refusalOf(open(twice));
      expect(refusal?.problem).toBe('duplicate-record');
      expect(refusal?.details.recordIds).toEqual([entry!.record.id]);
      expect(refusal?.message).toContain(entry!.record.id);
    }
  });

  it('refuses a tiny bundle whose zip declares a 512 MiB entry, before inflating anything', async () => {
    const input = await withAttachmentHash(contents());
    const records = new TextEncoder().encode(JSON.stringify(input.records));
    const claimed = { ...entryOf(`attachments/${'0'.repeat(64)}`, new Uint8Array(1_024)) };
    claimed.size = 512 * 1_048_576;
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      formatVersion: 2,
      ...input.manifest,
      counts: { records: { events: 1 }, tombstones: 0, attachments: 1 },
      parts: [
        { path: 'records.json', size: records.length, sha256: await sha256Hex(records) },
        { path: claimed.name, size: claimed.size, sha256: '0'.repeat(64) },
      ],
    };
    const zip = craftZip([
      entryOf('manifest.json', new TextEncoder().encode(JSON.stringify(manifest))),
      entryOf('records.json', records),
      claimed,
    ]);
    const bytes = framed(
      {
        format: BUNDLE_FORMAT,
        formatVersion: 2,
        bundleId: manifest.bundleId,
        registryId: REGISTRY,
        schemaVersion: SCHEMA,
        payloadLength: zip.length,
        encryption: null,
        payloadSha256: await sha256Hex(zip),
      },
      zip,
    );
    expect(bytes.length).toBeLessThan(4_096);
    const refusal = await refusalOf(open(bytes, null));
    expect(refusal?.problem).toBe('too-large');
    expect(refusal?.message).toContain(claimed.name);
  });

  it('refuses a manifest that lists one part many times, or a part under another name than its hash', async () => {
    const input = await withAttachmentHash(contents());
    const records = new TextEncoder().encode(JSON.stringify(input.records));
    const [attachment] = input.attachments;
    const attachmentPart = {
      path: `attachments/${attachment!.sha256}`,
      size: attachment!.bytes.length,
      sha256: attachment!.sha256,
    };
    /** An unencrypted bundle whose manifest lists `parts` over the honest entries. */
    const forge = async (parts: BundleManifest['parts']) => {
      const manifest: BundleManifest = {
        format: BUNDLE_FORMAT,
        formatVersion: 2,
        ...input.manifest,
        counts: { records: { events: 1 }, tombstones: 0, attachments: 1 },
        parts,
      };
      const zip = craftZip([
        entryOf('manifest.json', new TextEncoder().encode(JSON.stringify(manifest))),
        entryOf('records.json', records),
        entryOf(attachmentPart.path, attachment!.bytes),
      ]);
      return framed(
        {
          format: BUNDLE_FORMAT,
          formatVersion: 2,
          bundleId: manifest.bundleId,
          registryId: REGISTRY,
          schemaVersion: SCHEMA,
          payloadLength: zip.length,
          encryption: null,
          payloadSha256: await sha256Hex(zip),
        },
        zip,
      );
    };
    const recordsPart = {
      path: 'records.json',
      size: records.length,
      sha256: await sha256Hex(records),
    };
    // Honest, it opens: the forgeries below differ only in their manifest.
    expect(await problemOf(open(await forge([recordsPart, attachmentPart]), null))).toBe('none');
    // Listed 50 times, one attachment would be inflated and held 50 times.
    const repeated = await refusalOf(
      open(await forge([recordsPart, ...Array.from({ length: 50 }, () => attachmentPart)]), null),
    );
    expect(repeated?.problem).toBe('damaged');
    expect(repeated?.message).toContain('more than once');
    const misnamed = await refusalOf(
      open(await forge([recordsPart, { ...attachmentPart, sha256: '1'.repeat(64) }]), null),
    );
    expect(misnamed?.problem).toBe('damaged');
    expect(misnamed?.message).toContain(attachmentPart.path);
  });
});
