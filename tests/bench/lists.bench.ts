import type { Page } from '@playwright/test';
import { generateRegistry, recordCount } from '../fixtures/generateRegistry';
import { expect, test } from '../e2e/harness/registryTest';
import { seedRegistry } from '../e2e/harness/seedRegistry';
import { RegistryWindow } from '../e2e/pages/RegistryWindow';
import { BenchSuite, round, summarize } from './benchResults';
import { rendererHeap } from './rendererHeap';

const suite = new BenchSuite('Lists');
test.afterAll(() => suite.write());

type ListAction =
  | { kind: 'go'; hash: string; waitFor: 'rows' | 'no-rows' }
  | { kind: 'type'; text: string }
  | { kind: 'sort'; column: string };

/**
 * Milliseconds from doing something in the page until the list shows its result, checked every
 * frame. One function run inside the page (the app's CSP forbids building code there).
 */
function timeInPage(page: Page, action: ListAction): Promise<number> {
  return page.evaluate(
    (step) =>
      new Promise<number>((resolve, reject) => {
        const firstRow = () => document.querySelector('tbody tr[data-index]');
        const before = { row: firstRow()?.textContent ?? '' };
        const begin = performance.now();
        let isDone: () => boolean;
        if (step.kind === 'go') {
          location.hash = step.hash;
          isDone = () => (firstRow() !== null) === (step.waitFor === 'rows');
        } else if (step.kind === 'type') {
          const input = document.querySelector<HTMLInputElement>('input[aria-keyshortcuts]');
          // React tracks the native setter: set through it, then announce the input.
          // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the input as `this`
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
          if (!input || !setter) {
            reject(new Error('no filter field'));
            return;
          }
          setter.call(input, step.text);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          // The count says which filter text it reflects once the list has caught up.
          isDone = () =>
            document.querySelector('[data-testid=record-count]')?.getAttribute('data-filter') ===
            step.text;
        } else {
          [...document.querySelectorAll<HTMLElement>('thead [role=button]')]
            .find((button) => button.textContent.trim() === step.column)
            ?.click();
          isDone = () => (firstRow()?.textContent ?? '') !== before.row;
        }
        const check = () => {
          if (isDone()) resolve(performance.now() - begin);
          else if (performance.now() - begin > 120_000) reject(new Error('timed out'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    action,
  );
}

/** The naive way to list: read the whole table from IndexedDB, as the baseline. */
function readWholeTable(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const begin = performance.now();
        const request = indexedDB.open('cooperation-registry');
        request.onerror = () => reject(new Error('open failed'));
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(performance.now() - begin);
          };
          all.onerror = () => reject(new Error('read failed'));
        };
      }),
    table,
  );
}

for (const size of [10_000, 100_000]) {
  test(`lists with ${size} records`, async ({ page, registryApp }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.open();
    const registry = generateRegistry(size);
    await seedRegistry(page, registry);
    const total = recordCount(registry);
    const events = registry.events.length;
    await page.reload();
    await expect(app.navigation).toBeVisible();

    const baseline = { name: `whole events table read (${events} rows)`, value: 0 };
    baseline.value = round(await readWholeTable(page, 'events'));

    const firstOpen = await timeInPage(page, { kind: 'go', hash: '#/events', waitFor: 'rows' });
    suite.add({
      name: `Open the events list (${events} events): first rows on screen`,
      records: total,
      unit: 'ms',
      value: round(firstOpen),
      baseline,
      target: { text: '< 1000 ms at 100k (issue 9)', isMet: firstOpen < 1000 },
      note: 'first visit: loads the kind into memory once, with the partners and people it names',
    });

    await timeInPage(page, { kind: 'go', hash: '#/', waitFor: 'no-rows' });
    const secondOpen = await timeInPage(page, { kind: 'go', hash: '#/events', waitFor: 'rows' });
    suite.add({
      name: 'Open the events list again (kept in memory)',
      records: total,
      unit: 'ms',
      value: round(secondOpen),
      baseline,
    });

    // Typing in the filter: each keystroke filters every event.
    const keystrokes: number[] = [];
    for (const text of ['r', 're', 'rea', 'read', 'readm']) {
      keystrokes.push(await timeInPage(page, { kind: 'type', text }));
    }
    const typing = summarize(keystrokes);
    suite.add({
      name: 'Filter as you type: keystroke to updated count',
      records: total,
      unit: 'ms',
      value: round(typing.median),
      p95: round(typing.p95),
      note: `${keystrokes.length} keystrokes, "r" to "readm"`,
    });

    const sortTime = await timeInPage(page, { kind: 'sort', column: 'Dates' });
    suite.add({
      name: 'Sort the filtered list by date',
      records: total,
      unit: 'ms',
      value: round(sortTime),
    });

    // Memory with everything a user has after a while: the list open and search ready.
    await app.goTo('Settings');
    await expect(page.getByTestId('search-index-status')).toHaveText(
      /^[1-9][\d,\s\u00a0]* records indexed$/,
      {
        timeout: 10 * 60_000,
      },
    );
    await expect(page.getByRole('button', { name: 'Rebuild the search index' })).toBeEnabled({
      timeout: 10 * 60_000,
    });
    await timeInPage(page, { kind: 'go', hash: '#/events', waitFor: 'rows' });
    const heap = await rendererHeap(page);
    const totalMb = heap.pageMb + heap.workersMb.reduce((sum, mb) => sum + mb, 0);
    suite.add({
      name: 'Renderer JS heap: events list open and the search index loaded (after a full GC)',
      records: total,
      unit: 'MB',
      value: round(totalMb),
      target: { text: '< 400 MB at 100k (issue 9)', isMet: totalMb < 400 },
      note: `page ${round(heap.pageMb)} MB, workers ${heap.workersMb.map((mb) => `${round(mb)} MB`).join(' + ') || 'none'}`,
    });
    expect(firstOpen).toBeGreaterThan(0);
  });
}
