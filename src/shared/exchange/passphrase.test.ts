import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BIP39_ENGLISH_WORDS } from './bip39EnglishWords';
import { BundleError } from './bundleFormat';
import {
  generatePassphrase,
  isPassphraseStrongEnough,
  randomBelow,
  requireStrongPassphrase,
  type RandomValues,
} from './passphrase';

/** Random values from a script, to check exactly what is drawn and what is thrown away. */
function scripted(values: readonly number[]): RandomValues & { drawn: () => number } {
  let at = 0;
  const next: RandomValues = (array) => {
    for (let index = 0; index < array.length; index += 1) {
      const value = values[at];
      if (value === undefined) throw new Error('The script ran out of values');
      array[index] = value;
      at += 1;
    }
    return array;
  };
  return Object.assign(next, { drawn: () => at });
}

describe('the passphrase minimum', () => {
  it('accepts 12 characters or 4 words, and nothing less', () => {
    expect(isPassphraseStrongEnough('Bakı-Cenevrə')).toBe(true);
    expect(isPassphraseStrongEnough('correct horse battery staple')).toBe(true);
    expect(isPassphraseStrongEnough('ab cd ef gh')).toBe(true);
    expect(isPassphraseStrongEnough('Summit-2026')).toBe(false);
    expect(isPassphraseStrongEnough('cat dog emu')).toBe(false);
    // Single letters are not words, and padding spaces are not characters.
    expect(isPassphraseStrongEnough('a b c d e f')).toBe(false);
    expect(isPassphraseStrongEnough('   secret    ')).toBe(false);
    // Characters, not UTF-16 units: eleven letters outside the BMP are eleven characters.
    expect(isPassphraseStrongEnough('𝔰𝔢𝔠𝔯𝔢𝔱𝔰𝔢𝔠𝔯𝔢')).toBe(false);
  });

  it('throws weak-passphrase below the minimum', () => {
    expect(() => requireStrongPassphrase('password1')).toThrow(BundleError);
    expect(() => requireStrongPassphrase('password1')).toThrow(/at least 12 characters or 4 words/);
    expect(() => requireStrongPassphrase('correct horse battery staple')).not.toThrow();
  });
});

describe('generated passphrases', () => {
  it('embed the published BIP-39 English list unchanged', () => {
    const published = `${BIP39_ENGLISH_WORDS.join('\n')}\n`;
    expect(createHash('sha256').update(published).digest('hex')).toBe(
      '2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda',
    );
    expect(new Set(BIP39_ENGLISH_WORDS).size).toBe(2_048);
  });

  it('are six words from the list, 66 bits, that pass the minimum', () => {
    const phrase = generatePassphrase();
    const words = phrase.split(' ');
    expect(words).toHaveLength(6);
    for (const word of words) expect(BIP39_ENGLISH_WORDS).toContain(word);
    expect(isPassphraseStrongEnough(phrase)).toBe(true);
    expect(6 * Math.log2(BIP39_ENGLISH_WORDS.length)).toBe(66);
  });

  it('pick words by the random values: index = value mod 2048', () => {
    const random = scripted([0, 2_047, 2_048, 4_294_967_295, 1_000, 5]);
    expect(generatePassphrase(6, random)).toBe('abandon zoo abandon zoo laptop absent');
  });

  it('are not the same twice', () => {
    expect(generatePassphrase()).not.toBe(generatePassphrase());
  });
});

describe('randomBelow', () => {
  it('throws away values from the incomplete last block, so every result is equally likely', () => {
    // 2^32 = 3 × 1431655765 + 1: the value 4294967295 alone would favour 0 over 1 and 2.
    const random = scripted([4_294_967_295, 4_294_967_294]);
    expect(randomBelow(3, random)).toBe(4_294_967_294 % 3);
    expect(random.drawn()).toBe(2);
  });

  it('draws once when the count divides 2^32 (a 2048-word list)', () => {
    const random = scripted([4_294_967_295]);
    expect(randomBelow(2_048, random)).toBe(2_047);
    expect(random.drawn()).toBe(1);
  });

  it('refuses a count it cannot draw below', () => {
    expect(() => randomBelow(0)).toThrow(RangeError);
    expect(() => randomBelow(1.5)).toThrow(RangeError);
  });
});
