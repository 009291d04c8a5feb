import { defineConfig } from '@playwright/test';
import baseConfig from '../../playwright.config';

/**
 * `npm run bench`: measurements in Debian's Chromium against the built renderer, one at a time so
 * they do not compete for the two cores. Each suite writes bench/results/<suite>.json; the global
 * teardown turns them into bench/RESULTS.md. Targets are reported, never asserted.
 */
export default defineConfig({
  ...baseConfig,
  testDir: '.',
  testMatch: '**/*.bench.ts',
  // A vitest benchmark of the format code alone (`npx vitest bench --run tests/bench`).
  testIgnore: '**/exports.bench.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 15 * 60_000,
  globalTeardown: './writeResults.ts',
  use: {
    ...baseConfig.use,
    launchOptions: {
      ...baseConfig.use?.launchOptions,
      args: [
        ...(baseConfig.use?.launchOptions?.args ?? []),
        '--enable-precise-memory-info',
        // Heap figures are taken after a full collection, so garbage does not count.
        '--js-flags=--expose-gc',
      ],
    },
  },
});
