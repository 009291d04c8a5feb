import type { Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import type { StoredRecord } from '../../src/shared/model/records';
import { encodeUtf8Bom } from '../../src/shared/import/testing/encode';
import { generateRegistry } from '../fixtures/generateRegistry';
import { expect, test } from '../e2e/harness/registryTest';
import { ImportWizard } from '../e2e/pages/ImportWizard';
import { RegistryWindow } from '../e2e/pages/RegistryWindow';
import { BenchSuite, round } from './benchResults';

const suite = new BenchSuite('Import');
test.afterAll(() => suite.write());

let folder = '';
test.beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'registry-import-bench-'));
});
test.afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const HEADERS = ['Title', 'Название', 'Kind', 'Start date', 'End date', 'Country', 'City'];

/**
 * `count` meetings as a spreadsheet lists them (the columns above, no links), generated and
 * repeated with a number where more are needed than the generator made.
 */
function meetings(count: number): StoredRecord<'events'>[] {
  const source = generateRegistry(20_000, 11).events;
  return Array.from({ length: count }, (_, index) => {
    const event = source[index % source.length]!;
    const suffix = index < source.length ? '' : ` (${Math.floor(index / source.length) + 1})`;
    return {
      ...event,
      organizerId: null,
      partnerIds: [],
      participants: [],
      series: null,
      outcomes: null,
      id: `b0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      title: {
        en: `${event.title.en ?? event.title.az ?? 'Meeting'}${suffix}`,
        az: undefined,
        ru: event.title.ru ? `${event.title.ru}${suffix}` : undefined,
      },
    };
  });
}

function cells(event: StoredRecord<'events'>): (string | null)[] {
  return [
    event.title.en ?? '',
    event.title.ru ?? '',
    event.kind,
    event.startDate,
    event.endDate,
    event.countryCode,
    event.city?.en ?? null,
  ];
}

function csvOf(events: readonly StoredRecord<'events'>[]): Uint8Array {
  const quote = (value: string | null) =>
    value === null ? '' : /[",\n;]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  const lines = [HEADERS.join(';'), ...events.map((event) => cells(event).map(quote).join(';'))];
  return encodeUtf8Bom(lines.join('\r\n'));
}

async function xlsxOf(events: readonly StoredRecord<'events'>[]): Promise<Uint8Array> {
  const header = HEADERS.map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = events.map((event) =>
    cells(event).map((value) => ({ value: value ?? undefined, type: String })),
  );
  return new Uint8Array(await writeExcelFile([header, ...rows], { sheet: 'Meetings' }).toBuffer());
}

/**
 * The baseline: the same records written straight into an object store with the events table's
 * own indexes (copied from the app's database), in transactions of 5,000, timed inside the page.
 * This is the floor any import must stand on: no parsing, validation, change log or link index.
 */
async function rawWrite(page: Page, events: readonly StoredRecord<'events'>[]): Promise<number> {
  await page.evaluate(async () => {
    const source = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cooperation-registry');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error('open failed'));
    });
    const store = source.transaction('events').objectStore('events');
    const indexes = [...store.indexNames].map((name) => {
      const index = store.index(name);
      return { name, keyPath: index.keyPath, isMulti: index.multiEntry, isUnique: index.unique };
    });
    const keyPath = store.keyPath;
    source.close();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('bench-raw-write', 1);
      request.onupgradeneeded = () => {
        const raw = request.result.createObjectStore('events', { keyPath });
        for (const index of indexes) {
          raw.createIndex(index.name, index.keyPath, {
            multiEntry: index.isMulti,
            unique: index.isUnique,
          });
        }
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(new Error('create failed'));
    });
  });
  let total = 0;
  for (let start = 0; start < events.length; start += 5_000) {
    total += await page.evaluate(
      (rows) =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('bench-raw-write');
          request.onerror = () => reject(new Error('open failed'));
          request.onsuccess = () => {
            const db = request.result;
            const begin = performance.now();
            const transaction = db.transaction('events', 'readwrite', { durability: 'strict' });
            const store = transaction.objectStore('events');
            for (const row of rows) store.put(row);
            transaction.oncomplete = () => {
              db.close();
              resolve(performance.now() - begin);
            };
            transaction.onerror = () => reject(new Error('write failed'));
          };
        }),
      events.slice(start, start + 5_000),
    );
  }
  return total;
}

/** A number as the UI may write it: 10000, 10,000 or 10 000. */
const count = (value: number) => String(value).replace(/(\d)(?=(\d{3})+$)/g, '$1[,\u00a0\u202f ]?');

for (const size of [10_000, 100_000]) {
  for (const format of ['csv', 'xlsx'] as const) {
    test(`import ${size} meetings from ${format}`, async ({ page, registryApp, dialogs }) => {
      test.setTimeout(20 * 60_000);
      const events = meetings(size);
      const path = join(folder, `meetings-${size}.${format}`);
      await writeFile(path, format === 'csv' ? csvOf(events) : await xlsxOf(events));

      const app = new RegistryWindow(page, registryApp.origin);
      await app.open();
      const wizard = new ImportWizard(page, dialogs);
      await wizard.open();

      // End to end as a user does it: choose the file, the kind, accept the guessed columns,
      // look at the preview and the duplicate check, import, and see the report.
      const begin = performance.now();
      const phases: string[] = [];
      let last = begin;
      const phase = (name: string) => {
        const now = performance.now();
        phases.push(`${name} ${round((now - last) / 1000)} s`);
        last = now;
      };
      await wizard.chooseFile(path);
      if (format === 'xlsx') await expect(wizard.fileSummary).toContainText('Excel workbook');
      else await expect(wizard.fileSummary).toContainText(`${size} rows`);
      phase('read');
      await wizard.chooseKind('Meetings and visits');
      await expect(wizard.fieldFor('Title')).toHaveValue('title');
      phase('columns');
      await wizard.next();
      await expect(page.getByTestId('ready-count')).toHaveText(
        new RegExp(`^${count(size)} rows are ready to import\\.$`),
        { timeout: 10 * 60_000 },
      );
      phase('check');
      await wizard.next();
      await expect(wizard.plan).toContainText('will be created', { timeout: 10 * 60_000 });
      phase('duplicates');
      await wizard.importButton.click();
      await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({
        timeout: 10 * 60_000,
      });
      phase('write');
      const seconds = (performance.now() - begin) / 1000;
      await expect(page.getByTestId('report-created')).toHaveText(
        new RegExp(`^${count(size)} records created$`),
      );

      const raw = await rawWrite(page, events);
      const rate = size / seconds;
      const rawRate = size / (raw / 1000);
      const isMet = rate >= 2_000 && rate >= rawRate / 2;
      suite.add({
        name: `Import ${size.toLocaleString('en-GB')} meetings from ${format.toUpperCase()}, file to report`,
        records: size,
        unit: 'rows/s',
        value: Math.round(rate),
        baseline: { name: 'raw IndexedDB write of the same records', value: Math.round(rawRate) },
        target: { text: '≥ 2,000 rows/s and ≥ half the raw write (issue 9)', isMet },
        note: `${round(seconds)} s in all, clicks included (${phases.join(', ')}); raw write ${round(raw / 1000)} s`,
      });
    });
  }
}
