/**
 * Folds text for matching, so what an officer types finds what was written regardless of case,
 * accents or keyboard: "Gəncə" ~ "gence", "İstanbul" ~ "istanbul" ~ "ıstanbul", "Ёлкин" ~ "елкин".
 *
 * Lower-casing and stripping combining marks is not enough: ə and ı are letters of their own,
 * not accented e and i, so they are folded explicitly. Index and query must use this same fold.
 */
export function foldForMatch(text: string): string {
  return (
    text
      // Turkic capitals first: toLowerCase() would turn İ into "i̇" (i + combining dot).
      .replace(/[İI]/g, 'i')
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/ı/g, 'i')
      .replace(/ə/g, 'e')
      .replace(/ß/g, 'ss')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
