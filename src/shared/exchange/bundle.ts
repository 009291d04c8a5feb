import { zipSync, type Zippable } from 'fflate';
import * as z from 'zod';
import { BackupFormatError } from '../backup/backupFormat';
import { bytesSource, readZipDirectory, readZipEntry, type ZipEntry } from '../backup/zipReader';
import { contentSchemas, META_FIELDS, recordMetaSchema } from '../model/records';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BUNDLE_MAGIC,
  BUNDLE_MANIFEST_PATH,
  BUNDLE_RECORDS_PATH,
  BUNDLE_ATTACHMENTS_FOLDER,
  BundleError,
  MAX_HEADER_BYTES,
  NAMED_IDS,
  attachmentPartPath,
  bundleHeaderSchema,
  bundleManifestSchema,
  bundleRecordSchema,
  type BundleHeader,
  type BundleManifest,
  type BundleRecord,
} from './bundleFormat';
import {
  checkKdfBounds,
  deriveBundleKeys,
  fromBase64,
  newBundleKdf,
  sha256Hex,
  toBase64,
} from './bundleKeys';
import { requireStrongPassphrase } from './passphrase';

/**
 * Writing and reading exchange bundles. Pure (WebCrypto, hash-wasm, fflate), so the renderer's worker
 * reads untrusted files with the same code the tests fuzz, and every refusal is a BundleError
 * raised before anything reaches the registry.
 */

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX_BYTES = BUNDLE_MAGIC.length + 4;

const MiB = 1_048_576;

const LIMITS = {
  manifestBytes: 16 * MiB,
  recordsBytes: 500 * MiB,
  attachmentBytes: 2_048 * MiB,
  entries: 1_000_000,
  /**
   * How many times its size a payload may expand to, all entries together. Records compress 4 to
   * 11 times at the level they are written with (the sample registry; a generated 20,000-record
   * one), attachments are stored as they are; so 32 leaves room, and a small file declaring
   * hundreds of megabytes (a zip bomb) is refused before anything is inflated.
   */
  expansion: 32,
  /** Every payload may expand to this much, however small. */
  expandedFloor: 64 * MiB,
};

function framed(header: BundleHeader): Uint8Array<ArrayBuffer> {
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const prefix = new Uint8Array(PREFIX_BYTES + headerBytes.length);
  prefix.set(BUNDLE_MAGIC, 0);
  new DataView(prefix.buffer).setUint32(BUNDLE_MAGIC.length, headerBytes.length);
  prefix.set(headerBytes, PREFIX_BYTES);
  return prefix;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const result = new Uint8Array(a.length + b.length);
  result.set(a, 0);
  result.set(b, a.length);
  return result;
}

export type BundleContents = {
  manifest: Omit<BundleManifest, 'format' | 'formatVersion' | 'parts' | 'counts'>;
  records: readonly BundleRecord[];
  attachments: readonly { sha256: string; bytes: Uint8Array<ArrayBuffer> }[];
};

/**
 * What to write: the contents, and the passphrase. Null writes an unencrypted bundle, which only a
 * machine policy allowing them may ask for (the caller checks; main checks the bytes it saves).
 */
export type WriteBundleOptions = { passphrase: string | null };

/**
 * Builds the bytes of a bundle file, encrypted under a key derived with Argon2id. A passphrase
 * below the minimum (passphrase.ts) is refused here, whatever the dialog let through.
 */
