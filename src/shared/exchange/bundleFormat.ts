import * as z from 'zod';
import { RECORD_KINDS, SENSITIVITY_LEVELS, sha256Schema, type RecordKind } from '../model/records';
import { recordVersionSchema } from './versions';

/**
 * An exchange bundle (`.coopx`): the changes one installation sends another, as one file.
 *
 *   "COOPX" 0x1A | header length (uint32, big-endian) | header (JSON, UTF-8) | payload
 *
 * The payload is a zip (manifest.json, records.json, attachments/<sha256>), encrypted with
 * AES-256-GCM under a key derived from the passphrase when the header names an encryption: with
 * Argon2id since format 2, with PBKDF2-SHA-256 in format 1 (still read). The header names the key
 * derivation and its parameters, and is the cipher's additional authenticated data, so a changed
 * header byte is detected like a changed payload byte. An unencrypted bundle carries only the
 * payload's SHA-256: it detects damage, not forgery, so such bundles are refused unless the
 * machine policy allows them.
 */

export const BUNDLE_MAGIC = new Uint8Array([0x43, 0x4f, 0x4f, 0x50, 0x58, 0x1a]);
export const BUNDLE_FORMAT = 'cooperation-registry/exchange';
/** 2: Argon2id. Apps reading only format 1 say "made by a newer version" instead of "damaged". */
export const BUNDLE_FORMAT_VERSION = 2;
export const BUNDLE_EXTENSION = 'coopx';
export const BUNDLE_MANIFEST_PATH = 'manifest.json';
export const BUNDLE_RECORDS_PATH = 'records.json';
export const BUNDLE_ATTACHMENTS_FOLDER = 'attachments/';
export const MAX_HEADER_BYTES = 64 * 1024;

/**
 * The key derivation of new bundles: Argon2id with RFC 9106's second recommended parameters
 * (64 MiB, 3 passes, one lane). Every guess at a passphrase then costs an attacker 64 MiB of memory
 * as well as time, which is what GPUs and custom hardware lack; PBKDF2 costs only time.
 */
export const ARGON2ID_PARAMETERS = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;

/** Argon2 version 1.3 (0x13): the one RFC 9106 specifies and hash-wasm computes. */
export const ARGON2_VERSION = 0x13;

/**
 * What a header may ask the key derivation to do, both ways. Below the floor a passphrase would be
 * cheap to guess (PBKDF2's floor is OWASP's 2023 figure for SHA-256); above the ceiling a forged
 * header would tie the computer up, since the derivation runs before the passphrase can be checked.
 */
export const KDF_BOUNDS = {
  argon2idMemoryKiB: { min: 64 * 1024, max: 256 * 1024 },
  argon2idIterations: { min: 3, max: 10 },
  argon2idParallelism: { min: 1, max: 4 },
  pbkdf2Iterations: { min: 600_000, max: 10_000_000 },
  saltBytes: { min: 16, max: 64 },
} as const;
export type KdfSetting = keyof typeof KDF_BOUNDS;

/** Standard base64 with its padding, as btoa writes it. */
const base64Schema = z
  .string()
  .max(1_000)
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);

/** The key derivation a header names; its bounds are checked apart (KDF_BOUNDS, unsafe-kdf). */
const bundleKdfSchema = z.discriminatedUnion('name', [
  z.object({
    name: z.literal('Argon2id'),
    version: z.literal(ARGON2_VERSION),
    memoryKiB: z.int().positive(),
    iterations: z.int().positive(),
    parallelism: z.int().positive(),
    salt: base64Schema,
  }),
  z.object({
    name: z.literal('PBKDF2-SHA-256'),
    iterations: z.int().positive(),
    salt: base64Schema,
  }),
]);
export type BundleKdf = z.output<typeof bundleKdfSchema>;

export const bundleEncryptionSchema = z.object({
  cipher: z.literal('AES-256-GCM'),
  kdf: bundleKdfSchema,
  /** 96 bits, the nonce size GCM is specified for. */
  nonce: z.string().regex(/^[A-Za-z0-9+/]{16}$/),
  /** SHA-256 of a second derived key: tells a wrong passphrase from a changed file. */
  keyCheck: sha256Schema,
});
export type BundleEncryption = z.output<typeof bundleEncryptionSchema>;

