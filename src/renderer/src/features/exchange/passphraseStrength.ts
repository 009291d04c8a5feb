import { isPassphraseStrongEnough } from '@shared/exchange/passphrase';

/**
 * How hard a passphrase is to guess, for the export dialog. 'weak' is below the minimum that
 * writeBundle enforces (12 characters or 4 words), so it cannot be used; above it, length, words
 * and variety tell 'fair' from 'strong' as a hint.
 */
export function passphraseStrength(passphrase: string): 'weak' | 'fair' | 'strong' {
  if (!isPassphraseStrongEnough(passphrase)) return 'weak';
  const classes = [/[a-zа-яəığöşüç]/u, /[A-ZА-ЯƏIĞÖŞÜÇ]/u, /\d/, /[^\p{L}\d]/u].filter((pattern) =>
    pattern.test(passphrase),
  ).length;
  const words = passphrase.trim().split(/\s+/).filter(Boolean).length;
  if (passphrase.length >= 16 || words >= 4 || classes >= 3) return 'strong';
  return 'fair';
}
