/**
 * Characters that change how a name *looks* without being visible themselves: bidirectional
 * overrides, embeddings, isolates and marks (U+202E turns "Scan\u202Efdp.lnk" into what reads as
 * "Scanknl.pdf"), zero-width spaces and joiners, the word joiner, the byte-order mark and the line
 * and paragraph separators. Shared so main (which writes names) and the renderer (which shows
 * them) agree on what a name really says.
 */
const INVISIBLE =
  /[\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\ufff9-\ufffb]/;

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/** Whether a text hides something from the eye: a name that does was made to deceive. */
export function hasInvisibleCharacters(text: string): boolean {
  return INVISIBLE.test(text);
}

/** The text as it really reads, with every invisible or direction-changing character removed. */
export function withoutInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE_ALL, '');
}
