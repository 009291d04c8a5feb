import { azLowerCase } from '../i18n/azerbaijani';

/**
 * Codes for thematic areas derived from their names. An area's code is its stable key across
 * registries (imports and exchanges match areas by it), so it must be plain ASCII whatever
 * language the name was typed in, and unique in the registry.
 */

/** Azerbaijani and Russian (with Ukrainian and Belarusian) letters in a readable ASCII spelling. */
const TRANSLITERATION: Readonly<Record<string, string>> = {
  // Azerbaijani Latin letters outside ASCII.
  ə: 'e',
  ı: 'i',
  ç: 'ch',
  ş: 'sh',
  ğ: 'gh',
  ö: 'o',
  ü: 'u',
  // Cyrillic.
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
};

/** Longest code derived from a name; long enough to stay readable, short enough for file names. */
const MAX_CODE_LENGTH = 60;

/** Used when a name has nothing that spells out in ASCII (only punctuation, another script). */
const FALLBACK_CODE = 'area';

/**
 * The code a name spells: lower-case ASCII letters and digits in words joined by single hyphens,
 * e.g. "Voluntary return" → "voluntary-return", "Könüllü qayıdış" → "konullu-qayidish",
 * "Реадмиссия" → "readmissiya". Never empty, and always a valid area code.
 */
export function areaCodeFromName(name: string): string {
  // Turkic lower-casing first, so a capital I in an Azerbaijani name becomes ı, then i.
  const spelled = Array.from(azLowerCase(name.normalize('NFC')))
    .map((char) => TRANSLITERATION[char] ?? char)
    .join('')
    // Remaining accented Latin letters (é, ñ, ä) lose their marks.
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss');
  const words = spelled.split(/[^a-z0-9]+/).filter(Boolean);
  let code = '';
  for (const word of words) {
    const next = code === '' ? word : `${code}-${word}`;
    if (next.length > MAX_CODE_LENGTH) {
      if (code === '') code = word.slice(0, MAX_CODE_LENGTH);
      break;
    }
    code = next;
  }
  return code === '' ? FALLBACK_CODE : code;
}

/**
 * The code a new area with this name gets: `areaCodeFromName`, with "-2", "-3", … added when the
 * registry already has that code (areas in Trash included, since they may come back).
 */
export function uniqueAreaCode(name: string, takenCodes: Iterable<string>): string {
  const taken = new Set(takenCodes);
  const base = areaCodeFromName(name);
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
