/** How hard a passphrase is to guess, roughly: length and variety, as a hint, never a rule. */
export function passphraseStrength(passphrase: string): 'weak' | 'fair' | 'strong' {
  const classes = [/[a-zа-яəığöşüç]/u, /[A-ZА-ЯƏIĞÖŞÜÇ]/u, /\d/, /[^\p{L}\d]/u].filter((pattern) =>
    pattern.test(passphrase),
  ).length;
  const words = passphrase.trim().split(/\s+/).filter(Boolean).length;
  if (passphrase.length >= 16 || (passphrase.length >= 12 && (classes >= 3 || words >= 3))) {
    return 'strong';
  }
  if (passphrase.length >= 10 && classes >= 2) return 'fair';
  return 'weak';
}