export async function writeBundle(
  contents: BundleContents,
  options: WriteBundleOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  if (options.passphrase !== null) requireStrongPassphrase(options.passphrase);
  const recordsBytes = new TextEncoder().encode(JSON.stringify(contents.records));
  const parts = [
    { path: BUNDLE_RECORDS_PATH, size: recordsBytes.length, sha256: await sha256Hex(recordsBytes) },
  ];
  const files: Zippable = { [BUNDLE_RECORDS_PATH]: [recordsBytes, { level: 1 }] };
  for (const attachment of contents.attachments) {
    const path = attachmentPartPath(attachment.sha256);
    if (files[path]) continue;
    parts.push({ path, size: attachment.bytes.length, sha256: attachment.sha256 });
    files[path] = [attachment.bytes, { level: 0 }];
  }
  const records: Record<string, number> = {};
  for (const entry of contents.records) records[entry.kind] = (records[entry.kind] ?? 0) + 1;
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    ...contents.manifest,
    counts: {
      records,
      tombstones: contents.records.filter((entry) => entry.record.deletedAt != null).length,
      attachments: parts.length - 1,
    },
    parts,
  };
  files[BUNDLE_MANIFEST_PATH] = [new TextEncoder().encode(JSON.stringify(manifest)), { level: 6 }];
  const zip = zipSync(files);

  const base = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    bundleId: manifest.bundleId,
    registryId: manifest.registryId,
    schemaVersion: manifest.schemaVersion,
  } as const;
  if (options.passphrase === null) {
    const header: BundleHeader = {
      ...base,
      payloadLength: zip.length,
      encryption: null,
      payloadSha256: await sha256Hex(zip),
    };
    return concat(framed(header), zip);
  }
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const kdf = newBundleKdf();
  const { key, keyCheck } = await deriveBundleKeys(options.passphrase, kdf);
  const header: BundleHeader = {
    ...base,
    payloadLength: zip.length + TAG_BYTES,
    encryption: {
      cipher: 'AES-256-GCM',
      kdf,
      nonce: toBase64(nonce),
      keyCheck,
    },
    payloadSha256: null,
  };
  const prefix = framed(header);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: prefix, tagLength: TAG_BYTES * 8 },
    key,
    zip,
  );
  return concat(prefix, new Uint8Array(ciphertext));
}

/**
 * The header of a bundle, read before any passphrase is asked for. A key derivation outside its
 * bounds is refused here (`unsafe-kdf`), before anything is derived.
 */
export function readBundleHeader(bytes: Uint8Array): { header: BundleHeader; headerEnd: number } {
  if (bytes.length < PREFIX_BYTES || BUNDLE_MAGIC.some((byte, index) => bytes[index] !== byte)) {
    throw new BundleError('not-a-bundle', 'The file does not start like an exchange bundle.');
  }
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(
    BUNDLE_MAGIC.length,
  );
  if (length > MAX_HEADER_BYTES) {
    throw new BundleError('damaged', `The bundle header claims ${length} bytes.`);
  }
  const headerEnd = PREFIX_BYTES + length;
  if (bytes.length < headerEnd) {
    throw new BundleError('truncated', 'The bundle ends inside its header.');
  }
  let json: unknown;
  try {
    json = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX_BYTES, headerEnd)),
    );
  } catch {
    throw new BundleError('damaged', 'The bundle header is not readable JSON.');
  }
  const version = z.object({ format: z.string(), formatVersion: z.number() }).safeParse(json);
  if (
    version.success &&
    version.data.format === BUNDLE_FORMAT &&
    version.data.formatVersion > BUNDLE_FORMAT_VERSION
  ) {
    throw new BundleError(
      'newer-format',
      `The bundle has format version ${version.data.formatVersion}; this app reads up to ${BUNDLE_FORMAT_VERSION}.`,
    );
  }
  const header = bundleHeaderSchema.safeParse(json);
  if (!header.success) {
    throw new BundleError('damaged', `The bundle header is invalid: ${header.error.message}`);
  }
  if (header.data.encryption) checkKdfBounds(header.data.encryption.kdf);
  return { header: header.data, headerEnd };
}

export type OpenBundleOptions = {
  passphrase: string | null;
  /**
   * This registry's id: a bundle for another registry is refused. Null for an empty registry,
   * which may join the registry the bundle comes from.
   */
  registryId: string | null;
  /** The newest schema this app knows: a bundle from a newer one is refused. */
  schemaVersion: number;
  canReadUnencrypted: boolean;
};

export type OpenedBundle = {
  header: BundleHeader;
  manifest: BundleManifest;
  records: BundleRecord[];
  attachments: { sha256: string; bytes: Uint8Array<ArrayBuffer> }[];
};

