import { hostname } from 'node:os';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { startMainProcess } from './startMainProcess';

/**
 * The main process's entry: Electron itself, handed to the startup sequence. Everything else is in
 * startMainProcess.ts, which imports Electron's types only, so a test can run the same sequence
 * against a fake Electron that records each call.
 */
void startMainProcess(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell },
  {
    platform: process.platform,
    env: process.env,
    hostName: hostname(),
    versions: { electron: process.versions.electron, chrome: process.versions.chrome },
    resourcesPath: process.resourcesPath,
    mainFolder: __dirname,
    echo: (entry) => console.error(entry),
  },
);
