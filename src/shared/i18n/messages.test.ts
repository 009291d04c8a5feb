import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { az } from './messages/az';
import { en, type MessageTree } from './messages/en';
import { ru } from './messages/ru';

const TRANSLATIONS = { az, ru } satisfies Record<string, MessageTree>;
type Translated = keyof typeof TRANSLATIONS;
const LANGUAGES = Object.keys(TRANSLATIONS) as Translated[];

/**
 * Strings that may read exactly as in English: language names (each in its own language), the
 * empty-value dash, pure interpolation patterns, product names, and words the target language
 * spells the same way. Anything else equal to English is an untranslated string.
 */
const SHARED_SAME_AS_ENGLISH = ['language.en', 'language.az', 'language.ru', 'settings.engine'];
const SAME_AS_ENGLISH: Record<Translated, readonly string[]> = {
  az: [
    ...SHARED_SAME_AS_ENGLISH,
    'enums.agreementKind.memorandum',
    // Azerbaijani writes file sizes with the international KB and MB.
    'attachments.sizeKilobytes',
    'attachments.sizeMegabytes',
  ],
  ru: SHARED_SAME_AS_ENGLISH,
};

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every string of a message tree by its dotted key path. */
function flatten(tree: MessageTree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [inner, text] of flatten(value, `${path}.`)) result.set(inner, text);
  }
  return result;
}

function pluralCategories(language: string): string[] {
  return new Intl.PluralRules(language).resolvedOptions().pluralCategories;
}

/** The plural base keys of a flattened tree ("common.records" for "common.records_one"). */
function pluralBases(messages: Map<string, string>): Set<string> {
  const bases = new Set<string>();
  for (const key of messages.keys())
    if (PLURAL_SUFFIX.test(key)) bases.add(key.replace(PLURAL_SUFFIX, ''));
  return bases;
}

/** The keys a language must have: English's, with each plural group in the language's categories. */
function expectedKeys(language: string): string[] {
  const english = flatten(en);
  const bases = pluralBases(english);
  const keys = [...english.keys()].filter((key) => !PLURAL_SUFFIX.test(key));
  for (const base of bases)
    for (const category of pluralCategories(language)) keys.push(`${base}_${category}`);
  return keys.sort();
}

/** The English text a translated key corresponds to: for plural forms English lacks, `_other`. */
function englishFor(key: string): string {
  const english = flatten(en);
  const direct = english.get(key);
  if (direct !== undefined) return direct;
  const other = english.get(key.replace(PLURAL_SUFFIX, '_other'));
  if (other === undefined) throw new Error(`No English text for ${key}`);
  return other;
}

function placeholders(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((match) => match[1]!);
  return [...new Set(names)].sort();
}

describe('English messages', () => {
  const english = flatten(en);

  it('have plural groups in exactly the English plural categories', () => {
    for (const base of pluralBases(english)) {
      const forms = [...english.keys()].filter(
        (key) => key.replace(PLURAL_SUFFIX, '') === base && key !== base,
      );
      expect(forms.sort(), base).toEqual(
        pluralCategories('en')
          .map((category) => `${base}_${category}`)
          .sort(),
      );
    }
  });

  it('use the same placeholders in every form of a plural group', () => {
    for (const base of pluralBases(english)) {
      const forms = pluralCategories('en').map((category) => english.get(`${base}_${category}`)!);
      for (const form of forms) expect(placeholders(form), base).toEqual(placeholders(forms[0]!));
    }
  });
});

describe.each(LANGUAGES)('%s messages', (language) => {
  const messages = flatten(TRANSLATIONS[language]);

  it('have every English key, plurals in the language’s categories, and no others', () => {
    expect([...messages.keys()].sort()).toEqual(expectedKeys(language));
  });

  it('have no empty strings', () => {
    for (const [key, text] of messages) expect(text.trim(), key).not.toBe('');
  });

  it('keep exactly the English placeholders', () => {
    for (const [key, text] of messages)
      expect(placeholders(text), key).toEqual(placeholders(englishFor(key)));
  });

  it('differ from English except for the allow-list', () => {
    const english = flatten(en);
    for (const key of SAME_AS_ENGLISH[language])
      expect(english.has(key), `allow-listed ${key}`).toBe(true);
    const same = [...messages]
      .filter(([key, text]) => text === englishFor(key))
      .map(([key]) => key);
    expect(same.sort()).toEqual([...SAME_AS_ENGLISH[language]].sort());
  });

  it('name each language in that language', () => {
    expect(TRANSLATIONS[language].language).toMatchObject({
      en: 'English',
      az: 'Azərbaycanca',
      ru: 'Русский',
    });
  });
});

describe('Russian plural selection', () => {
  const cases: [count: number, category: Intl.LDMLPluralRule, text: string][] = [
    [1, 'one', '1 запись'],
    [3, 'few', '3 записи'],
    [5, 'many', '5 записей'],
    [21, 'one', '21 запись'],
  ];

  it.each(cases)('Intl.PluralRules puts %i in the %s category', (count, category) => {
    expect(new Intl.PluralRules('ru').select(count)).toBe(category);
  });

  it.each(cases)('i18next renders %i with the _%s form as "%s"', async (count, category, text) => {
    expect(ru.list[`count_${category}` as keyof typeof ru.list]).toBe(
      text.replace(/^\d+/, '{{count}}'),
    );
    const i18n = createInstance();
    await i18n.init({
      lng: 'ru',
      fallbackLng: 'en',
      resources: { en: { translation: en }, ru: { translation: ru } },
      interpolation: { escapeValue: false },
    });
    expect(i18n.t('list.count', { count })).toBe(text);
  });
});