async function decryptPayload(
  header: BundleHeader,
  prefix: Uint8Array<ArrayBuffer>,
  payload: Uint8Array<ArrayBuffer>,
  options: OpenBundleOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const encryption = header.encryption;
  if (!encryption) {
    if (!options.canReadUnencrypted) {
      throw new BundleError(
        'unencrypted-not-allowed',
        'The bundle is not encrypted, and this computer only accepts encrypted bundles.',
      );
    }
    if ((await sha256Hex(payload)) !== header.payloadSha256) {
      throw new BundleError('damaged', 'The bundle was changed after it was written (checksum).');
    }
    return payload;
  }
  if (options.passphrase === null || options.passphrase === '') {
    throw new BundleError(
      'passphrase-required',
      'The bundle is encrypted: a passphrase is needed.',
    );
  }
  const { key, keyCheck } = await deriveBundleKeys(options.passphrase, encryption.kdf);
  if (keyCheck !== encryption.keyCheck) {
    throw new BundleError('wrong-passphrase', 'The passphrase does not open this bundle.');
  }
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: fromBase64(encryption.nonce),
          additionalData: prefix,
          tagLength: TAG_BYTES * 8,
        },
        key,
        payload,
      ),
    );
  } catch {
    throw new BundleError(
      'damaged',
      'The bundle was changed after it was written (authentication).',
    );
  }
}

function entryLimit(name: string): number | null {
  if (name === BUNDLE_MANIFEST_PATH) return LIMITS.manifestBytes;
  if (name === BUNDLE_RECORDS_PATH) return LIMITS.recordsBytes;
  if (name.startsWith(BUNDLE_ATTACHMENTS_FOLDER)) return LIMITS.attachmentBytes;
  return null;
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BundleError('damaged', `The bundle's ${what} is not readable JSON.`);
  }
}

/** The zip reader's refusals as the bundle's: a zip bomb is `too-large`, the rest `damaged`. */
async function asBundleError<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof BackupFormatError)) throw error;
    throw new BundleError(error.problem === 'too-large' ? 'too-large' : 'damaged', error.message);
  }
}

/**
 * A bundle carrying one id twice is refused: applied in turn, the last copy would win, and a copy
 * under another kind would overwrite the first one's field versions.
 */
function refuseRepeatedIds(records: readonly BundleRecord[]): void {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const entry of records) {
    if (seen.has(entry.record.id)) repeated.add(entry.record.id);
    seen.add(entry.record.id);
  }
  if (repeated.size === 0) return;
  const ids = [...repeated].slice(0, NAMED_IDS);
  throw new BundleError(
    'duplicate-record',
    `The bundle carries ${repeated.size} record id(s) more than once, among them ${ids.join(', ')}.`,
    { recordIds: ids },
  );
}

const META_FIELD_SET: ReadonlySet<string> = new Set(META_FIELDS);

function checkRecord(entry: BundleRecord, index: number): void {
  const meta = recordMetaSchema.safeParse(entry.record);
  const content = Object.fromEntries(
    Object.entries(entry.record).filter(([field]) => !META_FIELD_SET.has(field)),
  );
  const parsed = (contentSchemas[entry.kind] as z.ZodType).safeParse(content);
  if (!meta.success || !parsed.success) {
    throw new BundleError(
      'damaged',
      `Record ${index + 1} (${entry.kind}) of the bundle is invalid.`,
    );
  }
}

/**
 * Opens a bundle: checks the header, the passphrase, every byte (GCM tag or checksum), the zip
 * (within an expansion budget), the manifest against the header, every part against the manifest,
 * every record against its schema, and that no record id comes twice. Throws a BundleError on the
 * first problem. Ids this registry holds under another kind are checked by the preview and the
 * apply, which can see the registry.
 */
