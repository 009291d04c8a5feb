import { azLowerCase } from './azerbaijani';

/**
 * A text as search compares it: lower case with the Turkic i rules, without diacritics, and with
 * ə and ı read as e and i, so "konullu" finds "Könüllü", "IDARƏ" finds "idarə" and a user without
 * an Azerbaijani keyboard still finds every record.
 */
export function foldForSearch(text: string): string {
  return azLowerCase(text)
    .replace(/ə/g, 'e')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
