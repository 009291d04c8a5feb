import { defineConfig } from '@playwright/test';

/**
 * The real app in real Electron (`npm run test:electron`). Needs Electron's binary, which
 * `npm install` downloads on a machine with internet; not part of `npm test`, because the team's
 * build machines cannot download it.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
