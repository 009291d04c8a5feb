/**
 * Azerbaijani dates and alphabetical order, written out because Chromium's bundled ICU (and so
 * Electron's) carries no Azerbaijani data: `Intl.DateTimeFormat('az')` prints "2016 M12 8" and
 * `Intl.Collator('az')` puts ı after i. Node's full ICU would hide the problem in unit tests, so
 * the app uses these everywhere and the browser tests check the result on screen.
 */

export const AZ_MONTHS = [
  'yanvar',
  'fevral',
  'mart',
  'aprel',
  'may',
  'iyun',
  'iyul',
  'avqust',
  'sentyabr',
  'oktyabr',
  'noyabr',
  'dekabr',
] as const;

/** "8 dekabr 2016", "dekabr 2016" or "2016", as Azerbaijani official texts write dates. */
export function formatAzDate(year: number, month: number | null, day: number | null): string {
  if (month === null) return String(year);
  const monthName = AZ_MONTHS[month - 1] ?? String(month);
  return day === null ? `${monthName} ${year}` : `${day} ${monthName} ${year}`;
}

type DayDate = { year: number; month: number; day: number };

/** "5–8 dekabr 2016", "30 sentyabr – 2 oktyabr 2016", "30 dekabr 2016 – 2 yanvar 2017". */
export function formatAzDayRange(start: DayDate, end: DayDate): string {
  if (start.year === end.year && start.month === end.month) {
    return `${start.day}–${formatAzDate(end.year, end.month, end.day)}`;
  }
  if (start.year === end.year) {
    return `${start.day} ${AZ_MONTHS[start.month - 1] ?? ''} – ${formatAzDate(end.year, end.month, end.day)}`;
  }
  return `${formatAzDate(start.year, start.month, start.day)} – ${formatAzDate(end.year, end.month, end.day)}`;
}

/** "27 noyabr 2026, 09:05" in the computer's time zone. */
export function formatAzDateTime(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${formatAzDate(date.getFullYear(), date.getMonth() + 1, date.getDate())}, ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const AZ_ALPHABET = 'abcçdeəfgğhxıijkqlmnoöprsştuüvyz';
const AZ_RANK = new Map(Array.from(AZ_ALPHABET).map((letter, index) => [letter, index]));

/** Lower-cases with the Turkic i rules (I → ı, İ → i), which plain toLowerCase() gets wrong. */
export function azLowerCase(text: string): string {
  return text.replace(/I/g, 'ı').replace(/İ/g, 'i').toLowerCase();
}

/**
 * A sort key per character: Azerbaijani letters in alphabet order; other letters (w, Cyrillic,
 * accented Latin folded to its base) after them by code point; digits before letters; spaces and
 * punctuation first so "Baku" sorts before "Bakuvia".
 */
function charKey(char: string): number {
  const rank = AZ_RANK.get(char);
  if (rank !== undefined) return 2000 + rank;
  if (/\p{Nd}/u.test(char)) return 1000 + Number(char);
  if (/\p{L}/u.test(char)) {
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    const baseRank = AZ_RANK.get(base);
    return baseRank !== undefined ? 2000 + baseRank : 3000 + (base.codePointAt(0) ?? 0);
  }
  return char.codePointAt(0) ?? 0;
}

/**
 * Compares two strings in Azerbaijani alphabetical order, ignoring case: ç after c, ə after e,
 * ğ after g, x after h, ı before i, q after k, ö after o, ş after s, ü after u. Ties fall back to
 * code points so the order is total and stable.
 */
export function compareAz(a: string, b: string): number {
  const left = Array.from(azLowerCase(a));
  const right = Array.from(azLowerCase(b));
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const difference = charKey(left[index] ?? '') - charKey(right[index] ?? '');
    if (difference !== 0) return difference;
  }
  if (left.length !== right.length) return left.length - right.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A key whose plain string order is compareAz's order, for sorting long lists: computing a key
 * once per row is far cheaper than compareAz's per-character work on every comparison.
 */
export function azSortKey(text: string): string {
  let key = '';
  for (const char of azLowerCase(text)) key += String.fromCharCode(Math.min(charKey(char), 0xffff));
  // Separator below every character key, then the text itself: compareAz's tie-breaks.
  return `${key}\u0000${text}`;
}
