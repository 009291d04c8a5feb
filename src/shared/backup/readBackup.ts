import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_LIMITS,
  BackupFormatError,
  backupManifestSchema,
  classifyPartPath,
  MANIFEST_PATH,
  tablePartPath,
  type BackupManifest,
} from './backupFormat';
import { describeIssues } from './describeIssues';
import {
  readZipDirectory,
  readZipEntry,
  streamZipEntry,
  type RandomAccessSource,
  type ZipEntry,
} from './zipReader';

/** A SHA-256 fed chunk by chunk: node:crypto in main, anything equivalent elsewhere. */
export type Sha256 = { update: (chunk: Uint8Array) => void; digestHex: () => string };
export type CreateSha256 = () => Sha256;

/** A backup whose directory and manifest were read and checked against each other. */
export type OpenedBackup = {
  manifest: BackupManifest;
  /** Zip entries by name; exactly the manifest's parts plus the manifest. */
  entries: ReadonlyMap<string, ZipEntry>;
};

function entryLimit(name: string): number | null {
  switch (classifyPartPath(name)?.kind) {
    case 'manifest':
      return BACKUP_LIMITS.manifestBytes;
    case 'table':
      return BACKUP_LIMITS.tableBytes;
    case 'attachment':
      return BACKUP_LIMITS.attachmentBytes;
    case undefined:
      return null;
  }
}

/**
 * Reads a backup's directory and manifest, and checks that they agree: every part the manifest
 * lists is in the zip with the declared size, nothing else is, and the sizes stay within limits.
 * Cheap (reads no part's data), so a list of backups can show each one's manifest.
 */
export async function openBackup(source: RandomAccessSource): Promise<OpenedBackup> {
  // Every entry's declared size is checked against its own limit and all of them together against
  // the total, before anything (the manifest included) is inflated.
  const entries = await readZipDirectory(source, {
    fileBytes: BACKUP_LIMITS.fileBytes,
    entries: BACKUP_LIMITS.entries,
    entryBytes: entryLimit,
    totalBytes: BACKUP_LIMITS.fileBytes,
  });
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const manifestEntry = byName.get(MANIFEST_PATH);
  if (!manifestEntry) {
    throw new BackupFormatError(
      'not-a-backup',
      'The zip archive has no manifest.json: it is not a registry backup.',
    );
  }
  const manifestBytes = await readZipEntry(source, manifestEntry);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    throw new BackupFormatError(
      'invalid-manifest',
      'manifest.json is not valid JSON.',
      MANIFEST_PATH,
    );
  }
  if (typeof json === 'object' && json !== null && 'format' in json) {
    if (json.format !== BACKUP_FORMAT) {
      throw new BackupFormatError('not-a-backup', 'The manifest is not a registry backup’s.');
    }
    const version = (json as { formatVersion?: unknown }).formatVersion;
    if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
      throw new BackupFormatError(
        'newer-format',
        `The backup has format version ${version}; this version of the app reads version ${BACKUP_FORMAT_VERSION}.`,
      );
    }
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new BackupFormatError(
      'invalid-manifest',
      `manifest.json is not a valid backup manifest: ${describeIssues(parsed.error.issues, '(root)')}.`,
      MANIFEST_PATH,
    );
  }
  const manifest = parsed.data;
  if (manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupFormatError(
      'newer-format',
      `The backup has format version ${manifest.formatVersion}; this version of the app reads version ${BACKUP_FORMAT_VERSION}.`,
    );
  }

  const listed = new Set<string>();
  let tableBytes = 0;
  let attachments = 0;
  for (const part of manifest.parts) {
    const kind = classifyPartPath(part.path);
    if (!kind || kind.kind === 'manifest' || listed.has(part.path)) {
      throw new BackupFormatError(
        'invalid-manifest',
        `The manifest lists “${part.path}”, which a backup cannot hold.`,
        part.path,
      );
    }
    listed.add(part.path);
    const entry = byName.get(part.path);
    if (!entry) {
      throw new BackupFormatError(
        'missing-part',
        `“${part.path}” is listed in the manifest but missing from the file.`,
        part.path,
      );
    }
    if (entry.size !== part.size) {
      throw new BackupFormatError(
        'corrupt',
        `“${part.path}” is ${entry.size} bytes in the zip but ${part.size} in the manifest.`,
        part.path,
      );
    }
    if (kind.kind === 'table') {
      tableBytes += part.size;
      if (!Object.hasOwn(manifest.tables, kind.table)) {
        throw new BackupFormatError(
          'invalid-manifest',
          `The table file “${part.path}” has no row count in the manifest.`,
          part.path,
        );
      }
    }
    if (kind.kind === 'attachment') attachments += 1;
    if (kind.kind === 'attachment' && part.sha256 !== kind.sha256) {
      throw new BackupFormatError(
        'invalid-manifest',
        `The manifest gives “${part.path}” another SHA-256 than its name.`,
        part.path,
      );
    }
  }
  for (const name of byName.keys()) {
    if (name !== MANIFEST_PATH && !listed.has(name)) {
      throw new BackupFormatError(
        'unexpected-entry',
        `The entry “${name}” is not listed in the manifest.`,
        name,
      );
    }
  }
  for (const table of Object.keys(manifest.tables)) {
    if (!listed.has(tablePartPath(table))) {
      throw new BackupFormatError(
        'missing-part',
        `The table “${table}” is counted in the manifest but has no file.`,
        tablePartPath(table),
      );
    }
  }
  if (attachments !== manifest.attachments.count) {
    throw new BackupFormatError(
      'invalid-manifest',
      `The manifest counts ${manifest.attachments.count} attachments but lists ${attachments}.`,
      MANIFEST_PATH,
    );
  }
  if (tableBytes > BACKUP_LIMITS.allTablesBytes) {
    throw new BackupFormatError(
      'too-large',
      `The tables hold ${tableBytes} bytes together; at most ${BACKUP_LIMITS.allTablesBytes} are accepted.`,
    );
  }
  return { manifest, entries: byName };
}

