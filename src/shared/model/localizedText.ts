import * as z from 'zod';

/** The languages the registry holds data and UI text in. */
export const LANGUAGES = ['en', 'az', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export const languageSchema = z.enum(LANGUAGES);

/**
 * A name or text written in one or more of the registry's languages. Each record keeps what its
 * author wrote; nothing is machine-translated.
 */
export type LocalizedText = Partial<Record<Language, string>>;

const optionalText = z
  .string()
  .trim()
  .max(20_000)
  .optional()
  .transform((text) => (text === '' ? undefined : text));

export const localizedTextSchema = z
  .object({ en: optionalText, az: optionalText, ru: optionalText })
  .strict()
  .refine((text) => LANGUAGES.some((language) => text[language] !== undefined), {
    error: 'Give the text in at least one language (en, az or ru)',
  });

/**
 * The order in which languages are tried when a text is missing in the one asked for. Russian
 * readers fall back to English before Azerbaijani; Azerbaijani readers to English, then Russian.
 */
export const FALLBACK_ORDER: Record<Language, readonly Language[]> = {
  en: ['en', 'az', 'ru'],
  az: ['az', 'en', 'ru'],
  ru: ['ru', 'en', 'az'],
};

/** The text in the wanted language, else the first available in the fallback order, else ''. */
export function pickText(text: LocalizedText | null | undefined, language: Language): string {
  if (!text) return '';
  for (const candidate of FALLBACK_ORDER[language]) {
    const value = text[candidate];
    if (value) return value;
  }
  return '';
}

/** Which language `pickText` took the text from, so the UI can mark a fallback. */
export function pickedLanguage(
  text: LocalizedText | null | undefined,
  language: Language,
): Language | null {
  if (!text) return null;
  return FALLBACK_ORDER[language].find((candidate) => Boolean(text[candidate])) ?? null;
}
