import type { TFunction } from 'i18next';
import {
  BACKUP_PROBLEMS,
  BackupFormatError,
  type BackupProblem,
} from '@shared/backup/backupFormat';
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

const isProblem = (value: unknown): value is BackupProblem =>
  (BACKUP_PROBLEMS as readonly unknown[]).includes(value);

/**
 * What is wrong with a backup or a restore, in the UI language: a refused file names its problem
 * and the part concerned; anything else is worded as every other error is.
 */
export function describeBackupError(error: unknown, t: TFunction, fileName = ''): string {
  if (error instanceof BackupFormatError) {
    return t(`backup.problem.${PROBLEM_KEYS[error.problem]}`, { fileName, part: error.part ?? '' });
  }
  if (error instanceof IpcCallError && error.code === 'invalid-data') {
    const { problem, part } = error.details;
    if (isProblem(problem)) {
      return t(`backup.problem.${PROBLEM_KEYS[problem]}`, {
        fileName: String(error.details.fileName ?? fileName),
        part: String(part ?? ''),
      });
    }
  }
  if (error instanceof RestoreError && error.reason === 'newer-schema')
    return t('backup.newerSchema');
  return describeError(error, t);
}
