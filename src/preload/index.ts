import { contextBridge, ipcRenderer } from 'electron';
import { buildRegistryBridge } from '@shared/ipc/bridge';

/**
 * The only thing the renderer gets from Electron: the typed `window.registry` bridge. Raw
 * ipcRenderer never crosses into the page.
 */
contextBridge.exposeInMainWorld(
  'registry',
  buildRegistryBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
