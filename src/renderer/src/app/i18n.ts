import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { az } from '@shared/i18n/messages/az';
import { en } from '@shared/i18n/messages/en';
import { ru } from '@shared/i18n/messages/ru';
import type { Language } from '@shared/model/localizedText';

/** Starts i18next with all three languages bundled: the app never fetches text at run time. */
export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, az: { translation: az }, ru: { translation: ru } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
