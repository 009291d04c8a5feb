import { describe, expect, it } from 'vitest';
import { passphraseStrength } from './passphraseStrength';

describe('passphraseStrength', () => {
  it('calls short passphrases weak and long or varied ones strong', () => {
    expect(passphraseStrength('secret')).toBe('weak');
    expect(passphraseStrength('Secret2026')).toBe('fair');
    expect(passphraseStrength('correct horse battery staple')).toBe('strong');
    expect(passphraseStrength('Bakı-2026-Cenevrə')).toBe('strong');
  });
});
