import { parsePartialDate, type PartialDate } from '../model/partialDate';
import { foldForMatch } from '../text/fold';
import type { Cell } from './cells';

/** Why a date cell could not be read; the UI words each in its language. */
export type DateProblem = 'dateUnrecognized' | 'dateImpossible' | 'dateTwoDigitYear';

export type DateResult = { ok: true; date: PartialDate } | { ok: false; problem: DateProblem };

/**
 * Month names and the abbreviations people type, by their folded start: English, Azerbaijani
 * (yanvar, fevral, …, with the iyun/iyul pair told apart) and Russian in the nominative and the
 * genitive a date uses ("март", "марта"). The longest matching start wins.
 */
const MONTH_STARTS: readonly (readonly [string, number])[] = [
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['may', 5],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
  ['yan', 1],
  ['fev', 2],
  ['avq', 8],
  ['sen', 9],
  ['okt', 10],
  ['noy', 11],
  ['dek', 12],
  ['iyun', 6],
  ['iyul', 7],
  ['янв', 1],
  ['фев', 2],
  ['мар', 3],
  ['апр', 4],
  ['май', 5],
  ['мая', 5],
  ['июн', 6],
  ['июл', 7],
  ['авг', 8],
  ['сен', 9],
  ['окт', 10],
  ['ноя', 11],
  ['дек', 12],
];

/** Words around a date that carry no meaning: "г.", "год", "года", "il", "ili", "ildə", "year". */
const FILLER = new Set(['г', 'гг', 'год', 'года', 'году', 'il', 'ili', 'ilde', 'year', 'y']);

export function monthFromWord(word: string): number | null {
  const folded = foldForMatch(word).replace(/\.$/, '');
  if (folded.length < 3) return null;
  let best: readonly [string, number] | null = null;
  for (const entry of MONTH_STARTS) {
    if (folded.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best ? best[1] : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function build(year: number, month: number | null, day: number | null): DateResult {
  if (month === null) {
    return year >= 1000 && year <= 9999
      ? { ok: true, date: String(year) }
      : { ok: false, problem: 'dateImpossible' };
  }
  const text = day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  return parsePartialDate(text)
    ? { ok: true, date: text }
    : { ok: false, problem: 'dateImpossible' };
}

/** Excel's 1900 date system: serial 1 is 1900-01-01, with the fictional 1900-02-29 as 60. */
export function excelSerialToDate(serial: number): DateResult {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) {
    return { ok: false, problem: 'dateImpossible' };
  }
  const whole = Math.floor(serial);
  if (whole === 60) return { ok: false, problem: 'dateImpossible' };
  const days = whole < 60 ? whole : whole - 1;
  const date = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return build(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d+)\.?$/;
const MONTH_YEAR = /^(\d{1,2})[./-](\d{4})$/;

/** Text with a month name: "March 2014", "5 mart 2014", "5 марта 2014 г.", "March 5, 2014". */
function parseWords(text: string): DateResult | null {
  const tokens = text
    .split(/[\s,]+|(?<=\d)(?=\p{L})|(?<=\p{L})(?=\d)/u)
    .map((token) => token.replace(/^[.()]+|[.()]+$/g, ''))
    .filter((token) => token !== '' && !FILLER.has(foldForMatch(token)));
  let month: number | null = null;
  let year: number | null = null;
  let day: number | null = null;
  for (const token of tokens) {
    if (/^\d{4}(?:-?(?:ci|cı|cu|cü))?$/u.test(token) && year === null)
      year = Number.parseInt(token, 10);
    else if (/^\d{1,2}$/.test(token) && day === null) day = Number(token);
    else if (/^\d{1,2}-?(?:ci|cı|cu|cü|st|nd|rd|th|го|е)$/iu.test(token) && day === null)
      day = Number.parseInt(token, 10);
    else {
      const named = monthFromWord(token);
      if (named === null || month !== null) return null;
      month = named;
    }
  }
  if (month === null) return null;
  if (year === null)
    return { ok: false, problem: day !== null ? 'dateTwoDigitYear' : 'dateUnrecognized' };
  return build(year, month, day);
}

/**
 * Reads a date cell as a partial date, keeping the precision it was written with and never
 * inventing a day: "2014" → "2014", "03.2014" and "mart 2014" → "2014-03", "05.03.2014" →
 * "2014-03-05". Dotted dates are day first, as Azerbaijani and Russian write them. An Excel date
 * serial (a number in an XLSX date column) is converted. Empty cells give null.
 */
export function parseImportDate(cell: Cell): DateResult | null {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'number') {
    // A bare year typed into a number cell reads as that year, not as day 2014 of 1905.
    if (Number.isInteger(cell) && cell >= 1000 && cell <= 2200) return build(cell, null, null);
    return excelSerialToDate(cell);
  }
  if (typeof cell === 'boolean') return { ok: false, problem: 'dateUnrecognized' };
  const text = cell.trim().replace(/\s+/g, ' ');
  if (text === '') return null;

  const iso = ISO.exec(text);
  if (iso) {
    return build(
      Number(iso[1]),
      iso[2] === undefined ? null : Number(iso[2]),
      iso[3] === undefined ? null : Number(iso[3]),
    );
  }
  const monthYear = MONTH_YEAR.exec(text);
  if (monthYear) return build(Number(monthYear[2]), Number(monthYear[1]), null);
  const dayFirst = DAY_FIRST.exec(text.replace(/\s*(г|il)\.?$/u, ''));
  if (dayFirst) {
    const yearText = dayFirst[3] ?? '';
    if (yearText.length !== 4) {
      return { ok: false, problem: yearText.length <= 2 ? 'dateTwoDigitYear' : 'dateUnrecognized' };
    }
    return build(Number(yearText), Number(dayFirst[2]), Number(dayFirst[1]));
  }
  return parseWords(text) ?? { ok: false, problem: 'dateUnrecognized' };
}
