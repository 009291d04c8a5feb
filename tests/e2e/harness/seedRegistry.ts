import type { Page } from '@playwright/test';
import type { GeneratedRegistry } from '../../fixtures/generateRegistry';
import { putRegistryRows } from './rawRegistry';

const CHUNK = 5_000;

/**
 * Puts a generated registry straight into the page's IndexedDB registry, the way a restored
 * backup arrives: records only, no change log. For scale tests and benchmarks, where creating
 * 100,000 records through forms is not the point. Reload the page afterwards so every view reads
 * the registry afresh.
 */
export async function seedRegistry(page: Page, registry: GeneratedRegistry): Promise<void> {
  for (const [table, records] of Object.entries(registry)) {
    for (let start = 0; start < records.length; start += CHUNK) {
      await putRegistryRows(page, table, records.slice(start, start + CHUNK));
    }
  }
}
