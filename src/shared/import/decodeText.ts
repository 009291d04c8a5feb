/**
 * Text encodings a spreadsheet saved by Excel or LibreOffice arrives in: UTF-8 (with or without the
 * byte-order mark Excel writes for "CSV UTF-8"), UTF-16 ("Unicode text", always with a mark) and
 * Windows-1251, which Excel in Russian and Azerbaijani locales writes for plain "CSV".
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export type DecodedText = {
  text: string;
  encoding: TextEncodingName;
  hasBom: boolean;
  /** The bytes end inside a UTF-8 character: the file was cut short. */
  isTruncated: boolean;
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((byte, index) => bytes[index] === byte);

/**
 * How many bytes at the end belong to an unfinished UTF-8 sequence (0 when the end is clean), so
 * a file cut in the middle of "ə" is still read as UTF-8 rather than mistaken for Windows-1251.
 */
function unfinishedUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead
    const expected = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return expected > back ? back : 0;
  }
  return 0;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 little-endian without a byte-order mark: mostly ASCII text leaves every second byte zero.
 * Rare (Excel always writes the mark), but cheap to recognise and otherwise unreadable.
 */
function looksLikeBomlessUtf16le(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return false;
  let oddZeros = 0;
  let evenZeros = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenZeros += 1;
    if (bytes[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  return oddZeros / pairs > 0.3 && evenZeros / pairs < 0.05;
}

/** Which encoding the bytes are in: a byte-order mark first, then valid UTF-8, else Windows-1251. */
export function detectTextEncoding(bytes: Uint8Array): {
  encoding: TextEncodingName;
  bomLength: number;
  isTruncated: boolean;
} {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const tail = unfinishedUtf8Tail(bytes);
    return { encoding: 'utf-8', bomLength: 3, isTruncated: tail > 0 };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { encoding: 'utf-16le', bomLength: 2, isTruncated: bytes.length % 2 === 1 };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { encoding: 'utf-16be', bomLength: 2, isTruncated: bytes.length % 2 === 1 };
  }
  // Before the UTF-8 check: zero bytes are valid UTF-8, so UTF-16 text would pass it.
  if (looksLikeBomlessUtf16le(bytes)) {
    return { encoding: 'utf-16le', bomLength: 0, isTruncated: bytes.length % 2 === 1 };
  }
  if (isValidUtf8(bytes)) return { encoding: 'utf-8', bomLength: 0, isTruncated: false };
  const tail = unfinishedUtf8Tail(bytes);
  if (tail > 0 && isValidUtf8(bytes.subarray(0, bytes.length - tail))) {
    return { encoding: 'utf-8', bomLength: 0, isTruncated: true };
  }
  return { encoding: 'windows-1251', bomLength: 0, isTruncated: false };
}

/**
 * Decodes a text file in whatever encoding it came in, without the byte-order mark. An unfinished
 * character at the end of a truncated file is dropped rather than turned into garbage.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const { encoding, bomLength, isTruncated } = detectTextEncoding(bytes);
  let body = bytes.subarray(bomLength);
  if (isTruncated && encoding === 'utf-8')
    body = body.subarray(0, body.length - unfinishedUtf8Tail(body));
  if (isTruncated && encoding !== 'utf-8') body = body.subarray(0, body.length - 1);
  // ignoreBOM: the mark is already skipped; a second one would be real content (or garbage).
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  return { text, encoding, hasBom: bomLength > 0, isTruncated };
}
