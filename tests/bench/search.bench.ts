import type { Page } from '@playwright/test';
import {
  generateRegistry,
  recordCount,
  type GeneratedRegistry,
} from '../fixtures/generateRegistry';
import { expect, test } from '../e2e/harness/registryTest';
import { seedRegistry } from '../e2e/harness/seedRegistry';
import { RegistryWindow } from '../e2e/pages/RegistryWindow';
import { BenchSuite, round, summarize } from './benchResults';

const suite = new BenchSuite('Search');
test.afterAll(() => suite.write());

/** Each kind's queries are typed this many times over. */
const ROUNDS = 3;

type QueryKind = 'exact' | 'prefix' | 'typo' | 'Azerbaijani' | 'Cyrillic';

/** Typical queries of each kind, taken from the generated registry's own words. */
function queriesFor(registry: GeneratedRegistry): Record<QueryKind, string[]> {
  const events = registry.events.filter((event) => event.title.en && event.title.ru);
  const pick = (index: number) => events[(index * 7919) % events.length];
  const words = (index: number) => (pick(index)?.title.en ?? '').toLowerCase().split(' ');
  return {
    exact: Array.from({ length: 20 }, (_, i) => words(i).slice(0, 2).join(' ')),
    prefix: Array.from(
      { length: 20 },
      (_, i) => `${words(i)[0] ?? ''} ${(words(i)[1] ?? '').slice(0, 4)}`,
    ),
    typo: Array.from({ length: 20 }, (_, i) => {
      const word = words(i).find((each) => each.length >= 8) ?? 'cooperation';
      return `${word.slice(0, 3)}${word.slice(4)}`;
    }),
    Azerbaijani: Array.from({ length: 20 }, (_, i) =>
      (pick(i)?.title.az ?? 'əməkdaşlıq').split(' ').slice(0, 2).join(' '),
    ),
    Cyrillic: Array.from({ length: 20 }, (_, i) =>
      (pick(i)?.title.ru ?? 'сотрудничество').split(' ').slice(0, 2).join(' '),
    ),
  };
}

/** Types a query into the open search dialog; resolves with [UI ms, index ms]. */
function runQuery(page: Page, query: string): Promise<[number, number]> {
  return page.evaluate(
    (text) =>
      new Promise<[number, number]>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>(
          '[role=dialog] input[role=combobox]',
        );
        // React tracks the native setter: set through it, then announce the input.
        // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the input as `this`
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        if (!input || !setter) {
          reject(new Error('no search field'));
          return;
        }
        const begin = performance.now();
        setter.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const check = () => {
          const list = document.querySelector('[data-testid=search-results]');
          if (list?.getAttribute('data-query') === text) {
            resolve([performance.now() - begin, Number(list.getAttribute('data-took-ms'))]);
          } else if (performance.now() - begin > 60_000) reject(new Error('timed out'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    query,
  );
}

/** The baseline: every searchable record read once, then each query a scan over folded text. */
function linearScan(page: Page, queries: string[]): Promise<number[]> {
  return page.evaluate(async (list) => {
    const fold = (text: string) =>
      text
        .replace(/[İI]/g, 'i')
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/ı/g, 'i')
        .replace(/ə/g, 'e');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cooperation-registry');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error('open failed'));
    });
    const haystacks: string[] = [];
    for (const store of [
      'partners',
      'agreements',
      'projects',
      'events',
      'people',
      'followUps',
      'documents',
    ]) {
      const rows = await new Promise<unknown[]>((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
      });
      for (const row of rows) haystacks.push(fold(JSON.stringify(row)));
    }
    db.close();
    return list.map((query) => {
      const words = fold(query).split(/\s+/).filter(Boolean);
      const begin = performance.now();
      let found = 0;
      for (const haystack of haystacks) {
        if (words.every((word) => haystack.includes(word))) found += 1;
      }
      return performance.now() - begin + found * 0;
    });
  }, queries);
}

/**
 * Milliseconds from the page's start until Settings says the index of all `total` records is
 * ready, and how (built or loaded). Polled in the page on every frame, so the figure is not
 * rounded up to Playwright's polling interval.
 */
async function readiness(
  page: Page,
  total: number,
  prefix = '',
): Promise<{ ms: number; how: string }> {
  return page.evaluate(
    ({ expected, start }) =>
      new Promise<{ ms: number; how: string }>((resolve, reject) => {
        const check = () => {
          const count = document.querySelector('[data-testid=search-index-status]')?.textContent;
          const how = [...document.querySelectorAll('p')]
            .map((element) => element.textContent)
            .find(
              (text) =>
                text.startsWith(start) &&
                /^(Built in|Loaded from the saved index in) \d+ ms\.$/.test(text),
            );
          if (how && Number((count ?? '').replace(/\D/g, '')) === expected) {
            resolve({ ms: performance.now(), how });
          } else if (performance.now() > 600_000) reject(new Error('search never got ready'));
          else requestAnimationFrame(check);
        };
        check();
      }),
    { expected: total, start: prefix },
  );
}

