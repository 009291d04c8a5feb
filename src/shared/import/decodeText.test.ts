import { describe, expect, it } from 'vitest';
import { decodeText, detectTextEncoding } from './decodeText';
import { encodeUtf16, encodeUtf8Bom, encodeWindows1251 } from './testing/encode';

const RUSSIAN = 'Название;Страна\nМеждународная организация по миграции;Швейцария\n';
const AZERBAIJANI = 'Ad;Ölkə;Tarix\nBeynəlxalq Miqrasiya Təşkilatı;İsveçrə;05.03.2014\n';

describe('decodeText', () => {
  it('reads UTF-8 with the byte-order mark Excel writes, without the mark', () => {
    const decoded = decodeText(encodeUtf8Bom(AZERBAIJANI));
    expect(decoded).toMatchObject({ encoding: 'utf-8', hasBom: true, isTruncated: false });
    expect(decoded.text).toBe(AZERBAIJANI);
  });

  it('reads UTF-8 without a mark', () => {
    const decoded = decodeText(new TextEncoder().encode(AZERBAIJANI));
    expect(decoded).toMatchObject({ encoding: 'utf-8', hasBom: false });
    expect(decoded.text).toBe(AZERBAIJANI);
  });

  it('reads UTF-16 little- and big-endian with a mark', () => {
    expect(decodeText(encodeUtf16(RUSSIAN, 'le'))).toMatchObject({
      encoding: 'utf-16le',
      text: RUSSIAN,
    });
    expect(decodeText(encodeUtf16(RUSSIAN, 'be'))).toMatchObject({
      encoding: 'utf-16be',
      text: RUSSIAN,
    });
  });

  it('reads Windows-1251 bytes of Russian text, which are not valid UTF-8', () => {
    const bytes = encodeWindows1251(RUSSIAN);
    expect(detectTextEncoding(bytes).encoding).toBe('windows-1251');
    expect(decodeText(bytes).text).toBe(RUSSIAN);
  });

  it('keeps reading UTF-8 when the file was cut inside a character', () => {
    const bytes = new TextEncoder().encode('Ad\nGəncə');
    const cut = bytes.subarray(0, bytes.length - 1); // the last "ə" loses its second byte
    const decoded = decodeText(cut);
    expect(decoded).toMatchObject({ encoding: 'utf-8', isTruncated: true });
    expect(decoded.text).toBe('Ad\nGənc');
  });

  it('recognises UTF-16LE without a mark by its zero bytes', () => {
    const withMark = encodeUtf16('Name,Country\nIOM,CH\n', 'le');
    expect(decodeText(withMark.subarray(2))).toMatchObject({
      encoding: 'utf-16le',
      text: 'Name,Country\nIOM,CH\n',
    });
  });
});
