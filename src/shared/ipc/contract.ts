import * as z from 'zod';
import {
  backupListSchema,
  backupSettingsPatchSchema,
  backupSettingsSchema,
  createBackupInputSchema,
  createBackupOutputSchema,
  deleteBackupInputSchema,
  downloadTableInputSchema,
  readBackupInputSchema,
  readBackupOutputSchema,
  restoreFilesInputSchema,
  restoreFilesOutputSchema,
  uploadTableInputSchema,
} from '../backup/backupIpc';
import { BUNDLE_EXTENSION } from '../exchange/bundleFormat';
import { attachmentVerdictSchema } from '../model/fileType';
import { languageSchema } from '../model/localizedText';
import { dataLocationsSchema, EXPORT_FORMATS, policyReportSchema } from '../model/policy';
import { documentFileSchema, sha256Schema } from '../model/records';
import { registrySnapshotSchema } from '../model/registrySnapshot';

const noInput = z.undefined();

const deviceSchema = z.object({
  deviceId: z.uuid(),
  /** Shown in history and exchange logs; defaults to the computer's host name. */
  deviceName: z.string().min(1).max(80),
});

const settingsSchema = z.object({
  /** null until the user picks one: the UI then follows the system language. */
  uiLanguage: languageSchema.nullable(),
});

const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/))
    .min(1)
    .max(10),
});

/**
 * What `file:save` writes: an export format, allowed by the policy's allowedExportFormats, or an
 * exchange bundle, allowed encrypted (unencrypted only where the policy says so). Main derives the
 * dialog's filter and the file's extension from it and checks that the bytes are that format.
 */
export const SAVE_FORMATS = [...EXPORT_FORMATS, BUNDLE_EXTENSION] as const;
export type SaveFormat = (typeof SAVE_FORMATS)[number];

/**
 * Why `file:open` reads a file: `import` (a spreadsheet or registry file for the import wizard)
 * or `bundle` (an exchange bundle, which main refuses unless it is one the policy accepts).
 */
export const OPEN_PURPOSES = ['import', 'bundle'] as const;
export type OpenPurpose = (typeof OPEN_PURPOSES)[number];

/** The name a save dialog shows for its one file type; the type itself is main's to decide. */
const filterNameSchema = z.string().min(1).max(100);

/** Bytes cross IPC as Uint8Array (structured clone in Electron, Playwright's serializer in tests). */
const bytesSchema = z.instanceof(Uint8Array);

/** The largest file the app reads whole: imports and restores above this are refused. */
export const MAX_OPEN_BYTES = 512 * 1_048_576;

/** The largest file that can be attached: scans of signed agreements fit, video archives do not. */
export const MAX_ATTACHMENT_BYTES = 200 * 1_048_576;

/**
 * Bytes the renderer hands to main, at most `max`: main refuses a larger message at the door,
 * before any service holds it, whatever the renderer was made to send.
 */
const bytesUpTo = (max: number) =>
  bytesSchema.refine((bytes) => bytes.byteLength <= max, {
    error: `must be at most ${max} bytes`,
  });

/** The largest briefing pack printed: a pack of several thousand records is far below it. */
export const MAX_PACK_HTML_CHARS = 50_000_000;

/**
 * Every channel between renderer and main, with the schemas both ends are held to. Channel names
 * (`feature:verb`) exist nowhere else; main, preload and renderer derive their types from here.
 *
 * `changesRegistry` says whether a channel brings anything into the registry or its attachment
 * store (an import file, a bundle, a backup, the sample, an attached file). Main refuses every such
 * channel with `policy-forbids` while the machine policy makes the registry read-only, whatever
 * the renderer shows; a new channel cannot be added without deciding it.
 */