/** What verifying a backup gives: the tables' JSON bytes by table name, ready for the renderer. */
export type VerifiedBackup = {
  manifest: BackupManifest;
  tables: Map<string, Uint8Array<ArrayBuffer>>;
};

/**
 * Reads every part of an opened backup and checks its SHA-256 against the manifest, keeping the
 * tables in memory; attachments are only hashed, nothing is written anywhere. Throws
 * BackupFormatError on the first part that does not match, before the caller has changed anything.
 */
export async function verifyBackup(
  source: RandomAccessSource,
  opened: OpenedBackup,
  createSha256: CreateSha256,
): Promise<VerifiedBackup> {
  const tables = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const part of opened.manifest.parts) {
    const entry = opened.entries.get(part.path);
    const kind = classifyPartPath(part.path);
    if (!entry || !kind) {
      throw new BackupFormatError('missing-part', `“${part.path}” is missing.`, part.path);
    }
    const hash = createSha256();
    let bytes: Uint8Array<ArrayBuffer> | null = null;
    // The SHA-256 vouches for every byte, so the zip's weaker CRC is not computed as well.
    if (kind.kind === 'table') {
      bytes = await readZipEntry(source, entry, { checkCrc: false });
      hash.update(bytes);
    } else {
      await streamZipEntry(source, entry, (chunk) => hash.update(chunk), { checkCrc: false });
    }
    if (hash.digestHex() !== part.sha256) {
      throw new BackupFormatError(
        'hash-mismatch',
        `“${part.path}” does not match the SHA-256 in the manifest: the file is damaged.`,
        part.path,
      );
    }
    if (kind.kind === 'table' && bytes) tables.set(kind.table, bytes);
  }
  return { manifest: opened.manifest, tables };
}
