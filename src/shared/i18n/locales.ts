import type { Language } from '../model/localizedText';

/**
 * The Intl locale behind each UI language. English uses British conventions ("8 December 2016"),
 * which read unambiguously to an international audience; Azerbaijani is the Latin-script locale,
 * whose collation puts ə after e and ı before i.
 */
export const INTL_LOCALE: Record<Language, string> = {
  en: 'en-GB',
  az: 'az-Latn-AZ',
  ru: 'ru-RU',
};

/** Picks the UI language for a system locale such as "ru-RU" or "az-Latn-AZ"; English otherwise. */
export function languageForLocale(locale: string): Language {
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  if (primary === 'az' || primary === 'ru') return primary;
  return 'en';
}
