import { describe, expect, it } from 'vitest';
import { areaCodeFromName, uniqueAreaCode } from './areaCode';
import { areaContentSchema } from './records';

const isValidCode = (code: string) => areaContentSchema.shape.code.safeParse(code).success;

describe('areaCodeFromName', () => {
  it('joins English words with hyphens in lower case', () => {
    expect(areaCodeFromName('Voluntary return')).toBe('voluntary-return');
    expect(areaCodeFromName('  Asylum and refugee status   determination ')).toBe(
      'asylum-and-refugee-status-determination',
    );
  });

  it('spells Azerbaijani letters in ASCII, the dotless and dotted I included', () => {
    expect(areaCodeFromName('Könüllü qayıdış')).toBe('konullu-qayidish');
    expect(areaCodeFromName('Miqrasiyanın idarə edilməsi')).toBe('miqrasiyanin-idare-edilmesi');
    expect(areaCodeFromName('İŞÇİ MİQRASİYASI')).toBe('ishchi-miqrasiyasi');
    expect(areaCodeFromName('Sərhəd, ağ çay, göl, üzüm')).toBe('serhed-agh-chay-gol-uzum');
  });

  it('transliterates Russian', () => {
    expect(areaCodeFromName('Реадмиссия')).toBe('readmissiya');
    expect(areaCodeFromName('Трудовая миграция')).toBe('trudovaya-migratsiya');
    expect(areaCodeFromName('Защита прав мигрантов')).toBe('zashchita-prav-migrantov');
    expect(areaCodeFromName('Объём, съезд, ёж')).toBe('obyom-sezd-yozh');
  });

  it('drops accents and punctuation and keeps digits', () => {
    expect(areaCodeFromName('Coopération – UE/EU 2030!')).toBe('cooperation-ue-eu-2030');
  });

  it('never returns an empty code', () => {
    expect(areaCodeFromName('')).toBe('area');
    expect(areaCodeFromName('— … —')).toBe('area');
    expect(areaCodeFromName('移民')).toBe('area');
  });

  it('cuts a long name at a word boundary', () => {
    const code = areaCodeFromName('capacity '.repeat(20));
    expect(code.length).toBeLessThanOrEqual(60);
    expect(code.endsWith('capacity')).toBe(true);
    expect(areaCodeFromName('x'.repeat(80))).toHaveLength(60);
  });

  it.each([
    'Legal migration',
    'Leqal miqrasiya',
    'Легальная миграция',
    '-- a --',
    'İ',
    'ъь',
    'x'.repeat(80),
  ])('always gives a code the model accepts: %s', (name) => {
    expect(isValidCode(areaCodeFromName(name))).toBe(true);
  });
});

describe('uniqueAreaCode', () => {
  it('keeps the derived code when it is free', () => {
    expect(uniqueAreaCode('Readmission', ['legal-migration'])).toBe('readmission');
  });

  it('adds the first free numeric suffix when the code is taken', () => {
    expect(uniqueAreaCode('Readmission', ['readmission'])).toBe('readmission-2');
    expect(uniqueAreaCode('Реадмиссия', ['readmissiya', 'readmissiya-2', 'readmissiya-4'])).toBe(
      'readmissiya-3',
    );
  });

  it('de-duplicates names that spell the same in ASCII', () => {
    const first = uniqueAreaCode('Könüllü qayıdış', []);
    expect(uniqueAreaCode('konullu qayidish', [first])).toBe('konullu-qayidish-2');
  });
});