export const bundleHeaderSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.int().positive(),
  bundleId: z.uuid(),
  registryId: z.string().min(1).max(100),
  schemaVersion: z.int().positive(),
  payloadLength: z.int().nonnegative(),
  encryption: bundleEncryptionSchema.nullable(),
  /** Only for unencrypted bundles: what detects a changed payload byte there. */
  payloadSha256: sha256Schema.nullable(),
});
export type BundleHeader = z.output<typeof bundleHeaderSchema>;

export const bundleScopeSchema = z.object({
  /** 'since-last' = changes since the last bundle sent to the peer; 'everything' = every record. */
  mode: z.enum(['since-last', 'everything']),
  partnerIds: z.array(z.string()).max(10_000).default([]),
  areaIds: z.array(z.string()).max(10_000).default([]),
  /** The most sensitive marking included; null for all. */
  maxSensitivity: z.enum(SENSITIVITY_LEVELS).nullable().default(null),
});
export type BundleScope = z.output<typeof bundleScopeSchema>;

export const bundlePartSchema = z.object({
  path: z.string().min(1).max(200),
  size: z.int().nonnegative(),
  sha256: sha256Schema,
});

const deviceSchema = z.object({
  deviceId: z.string().min(1).max(100),
  deviceName: z.string().max(200),
});

export const bundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.int().positive(),
  bundleId: z.uuid(),
  registryId: z.string().min(1).max(100),
  schemaVersion: z.int().positive(),
  createdAt: z.iso.datetime({ offset: true }),
  source: deviceSchema,
  /** The peer it was made for; null for "everything, for anyone". */
  target: deviceSchema.nullable(),
  scope: bundleScopeSchema,
  /** The sender's change-log position this bundle reaches, for "changes since" next time. */
  throughSeq: z.int().nonnegative(),
  counts: z.object({
    records: z.partialRecord(z.enum(RECORD_KINDS), z.int().nonnegative()),
    tombstones: z.int().nonnegative(),
    attachments: z.int().nonnegative(),
  }),
  parts: z.array(bundlePartSchema).max(1_000_000),
});
export type BundleManifest = z.output<typeof bundleManifestSchema>;

/** One record as it travels: the whole stored record and its field versions. */
export const bundleRecordSchema = z.object({
  kind: z.enum(RECORD_KINDS),
  record: z.looseObject({ id: z.uuid() }),
  version: recordVersionSchema,
});
export type BundleRecord = z.output<typeof bundleRecordSchema>;

/** Why a bundle was refused (or not written), for the user's message. Nothing was changed. */
export const BUNDLE_PROBLEMS = [
  'not-a-bundle',
  'truncated',
  'damaged',
  'too-large',
  'wrong-passphrase',
  'passphrase-required',
  'weak-passphrase',
  'unsafe-kdf',
  'newer-format',
  'newer-schema',
  'other-registry',
  'unencrypted-not-allowed',
  'duplicate-record',
  'kind-clash',
] as const;
export type BundleProblem = (typeof BUNDLE_PROBLEMS)[number];

/** A record id this registry holds as one kind and the bundle carries as another. */
export type KindClash = { id: string; here: RecordKind; inBundle: RecordKind };

/** How many ids a refusal names, so a bundle of thousands does not make a page-long message. */
export const NAMED_IDS = 10;

/** What the user's message names, besides the problem. */
export type BundleErrorDetails = {
  /** duplicate-record: ids the bundle carries more than once (the first NAMED_IDS). */
  recordIds?: readonly string[];
  /** kind-clash: ids held here by another kind (the first NAMED_IDS). */
  kindClashes?: readonly KindClash[];
  /** unsafe-kdf: the setting outside its bounds. */
  kdf?: { setting: KdfSetting; value: number; min: number; max: number };
};

/** A refused bundle: the problem and details for the message, the text in English for the log. */
export class BundleError extends Error {
  constructor(
    readonly problem: BundleProblem,
    message: string,
    readonly details: BundleErrorDetails = {},
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

export const attachmentPartPath = (sha256: string) => `${BUNDLE_ATTACHMENTS_FOLDER}${sha256}`;

/** A file name for a bundle: source device, date and time, so a folder of them sorts by age. */
export function bundleFileName(deviceName: string, createdAt: Date): string {
  const safe = deviceName.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'registry';
  const stamp = createdAt.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return `${safe}-${stamp}.${BUNDLE_EXTENSION}`;
}
