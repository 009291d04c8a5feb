import fc from 'fast-check';
import writeExcelFile from 'write-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import sample from '../../../resources/sample-registry.json';
import {
  applyMutations,
  byteMutations,
  FUZZ_TEST_TIMEOUT_MS,
  fuzzParameters,
  withinTimeLimit,
} from '../testing/fuzz';
import { decodeText } from './decodeText';
import { IMPORT_FILE_ERROR_CODES, ImportFileError } from './importFileError';
import { readCsv } from './readCsv';
import { readImportFile } from './readImportFile';
import { readSnapshot, validateSnapshot } from './readSnapshot';
import { readXlsx } from './readXlsx';
import { encodeUtf16, encodeUtf8Bom, encodeWindows1251 } from './testing/encode';

/**
 * The reliability suite for the import's parsers (issue 9): random, truncated and mutated bytes,
 * each run under a hang limit. Whatever comes in, the answer is a table or an ImportFileError
 * with a known code and a message that says what is wrong; nothing else ever escapes.
 */

/** Anything thrown must be an ImportFileError with a known code and a message worth reading. */
function expectClearRefusal(error: unknown) {
  expect(error).toBeInstanceOf(ImportFileError);
  const refusal = error as ImportFileError;
  expect(IMPORT_FILE_ERROR_CODES).toContain(refusal.code);
  expect(refusal.message.length).toBeGreaterThan(8);
}

/** A table read from a file: the rows the wizard will show, each numbered, each a list of cells. */
function expectWellFormedTable(table: {
  headers: unknown[];
  rows: { rowNumber: number; cells: unknown[] }[];
}) {
  expect(Array.isArray(table.headers)).toBe(true);
  let previous = 0;
  for (const row of table.rows) {
    expect(row.rowNumber).toBeGreaterThan(previous);
    previous = row.rowNumber;
    for (const cell of row.cells) {
      expect(['string', 'number', 'boolean', 'object']).toContain(typeof cell);
    }
  }
}

const CSV_SAMPLES = [
  encodeUtf8Bom('Ad;Ölkə;Tarix\nBMqT;İsveçrə;05.03.2014\n"Bakı; ""mərkəz""";AZ;2017\n'),
  new TextEncoder().encode('Name,Country,Date\r\nIOM,CH,2014-03\r\n"Quoted, name",AZ,2017\r\n'),
  encodeWindows1251('Название\tСтрана\tДата\nМОМ\tШвейцария\t05.03.2014\n'),
  encodeUtf16('Ad;Tarix\r\nŞəki;2016\r\n', 'le'),
  encodeUtf16('Ad;Tarix\r\nŞəki;2016\r\n', 'be'),
];

