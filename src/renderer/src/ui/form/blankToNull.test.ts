import { describe, expect, it } from 'vitest';
import { blankToNull, isBlank } from './blankToNull';

describe('blankToNull', () => {
  it('stores a field left empty as null', () => {
    expect(blankToNull({})).toBeNull();
    expect(blankToNull(null)).toBeNull();
  });

  it('treats whitespace in every language as empty', () => {
    expect(isBlank({ en: '  ', az: '', ru: '\n' })).toBe(true);
    expect(blankToNull({ en: '  ', az: '' })).toBeNull();
  });

  it('keeps a text written in any one language as it is', () => {
    const text = { en: '', az: 'Bakı' };
    expect(isBlank(text)).toBe(false);
    expect(blankToNull(text)).toBe(text);
  });
});
