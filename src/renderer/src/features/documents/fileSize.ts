import type { TFunction } from 'i18next';

/** A size in the largest unit that keeps it at least 1, as the file managers show it. */
export function fileSizeParts(size: number): {
  unit: 'bytes' | 'kilobytes' | 'megabytes';
  value: number;
} {
  if (size < 1024) return { unit: 'bytes', value: size };
  if (size < 1_048_576) return { unit: 'kilobytes', value: Math.round((size / 1024) * 10) / 10 };
  return { unit: 'megabytes', value: Math.round((size / 1_048_576) * 10) / 10 };
}

/** A file's size in the UI language ("1.5 MB", "1,5 МБ"). */
export function formatFileSize(size: number, locale: string, t: TFunction): string {
  const { unit, value } = fileSizeParts(size);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  switch (unit) {
    case 'bytes':
      return t('attachments.sizeBytes', { size: number });
    case 'kilobytes':
      return t('attachments.sizeKilobytes', { size: number });
    case 'megabytes':
      return t('attachments.sizeMegabytes', { size: number });
  }
}
