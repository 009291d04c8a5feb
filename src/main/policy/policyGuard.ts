import { ipcContract, type IpcChannel } from '@shared/ipc/contract';
import {
  allowedExportFormats,
  allowsUnencryptedBundles,
  isReadOnlyPolicy,
  type ExportFormat,
  type PolicySettings,
} from '@shared/model/policy';
import { AppError } from '../ipc/AppError';
import type { IpcHandlers } from '../ipc/dispatcher';

/**
 * The machine policy's security settings as main enforces them. The renderer hides what the policy
 * forbids as a convenience; these checks are the control, so a renderer driven from DevTools or a
 * compromised page still gets `policy-forbids`. Absent settings mean the app's defaults: changes
 * allowed, every export format, and encrypted exchange bundles only.
 */
export class PolicyGuard {
  constructor(private readonly settings: PolicySettings) {}

  /** Throws `policy-forbids` while the registry is read-only; `action` names what was refused. */
  requireWritable(action: string): void {
    if (!isReadOnlyPolicy(this.settings)) return;
    throw new AppError(
      'policy-forbids',
      `The machine policy makes the registry read-only on this computer: ${action} is not allowed.`,
      { details: { setting: 'readOnly', action } },
    );
  }

  /**
   * Throws `policy-forbids` unless the policy allows exporting in `format`; `details.allowed` lists
   * the formats that are (empty when none is).
   */
  requireExportFormat(format: ExportFormat): void {
    const formats = allowedExportFormats(this.settings);
    if (formats.includes(format)) return;
    const allowed = formats.join(', ');
    throw new AppError(
      'policy-forbids',
      `The machine policy does not allow exports as ${format} on this computer (allowed: ${allowed || 'none'}).`,
      { details: { setting: 'allowedExportFormats', format, allowed } },
    );
  }

  /**
   * Throws `policy-forbids` for an unencrypted bundle unless the policy allows them. `action` is
   * what was refused (`file:save`, `file:open`), `fileName` the bundle it was refused for.
   */
  requireUnencryptedBundlesAllowed(action: string, fileName: string): void {
    if (allowsUnencryptedBundles(this.settings)) return;
    throw new AppError(
      'policy-forbids',
      `The machine policy allows only encrypted exchange bundles on this computer: “${fileName}” is not encrypted (${action} refused).`,
      { details: { setting: 'allowUnencryptedBundles', action, fileName } },
    );
  }
}

/**
 * The handlers with the read-only check in front of every channel the contract marks
 * `changesRegistry`, so no such channel can forget it.
 */
export function guardRegistryChanges(handlers: IpcHandlers, guard: PolicyGuard): IpcHandlers {
  const guarded: Record<string, unknown> = { ...handlers };
  for (const channel of Object.keys(ipcContract) as IpcChannel[]) {
    if (!ipcContract[channel].changesRegistry) continue;
    const handler = handlers[channel] as (input: unknown) => unknown;
    guarded[channel] = (input: unknown) => {
      guard.requireWritable(channel);
      return handler(input);
    };
  }
  return guarded as IpcHandlers;
}