export const ipcContract = {
  /** Versions and folders for Settings and for bug reports. */
  'app:info': {
    changesRegistry: false,
    input: noInput,
    output: z.object({
      appVersion: z.string(),
      electronVersion: z.string().nullable(),
      chromeVersion: z.string().nullable(),
      platform: z.string(),
      isPackaged: z.boolean(),
      /** Where the registry database, settings and logs live on this machine. */
      dataFolder: z.string(),
      systemLocale: z.string(),
    }),
  },
  /** This installation's identity, stamped on every change it makes. */
  'device:get': { changesRegistry: false, input: noInput, output: deviceSchema },
  'device:rename': {
    changesRegistry: false,
    input: z.object({ deviceName: z.string().trim().min(1).max(80) }),
    output: deviceSchema,
  },
  /**
   * The effective settings: `uiLanguage` is the user's choice, else the policy's default language,
   * else null (follow the system). A language the policy enforces wins over the user's choice.
   */
  'settings:get': { changesRegistry: false, input: noInput, output: settingsSchema },
  /** Refused with `invalid-input` when it would change a language the policy enforces. */
  'settings:update': {
    changesRegistry: false,
    input: settingsSchema.partial(),
    output: settingsSchema,
  },
  /**
   * The machine policy as main applied it at start (from which file, what it sets, what was wrong
   * with it) and where the data lives and why, so Settings can show IT's choices and their source.
   */
  'policy:get': {
    changesRegistry: false,
    input: noInput,
    output: policyReportSchema.extend({ dataLocations: dataLocationsSchema }),
  },
  /** The sample registry shipped in resources/, validated before the renderer sees it. */
  'sample:read': { changesRegistry: true, input: noInput, output: registrySnapshotSchema },
  /**
   * Asks the user for a file and returns its name and bytes (never its path), or null when the
   * dialog was cancelled. Refused with `too-large` above `maxBytes`, before reading. An exchange
   * bundle, whatever the purpose, is refused with `policy-forbids` when it is unencrypted and the
   * policy does not allow that; for `bundle`, any other file is refused with `invalid-data`.
   */
  'file:open': {
    changesRegistry: true,
    input: z.object({
      title: z.string().min(1).max(200),
      filters: z.array(fileFilterSchema).min(1).max(10),
      maxBytes: z.int().positive().max(MAX_OPEN_BYTES),
      purpose: z.enum(OPEN_PURPOSES),
    }),
    output: z
      .object({ name: z.string(), size: z.int().nonnegative(), bytes: bytesSchema })
      .nullable(),
  },
  /**
   * Asks where to save and writes the bytes atomically (a failure leaves an existing file intact)
   * as a file of `format`, with its extension; the saved file's name, or null when cancelled.
   * Refused before any dialog with `policy-forbids` (a format, or an unencrypted bundle, the policy
   * does not allow) or `invalid-data` (bytes that are not that format). Failures: `disk-full`,
   * `no-permission`, `file-locked`, `io-error`.
   */
  'file:save': {
    changesRegistry: false,
    input: z.object({
      title: z.string().min(1).max(200),
      defaultName: z.string().min(1).max(255),
      format: z.enum(SAVE_FORMATS),
      /** The dialog's name for the file type, in the UI language. */
      filterName: filterNameSchema.optional(),
      /** What is saved can be opened again: the same limit as file:open's. */
      bytes: bytesUpTo(MAX_OPEN_BYTES),
    }),
    output: z.object({ name: z.string() }).nullable(),
  },
  /**
   * Asks for a file and keeps a copy in the data folder under its SHA-256 (the same bytes are
   * stored once: `isAlreadyStored` says so). Null when cancelled; `too-large` above the limit.
   */
  'attachment:add': {
    changesRegistry: true,
    input: z.object({ title: z.string().min(1).max(200) }),
    output: documentFileSchema.extend({ isAlreadyStored: z.boolean() }).nullable(),
  },
  /**
   * Shows a stored file in the system's viewer (a copy under `name`, so the original cannot be
   * edited), only when its bytes are an allow-listed document type matching an honest `name`.
   * Failures: `unsafe-file-type` (nothing is opened), `attachment-missing`, `attachment-damaged`,
   * `no-viewer`.
   */
  'attachment:open': {
    changesRegistry: false,
    input: z.object({ sha256: sha256Schema, name: z.string().min(1).max(255) }),
    output: z.null(),
  },
  /**
   * What a stored file really is, from its bytes, and whether `attachment:open` will show it; the
   * document page shows this, not the record's `mediaType`, which a bundle or backup may forge.
   * Failures: `attachment-missing`.
   */
  'attachment:inspect': {
    changesRegistry: false,
    input: z.object({ sha256: sha256Schema, name: z.string().min(1).max(255) }),
    output: attachmentVerdictSchema,
  },
  /** Asks where and saves a copy of a stored file atomically; the saved name, or null. */
  'attachment:save-copy': {
    changesRegistry: false,
    input: z.object({
      sha256: sha256Schema,
      name: z.string().min(1).max(255),
      title: z.string().min(1).max(200),
    }),
    output: z.object({ name: z.string() }).nullable(),
  },
  /**
   * The bytes of one stored file, for an exchange bundle that carries it to another laptop.
   * Failures: `attachment-missing`.
   */
  'attachment:read': {
    changesRegistry: false,
    input: z.object({ sha256: sha256Schema }),
    output: z.object({ bytes: bytesSchema }),
  },
  /**
   * Stores a file that came in an exchange bundle under its SHA-256; bytes that do not hash to it
   * are refused (`invalid-data`).
   */
  'attachment:store': {
    changesRegistry: true,
    input: z.object({ sha256: sha256Schema, bytes: bytesUpTo(MAX_ATTACHMENT_BYTES) }),
    output: z.object({ isAlreadyStored: z.boolean() }),
  },
  /** Which stored files are missing from this computer, so records can warn before a click fails. */
  'attachment:check': {
    changesRegistry: false,
    input: z.object({ sha256s: z.array(sha256Schema).max(100_000) }),
    output: z.object({ missing: z.array(sha256Schema) }),
  },
  /** Where backups go, how many are kept, how often; and which of these the policy fixes. */
  'backup:settings': { changesRegistry: false, input: noInput, output: backupSettingsSchema },
  /** Refused with `invalid-input` for a setting the machine policy enforces. */
  'backup:update-settings': {
    changesRegistry: false,
    input: backupSettingsPatchSchema,
    output: backupSettingsSchema,
  },
  /** Asks for a folder and keeps backups there from now on; null when cancelled. */
  'backup:choose-folder': {
    changesRegistry: false,
    input: z.object({ title: z.string().min(1).max(200) }),
    output: backupSettingsSchema.nullable(),
  },
  /** Whether the schedule wants a backup now (the newest in the folder is old enough). */
  'backup:due': {
    changesRegistry: false,
    input: noInput,
    output: z.object({ isDue: z.boolean(), lastBackupAt: z.string().nullable() }),
  },
  /** One piece of a table's rows for the next backup:create (pieces keep messages small). */
  'backup:upload': {
    changesRegistry: false,
    input: uploadTableInputSchema,
    output: z.object({ received: z.int().nonnegative() }),
  },
  /**
   * The renderer has uploaded every table's rows; main adds the attachment store and the manifest
   * and writes one .zip atomically, then rotates the folder's automatic backups. Failures:
   * `disk-full`, `no-permission`, `file-locked`, `too-large`, `io-error`.
   */
  'backup:create': {
    changesRegistry: false,
    input: createBackupInputSchema,
    output: createBackupOutputSchema,
  },
  /** The backups in the backup folder with what their manifests say, newest first. */
  'backup:list': { changesRegistry: false, input: noInput, output: backupListSchema },
  /**
   * Reads a backup and verifies every part against its manifest, and keeps the tables for
   * backup:download and the file for backup:restore-files. Writes nothing. A damaged file is
   * refused with `invalid-data` (details: fileName, problem, part).
   */
  'backup:read': {
    changesRegistry: true,
    input: readBackupInputSchema,
    output: readBackupOutputSchema,
  },
  /** One piece (at most TRANSFER_CHUNK_BYTES) of a table kept by backup:read, from `offset`. */
  'backup:download': {
    changesRegistry: true,
    input: downloadTableInputSchema,
    output: z.object({ bytes: bytesSchema }),
  },
  /**
   * After the user confirmed a restore: writes the read backup's attachment files missing from the
   * store, each hashed again on the way, once the disk is known to have room (`disk-full` with
   * details needed and available otherwise). Uses the read up.
   */
  'backup:restore-files': {
    changesRegistry: true,
    input: restoreFilesInputSchema,
    output: restoreFilesOutputSchema,
  },
  /**
   * Deletes one backup from the backup folder by its file name (never a path); only files named
   * like backups. Backups are not the registry, so a read-only registry may still tidy them.
   */
  'backup:delete': { changesRegistry: false, input: deleteBackupInputSchema, output: z.null() },
  /**
   * Asks where to save a briefing pack, prints it to PDF in main and writes it atomically; null
   * when cancelled. `parts` (the front, then each section) are printed alone first so the contents
   * in `html` can be numbered. Refused before any dialog with `policy-forbids` when the policy does
   * not allow PDF exports. Failures: `disk-full`, `no-permission`, `file-locked`, `io-error`.
   */
  'briefing:save-pdf': {
    changesRegistry: false,
    input: z.object({
      title: z.string().min(1).max(200),
      defaultName: z.string().min(1).max(255),
      /** The dialog's name for PDF files, in the UI language. */
      filterName: filterNameSchema.optional(),
      html: z.string().max(MAX_PACK_HTML_CHARS),
      parts: z.array(z.string().max(MAX_PACK_HTML_CHARS)).min(1).max(30),
      headerTemplate: z.string().max(20_000),
      footerTemplate: z.string().max(20_000),
    }),
    output: z.object({ name: z.string(), pageCount: z.int().nonnegative() }).nullable(),
  },
  /** Renderer crashes caught by the error boundary, appended to a log file the user can send. */
  'diagnostics:report-error': {
    changesRegistry: false,
    input: z.object({
      message: z.string().max(10_000),
      stack: z.string().max(50_000).nullable(),
      componentStack: z.string().max(50_000).nullable(),
    }),
    output: z.object({ logFile: z.string() }),
  },
} as const satisfies Record<
  `${string}:${string}`,
  { changesRegistry: boolean; input: z.ZodType; output: z.ZodType }
>;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcInput<C extends IpcChannel> = z.input<IpcContract[C]['input']>;
export type IpcOutput<C extends IpcChannel> = z.output<IpcContract[C]['output']>;
/** What a main-process handler receives after the input passed its schema. */
export type IpcParsedInput<C extends IpcChannel> = z.output<IpcContract[C]['input']>;
