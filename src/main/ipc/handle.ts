import type { IpcMain } from 'electron';
import { ipcContract } from '@shared/ipc/contract';
import type { Dispatcher } from './dispatcher';

/**
 * Registers every channel of the contract with Electron. The only importer of ipcMain: all checks
 * live in the dispatcher, which sees the URL of the frame that sent each request.
 */
export function handle(ipcMain: IpcMain, dispatch: Dispatcher): void {
  for (const channel of Object.keys(ipcContract)) {
    ipcMain.handle(channel, (event, input: unknown) =>
      dispatch({ channel, input, senderUrl: event.senderFrame?.url ?? null }),
    );
  }
}
