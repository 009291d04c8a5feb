import { describe, expect, it } from 'vitest';
import { allowsUnencryptedBundles, isReadOnlyPolicy } from './policy';

describe('allowsUnencryptedBundles', () => {
  it('allows unencrypted bundles only where the policy says true, never by default', () => {
    expect(allowsUnencryptedBundles({})).toBe(false);
    expect(allowsUnencryptedBundles({ allowUnencryptedBundles: undefined })).toBe(false);
    expect(
      allowsUnencryptedBundles({ allowUnencryptedBundles: { value: false, isEnforced: true } }),
    ).toBe(false);
    expect(
      allowsUnencryptedBundles({ allowUnencryptedBundles: { value: true, isEnforced: false } }),
    ).toBe(true);
  });
});

describe('isReadOnlyPolicy', () => {
  it('is read-only only where the policy says true', () => {
    expect(isReadOnlyPolicy({})).toBe(false);
    expect(isReadOnlyPolicy({ readOnly: { value: false, isEnforced: true } })).toBe(false);
    expect(isReadOnlyPolicy({ readOnly: { value: true, isEnforced: false } })).toBe(true);
  });
});
