import * as z from 'zod';

/**
 * The backup file: one .zip holding `manifest.json`, `tables/<table>.json` (every row of every
 * database table, tombstones and the change log included) and `attachments/<sha256>` (every file
 * of the attachment store). The manifest names every part with its size and SHA-256, so a reader
 * can prove the file is whole before anything is restored from it.
 */
export const BACKUP_FORMAT = 'cooperation-registry/backup';
/** The only backup format version this build writes and reads. */
export const BACKUP_FORMAT_VERSION = 1;

export const MANIFEST_PATH = 'manifest.json';
export const TABLES_FOLDER = 'tables/';
export const ATTACHMENTS_FOLDER = 'attachments/';

/** Why a backup was made: the user asked, the schedule, or the app before a risky step. */
export const BACKUP_REASONS = [
  'manual',
  'scheduled',
  'before-migration',
  'before-restore',
] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
export const backupReasonSchema = z.enum(BACKUP_REASONS);

/**
 * Which backups rotation may delete: only scheduled ones, the newest `keep` of them kept. Every
 * other backup (by hand, before an upgrade, before a restore) is the way back from one particular
 * step, so it stays until the user deletes it, however many scheduled backups come after it.
 */
export const BACKUP_POOLS = ['rotated', 'kept'] as const;
export type BackupPool = (typeof BACKUP_POOLS)[number];

/** The pool a backup made for this reason belongs to. */
export function backupPoolOf(reason: BackupReason): BackupPool {
  return reason === 'scheduled' ? 'rotated' : 'kept';
}

/**
 * Sizes a backup may declare or reach. A zip's declared sizes are checked against these before
 * anything is inflated, and inflating stops at the declared size, so a crafted file (a zip bomb)
 * is refused instead of exhausting memory or disk.
 */
export const BACKUP_LIMITS = {
  /**
   * One backup file: the zip format without ZIP64 ends at 4 GiB, and backups never use ZIP64.
   * Also the most its entries may declare together, so what restoring could write and hold:
   * attachments are stored uncompressed and tables are far smaller, so a backup this app writes
   * never declares more than its file holds.
   */
  fileBytes: 0xffff_fffe,
  manifestBytes: 16 * 1_048_576,
  /** One table's JSON; V8 strings end at about 512 MiB. */
  tableBytes: 500 * 1_048_576,
  /** All tables together, held in memory while restoring. */
  allTablesBytes: 1_536 * 1_048_576,
  attachmentBytes: 2_048 * 1_048_576,
  entries: 1_000_000,
} as const;

/** A database table's name: letters and digits, as Dexie tables here are named. */
export const TABLE_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
export const SHA256_HEX = /^[0-9a-f]{64}$/;

const sha256Schema = z.string().regex(SHA256_HEX, { error: 'must be a lower-case SHA-256' });
const sizeSchema = z.int().nonnegative();

export const backupPartSchema = z.object({
  path: z.string().min(1).max(200),
  size: sizeSchema,
  sha256: sha256Schema,
});
export type BackupPart = z.output<typeof backupPartSchema>;

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.int().positive(),
  createdAt: z.iso.datetime({ offset: true }),
  reason: backupReasonSchema,
  appVersion: z.string().min(1).max(100),
  /** The registry's database schema version the tables were read at. */
  schemaVersion: z.int().nonnegative(),
  /** The registry's own id (meta table), null when it had none. */
  registryId: z.string().max(100).nullable(),
  device: z.object({ deviceId: z.string().max(100), deviceName: z.string().max(200) }),
  /** Rows per table, as read; restoring checks the table files hold exactly these. */
  tables: z.record(z.string().regex(TABLE_NAME), z.object({ rows: sizeSchema })),
  attachments: z.object({ count: sizeSchema, bytes: sizeSchema }),
  /** Files of the attachment store left out because their content no longer matched their name. */
  skippedAttachments: z.array(z.string().max(300)).max(100_000),
  /** Every other entry of the zip, with its size and SHA-256. */
  parts: z.array(backupPartSchema).max(BACKUP_LIMITS.entries),
});
export type BackupManifest = z.output<typeof backupManifestSchema>;

/**
 * What is wrong with a file offered as a backup, for the user's message: `part` names the entry
 * concerned where there is one.
 */
export const BACKUP_PROBLEMS = [
  'not-a-backup',
  'truncated',
  'corrupt',
  'unsafe-path',
  'unexpected-entry',
  'too-large',
  'hash-mismatch',
  'missing-part',
  'invalid-manifest',
  'newer-format',
  'unsupported-zip',
  'invalid-table',
] as const;
export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];

/** A refused backup: what is wrong, in which part, in English for the log. Nothing was changed. */
export class BackupFormatError extends Error {
  constructor(
    readonly problem: BackupProblem,
    message: string,
    readonly part: string | null = null,
  ) {
    super(message);
    this.name = 'BackupFormatError';
  }
}

export const tablePartPath = (table: string) => `${TABLES_FOLDER}${table}.json`;
export const attachmentPartPath = (sha256: string) => `${ATTACHMENTS_FOLDER}${sha256}`;

/** What an entry of a backup zip is, by its name; null for a name the format has no place for. */
export function classifyPartPath(
  path: string,
):
  | { kind: 'manifest' }
  | { kind: 'table'; table: string }
  | { kind: 'attachment'; sha256: string }
  | null {
  if (path === MANIFEST_PATH) return { kind: 'manifest' };
  if (path.startsWith(TABLES_FOLDER) && path.endsWith('.json')) {
    const table = path.slice(TABLES_FOLDER.length, -'.json'.length);
    return TABLE_NAME.test(table) ? { kind: 'table', table } : null;
  }
  if (path.startsWith(ATTACHMENTS_FOLDER)) {
    const sha256 = path.slice(ATTACHMENTS_FOLDER.length);
    return SHA256_HEX.test(sha256) ? { kind: 'attachment', sha256 } : null;
  }
  return null;
}

const FILE_NAME =
  /^registry-backup-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+?)(?:-(\d+))?\.zip$/;

/**
 * A backup's file name: UTC time to the millisecond (so names sort by age and never collide in
 * practice) and the reason, e.g. `registry-backup-2026-11-01T09-00-00-000Z-scheduled.zip`.
 */
export function backupFileName(createdAt: Date, reason: BackupReason, counter = 0): string {
  const stamp = createdAt.toISOString().replace(/:/g, '-').replace('.', '-');
  return `registry-backup-${stamp}-${reason}${counter > 0 ? `-${counter}` : ''}.zip`;
}

/** The time and reason in a name backupFileName wrote; null for any other file name. */
export function parseBackupFileName(
  name: string,
): { createdAt: Date; reason: BackupReason } | null {
  const match = FILE_NAME.exec(name);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, millis, reason] = match;
  const parsedReason = backupReasonSchema.safeParse(reason);
  if (!parsedReason.success) return null;
  const createdAt = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}Z`);
  if (Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, reason: parsedReason.data };
}

/** How long after the newest backup the schedule asks for the next one; null when it is off. */
export function scheduleInterval(schedule: 'off' | 'daily' | 'weekly'): number | null {
  switch (schedule) {
    case 'off':
      return null;
    case 'daily':
      return 24 * 3_600_000;
    case 'weekly':
      return 7 * 24 * 3_600_000;
  }
}
