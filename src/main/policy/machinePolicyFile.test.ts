import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_POLICY_VARIABLE, machinePolicyFile } from './machinePolicyFile';
import { LINUX_POLICY_FILE } from './policyService';

const OVERRIDE = '/tmp/test-run/policy.json';
const nothingExists = () => false;

describe('machinePolicyFile', () => {
  it('reads the development override in an unpackaged run (npm run test:electron)', () => {
    const env = { [DEVELOPMENT_POLICY_VARIABLE]: OVERRIDE };
    expect(machinePolicyFile({ isPackaged: false, platform: 'linux', env })).toBe(OVERRIDE);
  });

  it('ignores the override in a packaged build: a user cannot bring their own policy', () => {
    const env = { [DEVELOPMENT_POLICY_VARIABLE]: OVERRIDE, ProgramData: 'C:\\ProgramData' };
    expect(machinePolicyFile({ isPackaged: true, platform: 'linux', env })).toBe(LINUX_POLICY_FILE);
    expect(
      machinePolicyFile({ isPackaged: true, platform: 'win32', env, exists: nothingExists }),
    ).toBe('C:\\ProgramData\\CooperationRegistry\\policy.json');
  });

  it('reads the machine policy when no override is set', () => {
    expect(machinePolicyFile({ isPackaged: false, platform: 'linux', env: {} })).toBe(
      LINUX_POLICY_FILE,
    );
    expect(
      machinePolicyFile({
        isPackaged: false,
        platform: 'linux',
        env: { [DEVELOPMENT_POLICY_VARIABLE]: '' },
      }),
    ).toBe(LINUX_POLICY_FILE);
  });
});
