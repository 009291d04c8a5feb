import { BIP39_ENGLISH_WORDS } from './bip39EnglishWords';
import { BundleError } from './bundleFormat';

/**
 * The passphrase rule for exchange bundles, and generated word passphrases. A bundle file can be
 * copied and attacked offline with no limit on guesses, so the passphrase, not the app, is what
 * protects it; Argon2id only makes each guess dear. The rule is enforced where bundles are
 * written (writeBundle), not only in the dialog.
 */

/** A passphrase of at least this many characters is accepted… */
const MIN_PASSPHRASE_CHARACTERS = 12;
/** …and so is a phrase of at least this many words (each of two or more characters). */
const MIN_PASSPHRASE_WORDS = 4;
/** Words in a generated passphrase: 6 × log2(2048) = 66 bits, out of reach of offline guessing. */
const GENERATED_PASSPHRASE_WORDS = 6;

/** Characters as code points after NFC: "ə" is one whether it was typed composed or not. */
const characterCount = (text: string) => Array.from(text).length;

/** Whether a passphrase meets the minimum: 12 characters, or 4 words separated by spaces or hyphens. */
export function isPassphraseStrongEnough(passphrase: string): boolean {
  const text = passphrase.normalize('NFC').trim();
  if (characterCount(text) >= MIN_PASSPHRASE_CHARACTERS) return true;
  const words = text.split(/[\s-]+/u).filter((word) => characterCount(word) >= 2);
  return words.length >= MIN_PASSPHRASE_WORDS;
}

/** Throws `weak-passphrase` for a passphrase below the minimum. */
export function requireStrongPassphrase(passphrase: string): void {
  if (isPassphraseStrongEnough(passphrase)) return;
  throw new BundleError(
    'weak-passphrase',
    `The passphrase is too weak: a bundle needs at least ${MIN_PASSPHRASE_CHARACTERS} characters or ${MIN_PASSPHRASE_WORDS} words.`,
  );
}

/** Fills an array with random values: crypto.getRandomValues, or a scripted source in tests. */
export type RandomValues = (array: Uint32Array<ArrayBuffer>) => Uint32Array<ArrayBuffer>;

const cryptoRandomValues: RandomValues = (array) => crypto.getRandomValues(array);

/**
 * A uniformly random integer in [0, count): 32 random bits, drawn again while they fall in the
 * incomplete last block of `count` values (rejection sampling), so no value is more likely than
 * another, whatever `count` is.
 */
export function randomBelow(
  count: number,
  randomValues: RandomValues = cryptoRandomValues,
): number {
  if (!Number.isInteger(count) || count < 1 || count > 2 ** 32) {
    throw new RangeError(`Cannot draw below ${count}`);
  }
  const limit = 2 ** 32 - (2 ** 32 % count);
  const draw = new Uint32Array(1);
  for (;;) {
    const value = randomValues(draw)[0] ?? 0;
    if (value < limit) return value % count;
  }
}

/** A passphrase of random BIP-39 words separated by spaces, to be shown to the user once. */
export function generatePassphrase(
  words: number = GENERATED_PASSPHRASE_WORDS,
  randomValues: RandomValues = cryptoRandomValues,
): string {
  return Array.from(
    { length: words },
    () => BIP39_ENGLISH_WORDS[randomBelow(BIP39_ENGLISH_WORDS.length, randomValues)] ?? '',
  ).join(' ');
}
