import { describe, expect, it } from 'vitest';
import { hasInvisibleCharacters, withoutInvisibleCharacters } from './invisibleCharacters';

describe('invisible characters', () => {
  it('finds and removes what makes a .lnk read as a .pdf, and leaves real letters alone', () => {
    expect(hasInvisibleCharacters('Scan\u202Efdp.lnk')).toBe(true);
    expect(withoutInvisibleCharacters('Scan\u202Efdp.lnk')).toBe('Scanfdp.lnk');
    expect(withoutInvisibleCharacters('\u2067a\u2069\u200B\uFEFFb')).toBe('ab');
    expect(hasInvisibleCharacters('Görüşün protokolu — Протокол.pdf')).toBe(false);
    // Called twice on the same text (the pattern keeps no state between calls).
    expect(hasInvisibleCharacters('x\u200Fy')).toBe(true);
    expect(hasInvisibleCharacters('x\u200Fy')).toBe(true);
  });
});