/**
 * Milliseconds from the page's start until the dashboard is usable: its three deadline panels
 * have their lists (no "Loading…" left) and the record counts are on screen; then, separately,
 * until the activity chart has counted.
 */
function dashboardReady(page: Page): Promise<{ panels: number; chart: number }> {
  return page.evaluate(
    () =>
      new Promise<{ panels: number; chart: number }>((resolve, reject) => {
        let panels = 0;
        const check = () => {
          const sections = [...document.querySelectorAll('section[aria-labelledby]')];
          const isLoading = (section: Element) => section.querySelector('[role=status]') !== null;
          const counts = document.querySelector('[data-testid=count-events]');
          if (!panels && counts && sections.length >= 3 && !sections.slice(0, 3).some(isLoading)) {
            panels = performance.now();
          }
          const chart = sections[3];
          if (panels && chart && !isLoading(chart)) resolve({ panels, chart: performance.now() });
          else if (performance.now() > 300_000) reject(new Error('dashboard never got ready'));
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
}

for (const size of [10_000, 100_000]) {
  test(`search with ${size} records`, async ({ page, registryApp }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.open();
    const registry = generateRegistry(size);
    await seedRegistry(page, registry);
    const total = recordCount(registry);

    // First start with these records: the index is built in the worker. (A hash change alone
    // would keep the page, and the worker, that indexed the empty registry.)
    await page.goto(`${registryApp.origin}/#/settings`);
    await page.reload();
    const built = await readiness(page, total);
    const buildMs = Number(/(\d+) ms/.exec(built.how)?.[1] ?? 0);
    suite.add({
      name: 'Full index build in the worker (first start)',
      records: total,
      unit: 'ms',
      value: buildMs,
      note: 'the UI stays usable meanwhile; queries wait for the index',
    });

    // Let the worker save its copy, then start again: the saved index is loaded.
    await page.waitForTimeout(8_000);
    await page.reload();
    const loaded = await readiness(page, total);
    suite.add({
      name: 'Search ready after opening the app (saved index)',
      records: total,
      unit: 'ms',
      value: round(loaded.ms),
      target: {
        text: '< 2000 ms at 100k',
        isMet: loaded.ms < 2000 && loaded.how.startsWith('Loaded'),
      },
      note: loaded.how,
    });

    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: 'Search the registry' })).toBeVisible();
    const queries = queriesFor(registry);
    for (const [kind, list] of Object.entries(queries) as [QueryKind, string[]][]) {
      const ui: number[] = [];
      const index: number[] = [];
      // Three rounds of the 20 queries: with 20 samples the 95th percentile is just the slowest.
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const query of list) {
          const [uiMs, indexMs] = await runQuery(page, query);
          ui.push(uiMs);
          index.push(indexMs);
        }
      }
      const scan = summarize(await linearScan(page, list));
      const measured = summarize(index);
      const speedup = scan.median / Math.max(measured.median, 0.01);
      suite.add({
        name: `Query, ${kind} (e.g. “${list[0] ?? ''}”): index time`,
        records: total,
        unit: 'ms',
        value: round(measured.median),
        p95: round(measured.p95),
        baseline: { name: 'linear scan p50', value: round(scan.median) },
        target: {
          text: 'p95 < 30 ms and ≥ 20× faster than the scan at 100k',
          isMet: measured.p95 < 30 && speedup >= 20,
        },
        note:
          `${round(speedup)}× the scan; slowest ${round(Math.max(...index))} ms of ${index.length}; ` +
          `typing to results on screen p50 ${round(summarize(ui).median)} ms`,
      });
    }

    // Open the app on the dashboard with every record in place (search index saved).
    await page.keyboard.press('Escape');
    await page.goto(`${registryApp.origin}/#/`);
    await page.reload();
    const dashboard = await dashboardReady(page);
    // Interactive, not just painted: a count card opens its list.
    await page.getByTestId('count-events').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meetings and visits');
    suite.add({
      name: 'Open the app on the dashboard: panels and counts interactive',
      records: total,
      unit: 'ms',
      value: round(dashboard.panels),
      target: { text: '< 1500 ms at 100k', isMet: dashboard.panels < 1500 },
      note: `activity chart counted at ${round(dashboard.chart)} ms`,
    });

    await page.goto(`${registryApp.origin}/#/settings`);
    await page.reload();
    await readiness(page, total);
    await page.getByRole('button', { name: 'Rebuild the search index' }).click();
    const rebuilt = await readiness(page, total, 'Built in');
    suite.add({
      name: 'Rebuild from Settings',
      records: total,
      unit: 'ms',
      value: Number(/(\d+) ms/.exec(rebuilt.how)?.[1] ?? 0),
    });
  });
}
