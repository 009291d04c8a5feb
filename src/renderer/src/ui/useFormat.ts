import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AZ_MONTHS, azSortKey, compareAz, formatAzDateTime } from '@shared/i18n/azerbaijani';
import { countryNameAz } from '@shared/i18n/countryNamesAz';
import { languageNameAz } from '@shared/i18n/languageNamesAz';
import { INTL_LOCALE } from '@shared/i18n/locales';
import {
  LANGUAGES,
  pickText,
  type Language,
  type LocalizedText,
} from '@shared/model/localizedText';
import {
  formatPartialDate,
  formatPartialDateRange,
  type PartialDate,
} from '@shared/model/partialDate';

export type Format = {
  language: Language;
  locale: string;
  /** A record's text in the UI language, falling back to the others. */
  text: (value: LocalizedText | null | undefined) => string;
  date: (value: PartialDate | null) => string;
  dateRange: (start: PartialDate | null, end: PartialDate | null) => string;
  timestamp: (iso: string) => string;
  country: (code: string | null) => string;
  /** A language (ISO 639-1 code) by its name in the UI language. */
  languageName: (code: string) => string;
  /** The month's name in the UI language (1 = January), as a date would name it. */
  monthName: (month: number) => string;
  /** Compares strings in the UI language's alphabetical order (Azerbaijani ə after e, ı before i). */
  compare: (a: string, b: string) => number;
  /** A sort key in the same order as `compare`, where that is faster for long lists (az only). */
  sortKey?: (text: string) => string;
};

export function currentLanguage(language: string | undefined): Language {
  return LANGUAGES.find((candidate) => candidate === language) ?? 'en';
}

/**
 * Every locale-dependent formatting the UI does: Intl with the UI language, except Azerbaijani,
 * which Chromium's ICU lacks and src/shared/i18n writes out by hand.
 */
export function useFormat(): Format {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  const unknownDate = t('common.unknownDate');
  return useMemo(() => sharedFormat(language, unknownDate), [language, unknownDate]);
}

const formats = new Map<string, Format>();

/**
 * One Format per language for the whole app, so screens that remount (a list left and opened
 * again) find the rows they built with it still valid.
 */
function sharedFormat(language: Language, unknownDate: string): Format {
  const key = `${language}|${unknownDate}`;
  let format = formats.get(key);
  if (!format) {
    format = createFormat(language, unknownDate);
    formats.set(key, format);
  }
  return format;
}

/** The formatting for a language, outside React (lists build rows with it; tests too). */
export function createFormat(language: Language, unknownDate: string): Format {
  const locale = INTL_LOCALE[language];
  const isAz = language === 'az';
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const languageNames = new Intl.DisplayNames([locale], { type: 'language' });
  // Azerbaijani names the app lacks fall back to English ones, never to whatever ICU picks.
  const englishLanguageNames = new Intl.DisplayNames(['en'], { type: 'language' });
  const stamp = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  // Standalone month names ("March", "март"), not the genitive used inside a date.
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return {
    language,
    locale,
    text: (value) => pickText(value, language),
    date: (value) => (value === null ? unknownDate : formatPartialDate(value, locale)),
    dateRange: (start, end) => formatPartialDateRange(start, end, locale) ?? unknownDate,
    timestamp: (iso) => (isAz ? formatAzDateTime(new Date(iso)) : stamp.format(new Date(iso))),
    country: (code) => {
      if (code === null) return '';
      return (isAz ? countryNameAz(code) : undefined) ?? regions.of(code) ?? code;
    },
    languageName: (code) =>
      (isAz ? (languageNameAz(code) ?? englishLanguageNames.of(code)) : languageNames.of(code)) ??
      code,
    monthName: (month) =>
      isAz
        ? (AZ_MONTHS[month - 1] ?? String(month))
        : monthFormat.format(new Date(Date.UTC(2000, month - 1, 1))),
    compare: isAz ? compareAz : collator.compare,
    ...(isAz ? { sortKey: azSortKey } : {}),
  };
}
