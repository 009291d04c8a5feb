/** The separators spreadsheets write between values: Excel in az and ru locales uses ";". */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const SAMPLE_LINES = 50;

/**
 * Counts each candidate delimiter per line outside quoted values, for the first lines; blank
 * lines (often the last one) are left out, as they say nothing about the delimiter.
 */
function countPerLine(text: string): Map<Delimiter, number[]> {
  const counts = new Map<Delimiter, number[]>(DELIMITERS.map((d) => [d, []]));
  const current = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let isQuoted = false;
  let isBlank = true;
  let lines = 0;
  const endLine = () => {
    if (!isBlank) for (const d of DELIMITERS) counts.get(d)?.push(current.get(d) ?? 0);
    for (const d of DELIMITERS) current.set(d, 0);
    isBlank = true;
    lines += 1;
  };
  for (let index = 0; index < text.length && lines < SAMPLE_LINES; index += 1) {
    const char = text[index] ?? '';
    if (char === '"') {
      isQuoted = !isQuoted;
      isBlank = false;
      continue;
    }
    if (isQuoted) continue;
    if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      endLine();
      continue;
    }
    if (char.trim() !== '') isBlank = false;
    const count = current.get(char as Delimiter);
    if (count !== undefined) current.set(char as Delimiter, count + 1);
  }
  if (lines < SAMPLE_LINES) endLine();
  return counts;
}

/** The count most lines have (the larger on a tie). */
function mostCommon(counts: readonly number[]): number {
  const frequency = new Map<number, number>();
  for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  let best = 0;
  let bestFrequency = 0;
  for (const [count, times] of frequency) {
    if (times > bestFrequency || (times === bestFrequency && count > best)) {
      best = count;
      bestFrequency = times;
    }
  }
  return best;
}

/**
 * Which delimiter separates the values: the one that appears the same number of times on most
 * lines (a title line above the table, or a comma inside some names, does not change the vote).
 * A one-column file has none; "," is then as good as any.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = countPerLine(text);
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const lines = counts.get(delimiter) ?? [];
    const usual = mostCommon(lines);
    if (usual === 0) continue;
    const consistent = lines.filter((count) => count === usual).length / lines.length;
    // Consistency matters most; among equally consistent candidates, more columns wins.
    const score = consistent * 1000 + Math.min(usual, 999);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
