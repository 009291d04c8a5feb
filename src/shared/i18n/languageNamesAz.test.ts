import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../model/languageCodes';
import { personContentSchema } from '../model/records';
import { LANGUAGE_NAMES_AZ, languageNameAz } from './languageNamesAz';

/** The languages the Azerbaijani UI must name in Azerbaijani (the registry's everyday ones). */
const COMMON = ['az', 'en', 'ru', 'tr', 'de', 'fr', 'ar', 'fa', 'ka', 'uk', 'es', 'it', 'zh'];

describe('LANGUAGE_CODES', () => {
  it('are the 183 ISO 639-1 codes, unique, each one the person schema accepts', () => {
    expect(LANGUAGE_CODES).toHaveLength(183);
    expect(new Set(LANGUAGE_CODES).size).toBe(183);
    const languages = personContentSchema.shape.languages;
    expect(languages.safeParse(LANGUAGE_CODES).success).toBe(true);
  });

  it('leave out withdrawn codes', () => {
    for (const withdrawn of ['iw', 'in', 'ji', 'jw', 'mo', 'sh', 'bh']) {
      expect(LANGUAGE_CODES).not.toContain(withdrawn);
    }
  });

  it('are all named by Intl in English', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    for (const code of LANGUAGE_CODES) expect(names.of(code), code).toBeTruthy();
  });
});

describe('languageNameAz', () => {
  it('names every common working language in Azerbaijani', () => {
    for (const code of COMMON) expect(languageNameAz(code), code).toMatch(/ dili$/);
    expect(languageNameAz('az')).toBe('azərbaycan dili');
    expect(languageNameAz('EN')).toBe('ingilis dili');
  });

  it('knows only real codes, and nothing it does not have', () => {
    for (const code of Object.keys(LANGUAGE_NAMES_AZ)) expect(LANGUAGE_CODES).toContain(code);
    expect(languageNameAz('xx')).toBeUndefined();
    expect(languageNameAz('toString')).toBeUndefined();
  });
});
