import type { TFunction } from 'i18next';
import {
  BACKUP_PROBLEMS,
  BackupFormatError,
  type BackupProblem,
} from '@shared/backup/backupFormat';
import {
  BackupRowError,
  type BackupFieldIssue,
  type BackupRowProblem,
} from '@shared/backup/validateBackupRows';
import { IpcCallError } from '../../ipc/registryClient';
import { describeError } from '../../ui/describeError';
import { RestoreError } from './registryTables';

const PROBLEM_KEYS = {
  'not-a-backup': 'notABackup',
  truncated: 'truncated',
  corrupt: 'corrupt',
  'unsafe-path': 'unsafePath',
  'unexpected-entry': 'unexpectedEntry',
  'too-large': 'tooLarge',
  'hash-mismatch': 'hashMismatch',
  'missing-part': 'missingPart',
  'invalid-manifest': 'invalidManifest',
  'newer-format': 'newerFormat',
  'unsupported-zip': 'unsupportedZip',
  'invalid-table': 'invalidTable',
} as const satisfies Record<BackupProblem, string>;

/**
 * The problems whose sentence names the part concerned, with the sentence for a refusal that
 * concerns the whole file (its size, its end record, its directory) and so names no part.
 */
const WHOLE_FILE_KEYS = {
  corrupt: 'corrupt',
  'too-large': 'tooLarge',
  'unsupported-zip': 'unsupportedZip',
} as const satisfies Partial<Record<BackupProblem, string>>;

const FIELD_ISSUE_KEYS = {
  missing: 'missing',
  'wrong-type': 'wrongType',
  'not-allowed': 'notAllowed',
  'bad-format': 'badFormat',
  'too-long': 'tooLong',
  'too-short': 'tooShort',
  invalid: 'invalid',
} as const satisfies Record<BackupFieldIssue, string>;

const isProblem = (value: unknown): value is BackupProblem =>
  (BACKUP_PROBLEMS as readonly unknown[]).includes(value);
const isWholeFileProblem = (problem: BackupProblem): problem is keyof typeof WHOLE_FILE_KEYS =>
  Object.hasOwn(WHOLE_FILE_KEYS, problem);

/** A refused backup file's problem as a sentence, naming the part where there is one. */
function problemSentence(
  problem: BackupProblem,
  part: string,
  fileName: string,
  t: TFunction,
): string {
  if (part === '' && isWholeFileProblem(problem)) {
    return t(`backup.wholeFileProblem.${WHOLE_FILE_KEYS[problem]}`, { fileName });
  }
  return t(`backup.problem.${PROBLEM_KEYS[problem]}`, { fileName, part });
}

/** Why one row was refused, as the end of a sentence naming the table and row. */
function rowReason(problem: BackupRowProblem, t: TFunction): string {
  switch (problem.kind) {
    case 'invalid-field': {
      const reason = t(`backup.rowIssue.${FIELD_ISSUE_KEYS[problem.issue]}`, {
        field: problem.field,
      });
      return problem.value === null
        ? reason
        : t('backup.rowIssue.withValue', { reason, value: problem.value });
    }
    case 'duplicate-key':
      return t('backup.rowIssue.duplicateKey', { key: problem.key });
    case 'id-in-two-kinds':
      return t('backup.rowIssue.idInTwoKinds', { id: problem.id, table: problem.otherTable });
    case 'unknown-table':
      return t('backup.rowIssue.unknownTable');
  }
}

const megabytes = (bytes: number) => Math.max(1, Math.ceil(bytes / 1_048_576));

/**
 * What is wrong with a backup or a restore, in the UI language: a refused file names its problem
 * and the part concerned, a refused row its table, row number and reason; anything else is worded
 * as every other error is.
 */
export function describeBackupError(error: unknown, t: TFunction, fileName = ''): string {
  if (error instanceof BackupRowError) {
    const reason = rowReason(error.problem, t);
    return error.row === 0
      ? t('backup.invalidTable', { fileName, table: error.table, reason })
      : t('backup.invalidRow', { fileName, table: error.table, row: error.row, reason });
  }
  if (error instanceof BackupFormatError) {
    return problemSentence(error.problem, error.part ?? '', fileName, t);
  }
  if (error instanceof IpcCallError && error.code === 'invalid-data') {
    const { problem, part } = error.details;
    if (isProblem(problem)) {
      return problemSentence(
        problem,
        String(part ?? ''),
        String(error.details.fileName ?? fileName),
        t,
      );
    }
  }
  if (error instanceof IpcCallError && error.code === 'disk-full') {
    const { needed, available, folder } = error.details;
    if (typeof needed === 'number' && typeof available === 'number') {
      return t('backup.noSpace', {
        fileName: String(error.details.fileName ?? fileName),
        folder: String(folder ?? ''),
        needed: megabytes(needed),
        available: Math.floor(available / 1_048_576),
      });
    }
  }
  if (
    error instanceof IpcCallError &&
    error.code === 'too-large' &&
    error.details.action === 'backup'
  ) {
    const { size, limit, table } = error.details;
    if (typeof size === 'number' && typeof limit === 'number') {
      const sizes = { actual: megabytes(size), maximum: Math.floor(limit / 1_048_576) };
      return table === undefined
        ? t('backup.tooLarge', sizes)
        : t('backup.tableTooLarge', { ...sizes, table: String(table) });
    }
  }
  if (error instanceof RestoreError && error.reason === 'newer-schema')
    return t('backup.newerSchema');
  if (error instanceof RestoreError && error.reason === 'other-registry')
    return t('backup.otherRegistryRefused');
  return describeError(error, t);
}
