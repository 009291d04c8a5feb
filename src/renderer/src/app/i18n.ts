import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '@shared/i18n/messages/en';
import type { Language } from '@shared/model/localizedText';

/**
 * English is in the first bundle (every language falls back to it); Azerbaijani and Russian are
 * chunks of the app itself, loaded from app:// the first time they are needed, so the start does
 * not carry two languages nobody on this computer may read. Nothing is fetched from a network.
 */
const LOAD_MESSAGES: Record<Exclude<Language, 'en'>, () => Promise<object>> = {
  az: async () => (await import('@shared/i18n/messages/az')).az,
  ru: async () => (await import('@shared/i18n/messages/ru')).ru,
};

/** Makes sure a language's messages are there before anything is shown in it. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'en' || i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await LOAD_MESSAGES[language]());
}

/** Starts i18next in the given language, its messages loaded before the first paint. */
export async function initI18n(language: Language): Promise<typeof i18next> {
  const resources: Partial<Record<Language, { translation: object }>> = {
    en: { translation: en },
  };
  if (language !== 'en') resources[language] = { translation: await LOAD_MESSAGES[language]() };
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
