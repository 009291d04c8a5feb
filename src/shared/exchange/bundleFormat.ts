import * as z from 'zod';
import { RECORD_KINDS, SENSITIVITY_LEVELS, sha256Schema } from '../model/records';
import { recordVersionSchema } from './versions';

/**
 * An exchange bundle (`.coopx`): the changes one installation sends another, as one file.
 *
 *   "COOPX" 0x1A | header length (uint32, big-endian) | header (JSON, UTF-8) | payload
 *
 * The payload is a zip (manifest.json, records.json, attachments/<sha256>), encrypted with
 * AES-256-GCM under a key derived from the passphrase (PBKDF2-SHA-256) when the header names an
 * encryption. The header is the cipher's additional authenticated data, so a changed header byte
 * is detected like a changed payload byte; an unencrypted bundle carries the payload's SHA-256.
 */

export const BUNDLE_MAGIC = new Uint8Array([0x43, 0x4f, 0x4f, 0x50, 0x58, 0x1a]);
export const BUNDLE_FORMAT = 'cooperation-registry/exchange';
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_EXTENSION = 'coopx';
export const BUNDLE_MANIFEST_PATH = 'manifest.json';
export const BUNDLE_RECORDS_PATH = 'records.json';
export const BUNDLE_ATTACHMENTS_FOLDER = 'attachments/';
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256; the issue asks for at least this. */
export const PBKDF2_ITERATIONS = 600_000;
/** A header claiming more work than this is refused rather than tying the computer up. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
export const MAX_HEADER_BYTES = 64 * 1024;

const base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const bundleEncryptionSchema = z.object({
  cipher: z.literal('AES-256-GCM'),
  kdf: z.object({
    name: z.literal('PBKDF2-SHA-256'),
    iterations: z.int().min(PBKDF2_ITERATIONS).max(MAX_PBKDF2_ITERATIONS),
    salt: base64Schema,
  }),
  nonce: base64Schema,
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

/** Why a bundle was refused, for the user's message. Nothing was changed. */
export const BUNDLE_PROBLEMS = [
  'not-a-bundle',
  'truncated',
  'damaged',
  'wrong-passphrase',
  'passphrase-required',
  'newer-format',
  'newer-schema',
  'other-registry',
  'unencrypted-not-allowed',
] as const;
export type BundleProblem = (typeof BUNDLE_PROBLEMS)[number];

/** A refused bundle: the problem for the message, details in English for the log. */
export class BundleError extends Error {
  constructor(
    readonly problem: BundleProblem,
    message: string,
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
