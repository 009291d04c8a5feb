import { describe, expect, it } from 'vitest';
import { COUNTRY_NAMES_AZ, countryNameAz } from './countryNamesAz';

/**
 * The 249 officially assigned ISO 3166-1 alpha-2 codes. Node's ICU also names exceptionally
 * reserved, transitionally reserved, deleted and user-assigned codes (AC, EU, UN, EZ, UK, SU, YU,
 * QO, XA, XB, ZZ, …); those are not countries a user picks, so only these are required.
 */
const OFFICIAL_CODES = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
  BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
  CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
  DE DJ DK DM DO DZ
  EC EE EG EH ER ES ET
  FI FJ FK FM FO FR
  GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
  HK HM HN HR HT HU
  ID IE IL IM IN IO IQ IR IS IT
  JE JM JO JP
  KE KG KH KI KM KN KP KR KW KY KZ
  LA LB LC LI LK LR LS LT LU LV LY
  MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
  NA NC NE NF NG NI NL NO NP NR NU NZ
  OM
  PA PE PF PG PH PK PL PM PN PR PS PT PW PY
  QA
  RE RO RS RU RW
  SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
  TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
  UA UG UM US UY UZ
  VA VC VE VG VI VN VU
  WF WS
  YE YT
  ZA ZM ZW
`
  .trim()
  .split(/\s+/);

/** Kosovo: user-assigned, but named by Intl and used in practice. */
const EXTRA_CODES = ['XK'];

const LETTERS = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
const englishRegions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const NAMED_CODES = LETTERS.flatMap((a) =>
  LETTERS.map((b) => a + b).filter((code) => englishRegions.of(code) !== undefined),
);

describe('COUNTRY_NAMES_AZ', () => {
  it('lists exactly the 249 officially assigned codes plus Kosovo', () => {
    expect(OFFICIAL_CODES).toHaveLength(249);
    expect(new Set(OFFICIAL_CODES).size).toBe(249);
    expect(Object.keys(COUNTRY_NAMES_AZ).sort()).toEqual(
      [...OFFICIAL_CODES, ...EXTRA_CODES].sort(),
    );
  });

  it('names every officially assigned code that Intl names in English', () => {
    const official = new Set(OFFICIAL_CODES);
    const required = NAMED_CODES.filter((code) => official.has(code));
    expect(required).toHaveLength(249);
    expect(required.filter((code) => !(code in COUNTRY_NAMES_AZ))).toEqual([]);
  });

  it('covers only codes that Intl names', () => {
    const named = new Set(NAMED_CODES);
    expect(Object.keys(COUNTRY_NAMES_AZ).filter((code) => !named.has(code))).toEqual([]);
  });

  it('keeps its keys sorted', () => {
    const keys = Object.keys(COUNTRY_NAMES_AZ);
    expect(keys).toEqual([...keys].sort());
  });

  it('has no empty or padded names', () => {
    for (const [code, name] of Object.entries(COUNTRY_NAMES_AZ)) {
      expect(name, code).not.toBe('');
      expect(name, code).toBe(name.trim());
      expect(name, code).not.toMatch(/\s{2}/);
    }
  });

  it('uses Azerbaijani names', () => {
    expect(COUNTRY_NAMES_AZ.AZ).toBe('Azərbaycan');
    expect(COUNTRY_NAMES_AZ.TR).toBe('Türkiyə');
    expect(COUNTRY_NAMES_AZ.RU).toBe('Rusiya');
    expect(COUNTRY_NAMES_AZ.NL).toBe('Niderland');
    expect(COUNTRY_NAMES_AZ.CH).toBe('İsveçrə');
    expect(COUNTRY_NAMES_AZ.US).toBe('Amerika Birləşmiş Ştatları');
    expect(COUNTRY_NAMES_AZ.GB).toBe('Birləşmiş Krallıq');
    expect(COUNTRY_NAMES_AZ.GE).toBe('Gürcüstan');
    expect(COUNTRY_NAMES_AZ.KZ).toBe('Qazaxıstan');
    expect(COUNTRY_NAMES_AZ.UZ).toBe('Özbəkistan');
  });

  it('contains no English words or symbols', () => {
    const english =
      /\b(Republic|Island|Islands|Saint|St|United|States|Kingdom|and|of|the|North|South)\b|&/;
    for (const [code, name] of Object.entries(COUNTRY_NAMES_AZ)) {
      expect(name, code).not.toMatch(english);
    }
  });

  it('is written in the Azerbaijani Latin alphabet', () => {
    // No w, and no letters outside the alphabet (é, ã, å, …); ’ for elisions as in CLDR.
    const azerbaijaniLatin = /^[A-VX-Za-vx-zƏəıİŞşÇçĞğÖöÜü ’().-]+$/u;
    for (const [code, name] of Object.entries(COUNTRY_NAMES_AZ)) {
      expect(name, code).toMatch(azerbaijaniLatin);
    }
  });
});

describe('countryNameAz', () => {
  it('looks a code up in any case', () => {
    expect(countryNameAz('AZ')).toBe('Azərbaycan');
    expect(countryNameAz('de')).toBe('Almaniya');
  });

  it('returns undefined for unknown codes and inherited properties', () => {
    expect(countryNameAz('ZZ')).toBeUndefined();
    expect(countryNameAz('EU')).toBeUndefined();
    expect(countryNameAz('')).toBeUndefined();
    expect(countryNameAz('constructor')).toBeUndefined();
  });
});
