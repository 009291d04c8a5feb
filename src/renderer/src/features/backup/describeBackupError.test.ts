import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { BACKUP_LIMITS, BackupFormatError } from '@shared/backup/backupFormat';
import { openBackup } from '@shared/backup/readBackup';
import { bytesSource, type RandomAccessSource } from '@shared/backup/zipReader';
import { az } from '@shared/i18n/messages/az';
import { en } from '@shared/i18n/messages/en';
import { ru } from '@shared/i18n/messages/ru';
import { craftZip, entryOf } from '@shared/testing/craftedZip';
import { IpcCallError } from '../../ipc/registryClient';
import { describeBackupError } from './describeBackupError';

async function translator(language: 'en' | 'az' | 'ru') {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { en: { translation: en }, az: { translation: az }, ru: { translation: ru } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

async function refusalOf(source: RandomAccessSource): Promise<BackupFormatError> {
  const error: unknown = await openBackup(source).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BackupFormatError);
  return error as BackupFormatError;
}

/** The refusal as backup:read answers it: main sends the part only when there is one. */
const overIpc = (error: BackupFormatError, fileName: string) =>
  new IpcCallError('invalid-data', error.message, {
    fileName,
    problem: error.problem,
    ...(error.part ? { part: error.part } : {}),
  });

const utf8 = (text: string) => new TextEncoder().encode(text);
const sha = (index: number) => index.toString(16).padStart(64, '0');

describe('describeBackupError', () => {
  it('words a refusal of the whole file without an empty “()” where a part would be, in every language', async () => {
    const tooBig = await refusalOf({
      size: BACKUP_LIMITS.fileBytes + 1,
      read: () => Promise.resolve(new Uint8Array(0)),
    });
    const zip64 = await refusalOf(
      bytesSource(craftZip([entryOf('manifest.json', utf8('{}'))], { entryCount: 0xffff })),
    );
    const damaged = await refusalOf(
      bytesSource(craftZip([entryOf('manifest.json', utf8('{}'))], { entryCount: 2 })),
    );
    expect([tooBig, zip64, damaged].map((error) => [error.problem, error.part])).toEqual([
      ['too-large', null],
      ['unsupported-zip', null],
      ['corrupt', null],
    ]);

    const english = await translator('en');
    expect(describeBackupError(overIpc(tooBig, 'huge.zip'), english)).toBe(
      '“huge.zip” declares or holds more data than a backup may.',
    );
    expect(describeBackupError(zip64, english, 'zip64.zip')).toBe(
      '“zip64.zip” uses zip features a backup never uses.',
    );
    expect(describeBackupError(overIpc(damaged, 'cut.zip'), english)).toBe('“cut.zip” is damaged.');
    for (const language of ['en', 'az', 'ru'] as const) {
      const t = await translator(language);
      for (const error of [tooBig, zip64, damaged]) {
        for (const shown of [
          describeBackupError(error, t, 'b.zip'),
          describeBackupError(overIpc(error, 'b.zip'), t),
        ]) {
          expect(shown, `${language}: ${error.problem}`).toContain('b.zip');
          expect(shown, `${language}: ${error.problem}`).not.toMatch(/\(\s*\)/);
        }
      }
    }
  });

  it('words a backup too large to write with the size and the limit main checked, in MB', async () => {
    const english = await translator('en');
    const whole = new IpcCallError('too-large', '…', {
      fileName: 'registry-backup.zip',
      action: 'backup',
      size: 4_293_918_720,
      limit: BACKUP_LIMITS.fileBytes - BACKUP_LIMITS.manifestBytes,
    });
    expect(describeBackupError(whole, english)).toBe(
      'The registry and its attached files come to 4095 MB; one backup file holds at most 4079 MB.',
    );
    const table = new IpcCallError('too-large', '…', {
      fileName: 'registry-backup.zip',
      action: 'backup',
      table: 'changes',
      size: BACKUP_LIMITS.tableBytes + 1,
      limit: BACKUP_LIMITS.tableBytes,
    });
    expect(describeBackupError(table, english)).toBe(
      'The table “changes” comes to 501 MB; a backup holds tables of at most 500 MB.',
    );
    expect(describeBackupError(whole, await translator('ru'))).toBe(
      'Реестр и прикреплённые к нему файлы занимают 4095 МБ; один файл резервной копии вмещает не более 4079 МБ.',
    );
  });

  it('names the entry that takes the declared total past the limit', async () => {
    // Three attachments each declaring 2 GiB, in a file of a few hundred bytes.
    const refusal = await refusalOf(
      bytesSource(
        craftZip(
          [1, 2, 3].map((index) => ({
            ...entryOf(`attachments/${sha(index)}`, utf8(`scan ${index}`)),
            size: BACKUP_LIMITS.attachmentBytes,
          })),
        ),
      ),
    );
    expect(refusal).toMatchObject({ problem: 'too-large', part: `attachments/${sha(2)}` });
    expect(describeBackupError(overIpc(refusal, 'bomb.zip'), await translator('en'))).toBe(
      `“bomb.zip” declares or holds more data than a backup may (attachments/${sha(2)}).`,
    );
  });
});