describe('CSV: decoding (UTF-8, UTF-16, Windows-1251) and parsing', () => {
  it(
    'reads any bytes as a table, never throwing, within the hang limit',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 3_000 }), async (bytes) => {
          const { table, info } = await withinTimeLimit('readCsv', () => readCsv('x.csv', bytes));
          expect(['utf-8', 'utf-16le', 'utf-16be', 'windows-1251']).toContain(info.encoding);
          expectWellFormedTable(table);
        }),
        fuzzParameters('csvRandomBytes'),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'reads truncated and mutated CSV in every encoding, keeping to a well-formed table',
    async () => {
      const cases = fc.tuple(fc.constantFrom(...CSV_SAMPLES.keys()), byteMutations(200));
      await fc.assert(
        fc.asyncProperty(cases, async ([index, mutations]) => {
          const bytes = applyMutations(CSV_SAMPLES[index]!, mutations);
          const decoded = decodeText(bytes);
          expect(typeof decoded.text).toBe('string');
          const { table } = await withinTimeLimit('readCsv', () => readCsv('x.csv', bytes));
          expectWellFormedTable(table);
        }),
        fuzzParameters('csvMutatedText'),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('XLSX', () => {
  let workbook: Uint8Array;
  beforeAll(async () => {
    workbook = new Uint8Array(
      await writeExcelFile([
        {
          sheet: 'Tədbirlər',
          data: [
            ['Ad', 'Tarix', 'Say'],
            [
              'Bakı görüşü',
              { value: new Date(Date.UTC(2016, 11, 8)), type: Date, format: 'dd.mm.yyyy' },
              3,
            ],
            ['Встреча в Женеве', '2014-03', 12.5],
          ],
        },
        { sheet: 'Notes', data: [['Protocol department']] },
      ]).toBuffer(),
    );
  });

  it(
    'reads a mutated or truncated workbook, or refuses it as damaged, within the hang limit',
    async () => {
      await fc.assert(
        fc.asyncProperty(byteMutations(6_000), async (mutations) => {
          const bytes = applyMutations(workbook, mutations);
          try {
            const tables = await withinTimeLimit('readXlsx', () => readXlsx(bytes));
            for (const table of tables) expectWellFormedTable(table);
          } catch (error) {
            expectClearRefusal(error);
            expect(['xlsxDamaged', 'noSheets', 'tooManyRows']).toContain(
              (error as ImportFileError).code,
            );
          }
        }),
        fuzzParameters('xlsxMutated'),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'refuses random bytes behind a zip signature as a damaged workbook',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (tail) => {
          const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]);
          const error: unknown = await withinTimeLimit('readXlsx', () => readXlsx(bytes)).then(
            () => null,
            (caught: unknown) => caught,
          );
          expectClearRefusal(error);
          expect((error as ImportFileError).code).toBe('xlsxDamaged');
        }),
        fuzzParameters('xlsxRandomBytes'),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('the registry’s JSON (readSnapshot)', () => {
  const sampleText = JSON.stringify(sample);
  const sampleBytes = new TextEncoder().encode(sampleText.slice(0, 6_000));

  it(
    'reads a mutated snapshot, or refuses it naming the JSON problem, never throwing otherwise',
    async () => {
      await fc.assert(
        fc.asyncProperty(byteMutations(sampleBytes.length), async (mutations) => {
          const text = new TextDecoder().decode(applyMutations(sampleBytes, mutations));
          try {
            const snapshot = await withinTimeLimit('readSnapshot', () => readSnapshot(text));
            // Each record is checked on its own: a damaged one becomes a named problem.
            for (const plan of validateSnapshot(snapshot)) {
              expect(plan.content === null).toBe(plan.problems.length > 0);
            }
          } catch (error) {
            expectClearRefusal(error);
            expect(['jsonDamaged', 'jsonNotSnapshot', 'jsonNewerVersion']).toContain(
              (error as ImportFileError).code,
            );
          }
        }),
        fuzzParameters('snapshotMutated'),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'gives every record of any JSON-shaped snapshot a plan, never throwing',
    async () => {
      const records = fc.dictionary(
        fc.constantFrom(
          'partners',
          'agreements',
          'events',
          'people',
          'tags',
          'areas',
          'followUps',
          'documents',
          'projects',
          'other',
        ),
        fc.oneof(fc.array(fc.jsonValue(), { maxLength: 5 }), fc.jsonValue()),
      );
      const envelope = fc.record(
        {
          format: fc.oneof(fc.constant((sample as { format: string }).format), fc.string()),
          formatVersion: fc.oneof(fc.constant(1), fc.integer()),
          title: fc.oneof(fc.string(), fc.jsonValue()),
          records,
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(envelope, async (json) => {
          try {
            const snapshot = await withinTimeLimit('readSnapshot', () =>
              readSnapshot(JSON.stringify(json)),
            );
            const plans = validateSnapshot(snapshot);
            const total = Object.values(snapshot.records).reduce(
              (sum, list) => sum + list.length,
              0,
            );
            expect(plans).toHaveLength(total);
          } catch (error) {
            expectClearRefusal(error);
          }
        }),
        fuzzParameters('snapshotRandomJson'),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('readImportFile: any bytes, whatever the format they look like', () => {
  it(
    'answers a table, a snapshot, or an ImportFileError, within the hang limit',
    async () => {
      const prefixes = fc.constantFrom(
        [],
        [0x50, 0x4b, 0x03, 0x04],
        [0x50, 0x4b, 0x05, 0x06],
        [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
        [0x7b],
        [0xef, 0xbb, 0xbf],
        [0xff, 0xfe],
        [0xfe, 0xff],
      );
      await fc.assert(
        fc.asyncProperty(prefixes, fc.uint8Array({ maxLength: 2_000 }), async (prefix, body) => {
          const bytes = new Uint8Array([...prefix, ...body]);
          try {
            const file = await withinTimeLimit('readImportFile', () => readImportFile('x', bytes));
            for (const table of file.tables) expectWellFormedTable(table);
          } catch (error) {
            expectClearRefusal(error);
          }
        }),
        fuzzParameters('importFileRandomBytes'),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
