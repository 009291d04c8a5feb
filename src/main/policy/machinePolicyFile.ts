import type { Environment } from './environment';
import { policyFilePath } from './policyService';

/**
 * Development only: a policy file for an unpackaged app, so `npm run test:electron` can start the
 * real app under a test policy. A packaged build never reads it: a user who could set it would
 * choose their own policy and lift the machine's.
 */
export const DEVELOPMENT_POLICY_VARIABLE = 'COOPERATION_REGISTRY_DEV_POLICY_FILE';

export type MachinePolicyFileOptions = {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  env: Environment;
  /** Whether a candidate file exists (policyFilePath); the real file system unless a test says. */
  exists?: (path: string) => boolean;
};

/** The policy file main reads at start: the machine's (policyFilePath), or in development the override. */
export function machinePolicyFile({
  isPackaged,
  platform,
  env,
  exists,
}: MachinePolicyFileOptions): string {
  const override = isPackaged ? undefined : env[DEVELOPMENT_POLICY_VARIABLE];
  return override || policyFilePath(platform, env, exists);
}
