import type { TFunction } from 'i18next';
import { LANGUAGES, type LocalizedText } from '@shared/model/localizedText';
import { parsePartialDate } from '@shared/model/partialDate';
import type { Format } from '../../ui/useFormat';

const MAX_LENGTH = 240;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Context = { format: Format; t: TFunction; labels: Map<string, LocalizedText | string> };

function isLocalizedText(value: object): value is LocalizedText {
  const keys = Object.keys(value);
  return (
    keys.length > 0 &&
    keys.every((key) => (LANGUAGES as readonly string[]).includes(key)) &&
    Object.values(value).every((text) => typeof text === 'string')
  );
}

function describe(value: unknown, context: Context): string {
  const { format, t, labels } = context;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (UUID.test(value)) {
      const label = labels.get(value);
      if (label === undefined) return t('history.unknownRecord');
      return typeof label === 'string' ? label : format.text(label);
    }
    if (parsePartialDate(value)) return format.date(value);
    return value;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? '—' : value.map((item) => describe(item, context)).join('; ');
  }
  if (typeof value === 'object') {
    if (isLocalizedText(value)) return format.text(value);
    return Object.entries(value)
      .filter(([key, item]) => key !== 'id' && item !== null && item !== undefined)
      .map(([, item]) => describe(item, context))
      .join(' · ');
  }
  return '—';
}

/**
 * A changed value as a person reads it in the history: names for linked records, dates as
 * precise as recorded, texts in the UI language, long values shortened.
 */
export function describeValue(value: unknown, context: Context): string {
  const text = describe(value, context);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
