import * as z from 'zod';
import { BACKUP_SCHEDULES, MAX_BACKUP_KEEP } from '../model/policy';
import {
  BACKUP_POOLS,
  BACKUP_PROBLEMS,
  backupManifestSchema,
  backupReasonSchema,
  TABLE_NAME,
} from './backupFormat';

/**
 * The schemas of the backup channels (backup:*), kept here so the IPC contract only names them.
 */

const bytesSchema = z.instanceof(Uint8Array);

/** How many backups to keep when neither the user nor the policy says. */
export const DEFAULT_BACKUP_KEEP = 10;
export const DEFAULT_BACKUP_SCHEDULE = 'daily';

/** The backup settings in force, and which of them the machine policy fixes. */
export const backupSettingsSchema = z.object({
  /** Where backups are written and rotated. */
  folder: z.string(),
  /** Not a folder the user chose: the policy's default, else `<data folder>/backups`. */
  isDefaultFolder: z.boolean(),
  keep: z.int().min(1).max(MAX_BACKUP_KEEP),
  schedule: z.enum(BACKUP_SCHEDULES),
  enforced: z.object({ folder: z.boolean(), keep: z.boolean(), schedule: z.boolean() }),
});
export type BackupSettings = z.output<typeof backupSettingsSchema>;

export const backupSettingsPatchSchema = z.object({
  keep: z.int().min(1).max(MAX_BACKUP_KEEP).optional(),
  schedule: z.enum(BACKUP_SCHEDULES).optional(),
  /** Forget the user's folder (the default applies). Another is chosen with backup:choose-folder. */
  useDefaultFolder: z.literal(true).optional(),
});

const dialogTitleSchema = z.string().min(1).max(200);

/**
 * Tables cross IPC in pieces of at most this size, so no single message carries a whole large
 * registry (Chromium's IPC and the test harness both have per-message limits around 100 MB+).
 */
export const TRANSFER_CHUNK_BYTES = 16 * 1_048_576;

const transferIdSchema = z.uuid();

/** One piece of one table's JSON, sent ahead of backup:create; pieces arrive in order. */
export const uploadTableInputSchema = z.object({
  uploadId: transferIdSchema,
  table: z.string().regex(TABLE_NAME),
  rows: z.int().nonnegative(),
  /** Where this piece starts in the table's bytes; 0 starts the table. */
  offset: z.int().nonnegative(),
  bytes: bytesSchema.refine((bytes) => bytes.byteLength <= TRANSFER_CHUNK_BYTES, {
    error: `must be at most ${TRANSFER_CHUNK_BYTES} bytes`,
  }),
});

export const createBackupInputSchema = z.object({
  reason: backupReasonSchema,
  /** The backup folder (rotated), or a file the user picks in a save dialog. */
  destination: z.enum(['folder', 'choose']),
  dialogTitle: dialogTitleSchema.optional(),
  schemaVersion: z.int().nonnegative(),
  registryId: z.string().max(100).nullable(),
  /** The tables sent with backup:upload under this id; the upload is used up. */
  uploadId: transferIdSchema,
});

export const createBackupOutputSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('written'),
    fileName: z.string(),
    /** The backup folder, when the backup went there. */
    folder: z.string().nullable(),
    size: z.int().nonnegative(),
    createdAt: z.string(),
    attachments: z.int().nonnegative(),
    /** Store files left out because their content no longer matched their name. */
    skippedAttachments: z.array(z.string()),
    /** Older scheduled backups deleted by rotation. */
    deleted: z.array(z.string()),
  }),
  /** The user cancelled the save dialog. */
  z.object({ status: z.literal('cancelled') }),
  /** A scheduled backup found a recent enough backup already there. */
  z.object({ status: z.literal('not-due') }),
]);

export const backupListEntrySchema = z.object({
  fileName: z.string(),
  size: z.int().nonnegative(),
  /** From the manifest; from the file name or the file's time when the manifest is unreadable. */
  createdAt: z.string(),
  reason: backupReasonSchema.nullable(),
  /**
   * Whether rotation may delete it (`rotated`: scheduled) or it stays until the user deletes it
   * (`kept`), by its file name as rotation reads it; null for a .zip not named like a backup,
   * which the app neither rotates nor deletes.
   */
  pool: z.enum(BACKUP_POOLS).nullable(),
  appVersion: z.string().nullable(),
  schemaVersion: z.int().nullable(),
  deviceName: z.string().nullable(),
  /** Rows per table, from the manifest. */
  tables: z.record(z.string(), z.int().nonnegative()),
  attachments: z.int().nonnegative(),
  /** Why the file cannot be used as a backup; null when its manifest reads correctly. */
  problem: z.enum(BACKUP_PROBLEMS).nullable(),
});
export type BackupListEntry = z.output<typeof backupListEntrySchema>;

export const backupListSchema = z.object({
  folder: z.string(),
  /** Newest first. */
  backups: z.array(backupListEntrySchema),
});

export const readBackupInputSchema = z.object({
  source: z.discriminatedUnion('kind', [
    /** A backup in the backup folder, by its file name (never a path). */
    z.object({ kind: z.literal('folder'), fileName: z.string().min(1).max(255) }),
    /** The newest readable backup in the backup folder (the recovery screen). */
    z.object({ kind: z.literal('newest') }),
    /** A file the user picks in an open dialog. */
    z.object({ kind: z.literal('choose'), dialogTitle: dialogTitleSchema }),
  ]),
});

export const readBackupOutputSchema = z
  .object({
    fileName: z.string(),
    manifest: backupManifestSchema,
    /** Fetch each verified table's JSON with backup:download under this id. */
    readId: transferIdSchema,
    /** Bytes of each table's JSON. */
    tables: z.record(z.string(), z.int().nonnegative()),
    /**
     * Attachment files of the backup missing from the store. Nothing is written while a backup is
     * read; backup:restore-files puts them back once the user has confirmed the restore.
     */
    attachmentsToRestore: z.object({ count: z.int().nonnegative(), bytes: z.int().nonnegative() }),
  })
  .nullable();

export const restoreFilesInputSchema = z.object({ readId: transferIdSchema });
export const restoreFilesOutputSchema = z.object({
  /** Files written into the store (those already there are left as they are). */
  restored: z.int().nonnegative(),
});

export const deleteBackupInputSchema = z.object({
  /** A backup's file name in the backup folder, as backup:list gives it; never a path. */
  fileName: z.string().min(1).max(255),
});

export const downloadTableInputSchema = z.object({
  readId: transferIdSchema,
  table: z.string().regex(TABLE_NAME),
  offset: z.int().nonnegative(),
});
