import { COUNTRY_NAMES_AZ } from '../i18n/countryNamesAz';
import { LANGUAGE_NAMES_AZ } from '../i18n/languageNamesAz';
import { az } from '../i18n/messages/az';
import { en } from '../i18n/messages/en';
import { ru } from '../i18n/messages/ru';
import { LANGUAGE_CODES } from '../model/languageCodes';
import { foldForMatch } from '../text/fold';

/** The enum namespaces of the messages (`enums.<name>`) that import columns can hold. */
export type ImportEnumName =
  | 'partnerKind'
  | 'cooperationMode'
  | 'agreementKind'
  | 'projectStatus'
  | 'eventKind'
  | 'followUpStatus'
  | 'sensitivity';

type EnumLabels = Readonly<Record<string, string>>;

const enumIndexes = new Map<ImportEnumName, Map<string, string>>();

/**
 * Folded label → code, for the labels the UI shows in all three languages and the codes
 * themselves ("state-authority", "state authority"), so a column written in any of them reads.
 */
function enumIndex(name: ImportEnumName): Map<string, string> {
  let index = enumIndexes.get(name);
  if (index) return index;
  index = new Map();
  for (const messages of [en, az, ru]) {
    const labels = messages.enums[name] as EnumLabels;
    for (const [code, label] of Object.entries(labels)) index.set(foldForMatch(label), code);
  }
  for (const code of Object.keys(en.enums[name])) {
    index.set(foldForMatch(code), code);
    index.set(foldForMatch(code.replace(/[-_]/g, ' ')), code);
  }
  enumIndexes.set(name, index);
  return index;
}

/** The code an enum cell names, by code or by its label in English, Azerbaijani or Russian. */
export function matchEnum(name: ImportEnumName, text: string): string | null {
  const folded = foldForMatch(text).replace(/[_]/g, ' ');
  return enumIndex(name).get(folded) ?? enumIndex(name).get(folded.replace(/-/g, ' ')) ?? null;
}

/** Every code of an enum, for the mapping step's "value for rows without one". */
export function enumCodes(name: ImportEnumName): string[] {
  return Object.keys(en.enums[name]);
}

/** Common names that differ from the ones Intl gives, in the three languages. */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  turkey: 'TR',
  turkiye: 'TR',
  'russian federation': 'RU',
  'rusiya federasiyasi': 'RU',
  'российская федерация': 'RU',
  россия: 'RU',
  usa: 'US',
  'united states of america': 'US',
  сша: 'US',
  abs: 'US',
  uk: 'GB',
  'great britain': 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  britaniya: 'GB',
  великобритания: 'GB',
  holland: 'NL',
  hollandiya: 'NL',
  голландия: 'NL',
  'netherlands, the': 'NL',
  'the netherlands': 'NL',
  'republic of azerbaijan': 'AZ',
  'azerbaycan respublikasi': 'AZ',
  'азербайджанская республика': 'AZ',
  'republic of moldova': 'MD',
  'republic of korea': 'KR',
  'south korea': 'KR',
  'czech republic': 'CZ',
};

let countryIndex: Map<string, string> | null = null;

function regionNames(locale: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  } catch {
    return null;
  }
}

/** Folded country name (en, az, ru) or ISO code → ISO 3166-1 alpha-2 code. */
function countries(): Map<string, string> {
  if (countryIndex) return countryIndex;
  countryIndex = new Map();
  const english = regionNames('en');
  const russian = regionNames('ru');
  for (const [code, azName] of Object.entries(COUNTRY_NAMES_AZ)) {
    countryIndex.set(foldForMatch(code), code);
    countryIndex.set(foldForMatch(azName), code);
    for (const names of [english, russian]) {
      const name = names?.of(code);
      if (name && name !== code) countryIndex.set(foldForMatch(name), code);
    }
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES))
    countryIndex.set(foldForMatch(alias), code);
  return countryIndex;
}

/** The ISO code a country cell names: a code (AZ, nl) or a name in English, Azerbaijani or Russian. */
export function matchCountry(text: string): string | null {
  return countries().get(foldForMatch(text)) ?? null;
}

let languageIndex: Map<string, string> | null = null;

/** A working language by ISO 639-1 code or by its name in English, Azerbaijani or Russian. */
export function matchLanguage(text: string): string | null {
  if (!languageIndex) {
    languageIndex = new Map();
    const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    const russian = new Intl.DisplayNames(['ru'], { type: 'language', fallback: 'none' });
    for (const code of LANGUAGE_CODES) {
      languageIndex.set(code, code);
      for (const name of [english.of(code), russian.of(code), LANGUAGE_NAMES_AZ[code]]) {
        if (name && name !== code) languageIndex.set(foldForMatch(name), code);
      }
    }
  }
  return languageIndex.get(foldForMatch(text)) ?? null;
}

export type NumberResult =
  { ok: true; value: number } | { ok: false; problem: 'numberInvalid' | 'numberAmbiguous' };

/**
 * A number as people write it in en, az and ru spreadsheets: "1 200 000,50", "1,200,000.50",
 * "1.200.000,50". A lone comma or dot followed by exactly three digits ("1,200") could be either a
 * thousands separator or a decimal point, so it is named as ambiguous rather than guessed.
 */
export function parseImportNumber(cell: string | number): NumberResult {
  if (typeof cell === 'number') {
    return Number.isFinite(cell)
      ? { ok: true, value: cell }
      : { ok: false, problem: 'numberInvalid' };
  }
  let text = cell.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^[+-]?[\d.,]+$/.test(text) || !/\d/.test(text))
    return { ok: false, problem: 'numberInvalid' };
  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  if (commas > 0 && dots > 0) {
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    if ((decimal === ',' ? commas : dots) > 1) return { ok: false, problem: 'numberInvalid' };
    text = text.split(thousands).join('').replace(decimal, '.');
  } else if (commas + dots > 1) {
    const separator = commas > 0 ? ',' : '.';
    if (!new RegExp(`^[+-]?\\d{1,3}(\\${separator}\\d{3})+$`).test(text)) {
      return { ok: false, problem: 'numberInvalid' };
    }
    text = text.split(separator).join('');
  } else if (commas + dots === 1) {
    if (/^[+-]?\d{1,3}[.,]\d{3}$/.test(text) && !/^[+-]?0[.,]/.test(text)) {
      return { ok: false, problem: 'numberAmbiguous' };
    }
    text = text.replace(',', '.');
  }
  const value = Number(text);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: 'numberInvalid' };
}

/**
 * A whole number greater than zero, also written as an ordinal: "107", "107th", "107-ci",
 * "107-я" (how sessions in a series are numbered in each language).
 */
export function parsePositiveInteger(cell: string | number): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell > 0 ? cell : null;
  const match = /^(\d{1,9})(?:\s*-?\s*(?:st|nd|rd|th|ci|cı|cu|cü|ый|ий|ой|я|й|е|го))?\.?$/iu.exec(
    cell.trim(),
  );
  const value = match ? Number(match[1]) : 0;
  return value > 0 ? value : null;
}

/**
 * Splits a cell that lists several values ("IOM; UNHCR", one per line, or "IOM | UNHCR").
 * Commas are not separators here: they occur inside names ("Ministry of Justice, Netherlands").
 */
export function splitList(text: string): string[] {
  return text
    .split(/[;|\n\r]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
