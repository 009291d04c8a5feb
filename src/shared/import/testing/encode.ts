/** Windows-1251 bytes of Russian text, as older Excel writes "CSV" in a Russian locale. */
export function encodeWindows1251(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
    else if (char === 'Ё') bytes.push(0xa8);
    else if (char === 'ё') bytes.push(0xb8);
    else if (char === '№') bytes.push(0xb9);
    else throw new Error(`No Windows-1251 byte for ${char}`);
  }
  return new Uint8Array(bytes);
}

/** UTF-16 bytes with a byte-order mark, as Excel's "Unicode text" writes them. */
export function encodeUtf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, endian === 'le');
  for (let index = 0; index < text.length; index += 1) {
    view.setUint16(2 + index * 2, text.charCodeAt(index), endian === 'le');
  }
  return bytes;
}

/** UTF-8 with the byte-order mark Excel's "CSV UTF-8" starts with. */
export function encodeUtf8Bom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}
