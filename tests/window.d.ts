import type { RegistryBridge } from '../src/shared/ipc/bridge';

declare global {
  interface Window {
    /** The bridge preload exposes (or the e2e harness injects), as pages under test see it. */
    readonly registry: RegistryBridge;
  }
}
