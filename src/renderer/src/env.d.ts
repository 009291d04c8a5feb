import type { RegistryBridge } from '@shared/ipc/bridge';

declare global {
  interface Window {
    /** Exposed by the preload script (or the browser-test harness); use registryClient instead. */
    readonly registry: RegistryBridge;
  }
}