export async function openBundle(
  bytes: Uint8Array<ArrayBuffer>,
  options: OpenBundleOptions,
): Promise<OpenedBundle> {
  const { header, headerEnd } = readBundleHeader(bytes);
  const payload = bytes.subarray(headerEnd);
  if (payload.length < header.payloadLength) {
    throw new BundleError(
      'truncated',
      `The bundle is ${header.payloadLength - payload.length} bytes short.`,
    );
  }
  if (payload.length > header.payloadLength) {
    throw new BundleError('damaged', 'The bundle has bytes after its end.');
  }
  // `payload` is a view, not a copy: a bundle may be 512 MiB.
  const zip = await decryptPayload(header, bytes.slice(0, headerEnd), payload, options);

  if (header.schemaVersion > options.schemaVersion) {
    throw new BundleError(
      'newer-schema',
      `The bundle comes from a registry at schema version ${header.schemaVersion}; this app knows up to ${options.schemaVersion}.`,
    );
  }
  if (options.registryId !== null && header.registryId !== options.registryId) {
    throw new BundleError('other-registry', `The bundle belongs to registry ${header.registryId}.`);
  }

  const source = bytesSource(zip);
  const entries = await asBundleError(() =>
    readZipDirectory(source, {
      fileBytes: 0xffff_fffe,
      entries: LIMITS.entries,
      entryBytes: entryLimit,
      totalBytes: Math.max(LIMITS.expandedFloor, zip.length * LIMITS.expansion),
    }),
  );
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  // Every part is checked against its SHA-256 below, so the zip's weaker CRC is not computed too.
  const read = (entry: ZipEntry, checkCrc = false) =>
    asBundleError(() => readZipEntry(source, entry, { checkCrc }));
  const manifestEntry = byName.get(BUNDLE_MANIFEST_PATH);
  if (!manifestEntry) throw new BundleError('damaged', 'The bundle has no manifest.');
  const manifestResult = bundleManifestSchema.safeParse(
    parseJson(await read(manifestEntry, true), 'manifest'),
  );
  if (!manifestResult.success) {
    throw new BundleError(
      'damaged',
      `The bundle's manifest is invalid: ${manifestResult.error.message}`,
    );
  }
  const manifest = manifestResult.data;
  if (
    manifest.bundleId !== header.bundleId ||
    manifest.registryId !== header.registryId ||
    manifest.schemaVersion !== header.schemaVersion
  ) {
    throw new BundleError('damaged', 'The manifest does not match the bundle header.');
  }
  const listed = new Set(manifest.parts.map((part) => part.path));
  // A part listed twice would be inflated and kept twice: the total limit counts each entry once.
  if (listed.size !== manifest.parts.length) {
    throw new BundleError('damaged', 'The bundle’s manifest lists a part more than once.');
  }
  for (const part of manifest.parts) {
    if (part.path !== BUNDLE_RECORDS_PATH && part.path !== attachmentPartPath(part.sha256)) {
      throw new BundleError(
        'damaged',
        `The bundle’s manifest lists “${part.path}”, which a bundle cannot hold.`,
      );
    }
  }
  for (const entry of entries) {
    if (entry.name !== BUNDLE_MANIFEST_PATH && !listed.has(entry.name)) {
      throw new BundleError(
        'damaged',
        `The bundle holds “${entry.name}”, which its manifest does not list.`,
      );
    }
  }
  let records: BundleRecord[] | null = null;
  const attachments: OpenedBundle['attachments'] = [];
  for (const part of manifest.parts) {
    const entry = byName.get(part.path);
    if (!entry) throw new BundleError('damaged', `The bundle lacks “${part.path}”.`);
    const data = await read(entry);
    if (data.length !== part.size || (await sha256Hex(data)) !== part.sha256) {
      throw new BundleError('damaged', `“${part.path}” does not match its checksum.`);
    }
    if (part.path === BUNDLE_RECORDS_PATH) {
      const parsed = z.array(bundleRecordSchema).safeParse(parseJson(data, 'record list'));
      if (!parsed.success) throw new BundleError('damaged', "The bundle's record list is invalid.");
      records = parsed.data;
    } else {
      attachments.push({ sha256: part.sha256, bytes: data });
    }
  }
  if (!records) throw new BundleError('damaged', 'The bundle has no record list.');
  records.forEach(checkRecord);
  refuseRepeatedIds(records);
  return { header, manifest, records, attachments };
}
