import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { az } from '@shared/i18n/messages/az';
import { en } from '@shared/i18n/messages/en';
import { ru } from '@shared/i18n/messages/ru';
import { IpcCallError } from '../ipc/registryClient';
import { describeError } from './describeError';

async function translator(language: 'en' | 'az' | 'ru') {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { en: { translation: en }, az: { translation: az }, ru: { translation: ru } },
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

  it('says which attached file is too large, missing, damaged or has no viewer', async () => {
    const t = await translator('en');
    const large = new IpcCallError('too-large', '…', {
      fileName: 'archive.zip',
      size: '201 MB',
      limit: '200 MB',
      action: 'attach',
    });
    expect(describeError(large, t)).toBe(
      '“archive.zip” is 201 MB; files up to 200 MB can be attached.',
    );
    const missing = new IpcCallError('attachment-missing', '…', { fileName: 'minutes.pdf' });
    expect(describeError(missing, t)).toBe('The file “minutes.pdf” is missing from this computer.');
    expect(describeError(missing, await translator('az'))).toBe(
      '“minutes.pdf” faylı bu kompüterdə yoxdur.',
    );
    for (const code of ['attachment-damaged', 'no-viewer'] as const) {
      const text = describeError(
        new IpcCallError(code, 'English fallback', { fileName: 'a.pdf' }),
        t,
      );
      expect(text).toContain('“a.pdf”');
      expect(text).not.toBe('English fallback');
    }
  });

  it('names the real type of a file main will not open, and offers Save a copy', async () => {
    const t = await translator('en');
    const refused = new IpcCallError('unsafe-file-type', 'English fallback', {
      fileName: 'Scanfdp.lnk',
      detectedType: 'windows-shortcut',
      reason: 'runs-code',
    });
    expect(describeError(refused, t)).toBe(
      'The app does not open “Scanfdp.lnk”: its content is “Windows shortcut”, which can run code on this computer. Programs, shortcuts, scripts, web pages and documents with macros are never opened. To keep the file, use Save a copy.',
    );
    expect(describeError(refused, await translator('az'))).toContain('“Windows qısayolu”');
    // Details main never sends fall back to its English message rather than a half sentence.
    const odd = new IpcCallError('unsafe-file-type', 'English fallback', {
      fileName: 'x.bin',
      detectedType: 'constructor',
      reason: 'runs-code',
    });
    expect(describeError(odd, t)).toBe('English fallback');
  });

  it('names the policy setting that refused, and what it refused, in every UI language', async () => {
    const readOnly = new IpcCallError('policy-forbids', 'English', {
      setting: 'readOnly',
      action: 'attachment:store',
    });
    const onlyPdf = new IpcCallError('policy-forbids', 'English', {
      setting: 'allowedExportFormats',
      format: 'csv',
      allowed: 'pdf, docx',
    });
    const noExport = new IpcCallError('policy-forbids', 'English', {
      setting: 'allowedExportFormats',
      format: 'json',
      allowed: '',
    });
    const plainBundle = new IpcCallError('policy-forbids', 'English', {
      setting: 'allowUnencryptedBundles',
      action: 'file:open',
      fileName: 'from-ganja.coopx',
    });
    const inEnglish = await translator('en');
    expect(describeError(readOnly, inEnglish)).toBe(
      'Your organization’s policy makes the registry read-only on this computer, so this is not allowed: storing a file that came with an exchange bundle.',
    );
    expect(describeError(onlyPdf, inEnglish)).toBe(
      'Your organization’s policy does not allow exports as CSV on this computer (allowed: PDF, DOCX).',
    );
    expect(describeError(noExport, inEnglish)).toBe(
      'Your organization’s policy allows no export on this computer: the JSON file was not saved.',
    );
    expect(describeError(plainBundle, inEnglish)).toBe(
      'Your organization’s policy allows only encrypted exchange bundles on this computer: “from-ganja.coopx” is not encrypted, so it was not opened.',
    );
    // A channel added later still reads as a refused change, never as a raw channel name.
    const later = new IpcCallError('policy-forbids', 'English', {
      setting: 'readOnly',
      action: 'sync:pull',
    });
    expect(describeError(later, inEnglish)).toContain('changing the registry');
    const inAzerbaijani = await translator('az');
    expect(describeError(readOnly, inAzerbaijani)).toContain(
      'mübadilə paketi ilə gələn faylın saxlanması',
    );
    expect(describeError(plainBundle, inAzerbaijani)).toContain('“from-ganja.coopx” şifrələnməyib');
    const inRussian = await translator('ru');
    expect(describeError(onlyPdf, inRussian)).toBe(
      'Политика вашей организации не разрешает на этом компьютере экспорт в формате CSV (разрешены: PDF, DOCX).',
    );
  });

  it('says a file was refused because it is not the format it claims', async () => {
    const t = await translator('en');
    const notPdf = new IpcCallError('invalid-data', 'English', {
      fileName: 'Pack.pdf',
      expected: 'pdf',
      reason: 'it does not start with %PDF-',
    });
    expect(describeError(notPdf, t)).toBe(
      '“Pack.pdf” was not saved: its content is not a PDF file.',
    );
    const newer = new IpcCallError('invalid-data', 'English', {
      fileName: 'hq.coopx',
      expected: 'coopx',
      bundleProblem: 'newer-format',
    });
    expect(describeError(newer, t)).toBe(
      '“hq.coopx” was made by a newer version of the app. Update this app first.',
    );
    const costly = new IpcCallError('invalid-data', 'English', {
      fileName: 'hq.coopx',
      expected: 'coopx',
      bundleProblem: 'unsafe-kdf',
    });
    expect(describeError(costly, t)).toContain('“hq.coopx” asks for key-derivation settings');
    // Other invalid data (a damaged backup) keeps main's own message.
    expect(describeError(new IpcCallError('invalid-data', 'Backup damaged', {}), t)).toBe(
      'Backup damaged',
    );
  });

  it('keeps the message of anything else', async () => {
    const t = await translator('en');
    expect(describeError(new IpcCallError('internal', 'file:save failed'), t)).toBe(
      'file:save failed',
    );
    expect(describeError(new Error('Quota exceeded'), t)).toBe('Quota exceeded');
  });

  it('names a full registry storage and a registry closed by an upgrade, whatever wraps them', async () => {
    const t = await translator('en');
    const quota = new DOMException('Quota exceeded', 'QuotaExceededError');
    // Dexie wraps the browser's error as `inner`; an AbortError of the transaction may carry it.
    const wrapped = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: quota,
    });
    expect(describeError(quota, t)).toBe(en.errors.storageFull);
    expect(describeError(wrapped, t)).toBe(en.errors.storageFull);
    expect(describeError(new Error('Write failed', { cause: quota }), t)).toBe(
      en.errors.storageFull,
    );
    const closed = Object.assign(new Error('Database has been closed'), {
      name: 'DatabaseClosedError',
    });
    expect(describeError(closed, t)).toBe(en.errors.storageClosed);
    expect(describeError(quota, await translator('az'))).toBe(az.errors.storageFull);
  });
});
