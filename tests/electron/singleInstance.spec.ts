import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Two launches (issue 9), in real Electron (`npm run test:electron`, where the binary exists):
 * the second launch of the app on the same data folder does not open a second window on the same
 * registry; it hands over to the first, which comes to the front, and exits.
 */

const PROJECT_ROOT = resolve(__dirname, '../..');
/** The Electron binary, as the `electron` package resolves it in Node (only when launching). */
const electronBinary = () => createRequire(__filename)('electron') as string;

let first: ElectronApplication;
let userData: string;

test.beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'registry-electron-single-'));
  first = await electron.launch({ args: [PROJECT_ROOT, `--user-data-dir=${userData}`] });
});

test.afterEach(async () => {
  await first.close();
  await rm(userData, { recursive: true, force: true });
});

/** Launches the app again on the same data folder; resolves with its exit code. */
function launchSecond(): Promise<number | null> {
  return new Promise((resolveExit, reject) => {
    const second = spawn(electronBinary(), [PROJECT_ROOT, `--user-data-dir=${userData}`], {
      stdio: 'ignore',
    });
    const timer = setTimeout(() => {
      second.kill();
      reject(new Error('The second launch kept running: it did not hand over to the first'));
    }, 20_000);
    second.on('error', reject);
    second.on('exit', (code) => {
      clearTimeout(timer);
      resolveExit(code);
    });
  });
}

test('a second launch focuses the first window and exits, leaving one window on the registry', async () => {
  const page = await first.firstWindow();
  await expect(page.getByTestId('section-nav')).toBeVisible();
  await first.evaluate(({ BrowserWindow }) => {
    BrowserWindow.getAllWindows()[0]?.minimize();
  });
  await expect
    .poll(() =>
      first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isMinimized()),
    )
    .toBe(true);

  expect(await launchSecond()).toBe(0);

  await expect
    .poll(() =>
      first.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((window) => ({
          isMinimized: window.isMinimized(),
          isVisible: window.isVisible(),
        })),
      ),
    )
    .toEqual([{ isMinimized: false, isVisible: true }]);
  // The first window goes on working with its registry as before.
  await expect(page.getByTestId('section-nav')).toBeVisible();
});
