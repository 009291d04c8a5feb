import { join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { FileDialogs } from '../files/fileDialogs';

/**
 * The system's open and save dialogs, modal to the app's window so they cannot get lost behind
 * it. Save dialogs start in `defaultFolder` (the user's Documents). `dialog` is Electron's, passed
 * in so the startup wiring runs against a recording fake in tests.
 */
export function createElectronFileDialogs(
  dialog: Dialog,
  getWindow: () => BrowserWindow | null,
  defaultFolder: string,
): FileDialogs {
  return {
    chooseFileToOpen: async ({ title, filters }) => {
      const window = getWindow();
      const options: Electron.OpenDialogOptions = { title, filters, properties: ['openFile'] };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseFileToSave: async ({ title, defaultName, filters }) => {
      const window = getWindow();
      const options: Electron.SaveDialogOptions = {
        title,
        defaultPath: join(defaultFolder, defaultName),
        filters,
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseFolder: async ({ title }) => {
      const window = getWindow();
      const options: Electron.OpenDialogOptions = {
        title,
        defaultPath: defaultFolder,
        properties: ['openDirectory', 'createDirectory'],
      };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
