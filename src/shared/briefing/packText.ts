import { INTL_LOCALE } from '../i18n/locales';
import { az } from '../i18n/messages/az';
import { en, type MessageTree } from '../i18n/messages/en';
import { ru } from '../i18n/messages/ru';
import { countryNameAz } from '../i18n/countryNamesAz';
import type { Language } from '../model/localizedText';
import { formatPartialDate, formatPartialDateRange, type PartialDate } from '../model/partialDate';

const MESSAGES: Record<Language, MessageTree> = { en, az, ru };

/** The pack's own text, in one language whatever the UI speaks. */
export type PackText = {
  language: Language;
  locale: string;
  /** A message by dotted key ("briefing.pack.contents", "enums.stepKind.signed"), with {{vars}}. */
  t: (key: string, vars?: Record<string, string | number>) => string;
  date: (date: PartialDate | null) => string;
  dateRange: (start: PartialDate | null, end: PartialDate | null) => string;
  country: (code: string | null) => string;
  number: (value: number) => string;
};

function lookup(tree: MessageTree, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The fixed-language text of a pack, read from the same message files as the UI (so translators
 * keep one place), with plural forms by Intl.PluralRules and English for a missing key.
 * Azerbaijani dates and numbers are written by hand: Chromium's ICU lacks Azerbaijani data.
 */
export function packText(language: Language): PackText {
  const locale = INTL_LOCALE[language];
  const plurals = new Intl.PluralRules(language);
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const numbers = new Intl.NumberFormat(language === 'az' ? 'en' : locale);
  const messages = MESSAGES[language];
  const t: PackText['t'] = (key, vars) => {
    let template: string | undefined;
    if (vars && typeof vars.count === 'number') {
      const category = plurals.select(vars.count);
      template =
        lookup(messages, `${key}_${category}`) ??
        lookup(messages, `${key}_other`) ??
        lookup(en, `${key}_${vars.count === 1 ? 'one' : 'other'}`);
    }
    template ??= lookup(messages, key) ?? lookup(en, key) ?? key;
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
      vars?.[name] === undefined ? '' : String(vars[name]),
    );
  };
  const unknownDate = t('briefing.pack.unknownDate');
  return {
    language,
    locale,
    t,
    date: (date) => (date === null ? unknownDate : formatPartialDate(date, locale)),
    dateRange: (start, end) => formatPartialDateRange(start, end, locale) ?? unknownDate,
    country: (code) => {
      if (code === null) return '';
      return (language === 'az' ? countryNameAz(code) : undefined) ?? regions.of(code) ?? code;
    },
    // Azerbaijani groups thousands with a dot and writes decimals with a comma.
    number: (value) =>
      language === 'az'
        ? numbers.format(value).replace(/[,.]/g, (mark) => (mark === ',' ? '.' : ','))
        : numbers.format(value),
  };
}
