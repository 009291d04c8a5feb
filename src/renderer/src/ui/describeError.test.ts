import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { az } from '@shared/i18n/messages/az';
import { en } from '@shared/i18n/messages/en';
import { IpcCallError } from '../ipc/registryClient';
import { describeError } from './describeError';

async function translator(language: 'en' | 'az') {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { en: { translation: en }, az: { translation: az } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('describeError', () => {
  it('words file failures in the UI language with the file name main reported', async () => {
    const t = await translator('en');
    const full = new IpcCallError('disk-full', 'There is no space…', { fileName: 'backup.zip' });
    expect(describeError(full, t)).toBe(
      'There is no space left on the disk to write “backup.zip”.',
    );
    const large = new IpcCallError('too-large', '…', {
      fileName: 'scan.pdf',
      size: '700 MB',
      limit: '512 MB',
    });
    expect(describeError(large, t)).toBe('“scan.pdf” is 700 MB; files up to 512 MB can be opened.');
    for (const code of ['no-permission', 'file-locked', 'not-found'] as const) {
      expect(describeError(new IpcCallError(code, '…', { fileName: 'a.csv' }), t)).toContain(
        '“a.csv”',
      );
    }
    const inAzerbaijani = await translator('az');
    expect(describeError(full, inAzerbaijani)).toBe(
      '“backup.zip” faylını yazmaq üçün diskdə yer qalmayıb.',
    );
  });

  it('keeps the message of anything else', async () => {
    const t = await translator('en');
    expect(describeError(new IpcCallError('internal', 'file:save failed'), t)).toBe(
      'file:save failed',
    );
    expect(describeError(new Error('Quota exceeded'), t)).toBe('Quota exceeded');
  });
});
