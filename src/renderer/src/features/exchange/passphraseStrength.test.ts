import { generatePassphrase } from '@shared/exchange/passphrase';
import { describe, expect, it } from 'vitest';
import { passphraseStrength } from './passphraseStrength';

describe('passphraseStrength', () => {
  it('calls anything below the minimum weak, whatever its variety', () => {
    expect(passphraseStrength('secret')).toBe('weak');
    expect(passphraseStrength('Secret-2026')).toBe('weak');
  });

  it('calls a long enough but plain passphrase fair, and long or varied ones strong', () => {
    expect(passphraseStrength('summersummer')).toBe('fair');
    expect(passphraseStrength('correct horse battery staple')).toBe('strong');
    expect(passphraseStrength('Bakı-2026-Cenevrə')).toBe('strong');
    expect(passphraseStrength(generatePassphrase())).toBe('strong');
  });
});
