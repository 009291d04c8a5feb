import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  applyMutations,
  byteMutations,
  FUZZ_TEST_TIMEOUT_MS,
  fuzzParameters,
  withinTimeLimit,
} from '../testing/fuzz';
import { craftZip, entryOf } from '../testing/craftedZip';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_LIMITS,
  BACKUP_PROBLEMS,
  BackupFormatError,
  type BackupManifest,
} from './backupFormat';
import { decodeBackupTables, encodeBackupTables } from './backupTables';
import { openBackup, verifyBackup } from './readBackup';
import { hex, sha256 } from '../../../tests/fixtures/backupSha256';
import { bytesSource, readZipDirectory, readZipEntry } from './zipReader';

/**
 * The reliability suite for backup files (issue 9): damaged real backups, and zips built by hand
 * the way an attacker would (`../` names, absolute paths, absurd declared sizes, zip bombs, deep
 * nesting, too many entries). Each is refused with a BackupFormatError naming what is wrong, and
 * nothing but a BackupFormatError ever escapes. Reading never writes: refusal changes nothing.
 */

const utf8 = (text: string) => new TextEncoder().encode(text);

const ROWS = {
  partners: [
    { id: 'p1', name: { az: 'Beynəlxalq Miqrasiya Təşkilatı', en: 'IOM' }, deletedAt: null },
    { id: 'p2', name: { ru: 'Удалённый партнёр' }, deletedAt: '2026-01-02T00:00:00.000Z' },
  ],
  agreements: [{ id: 'a1', title: { en: 'Memorandum' }, signedDate: '2014-03' }],
  meta: [{ key: 'registryId', value: '5e0b4c1e-0000-4000-8000-000000000001' }],
};
const ATTACHMENT = utf8('%PDF-1.7 scanned memorandum, page 1 of 1');

function manifestFor(files: Record<string, Uint8Array>): BackupManifest {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: '2026-11-01T09:00:00.000Z',
    reason: 'manual',
    appVersion: '0.1.0',
    schemaVersion: 3,
    registryId: '5e0b4c1e-0000-4000-8000-000000000001',
    device: { deviceId: 'device-1', deviceName: 'Bakı noutbuku' },
    tables: Object.fromEntries(
      Object.entries(ROWS).map(([name, rows]) => [name, { rows: rows.length }]),
    ),
    attachments: { count: 1, bytes: ATTACHMENT.byteLength },
    skippedAttachments: [],
    parts: Object.entries(files).map(([path, bytes]) => ({
      path,
      size: bytes.byteLength,
      sha256: hex(bytes),
    })),
  };
}

/** A valid backup as main writes one; `level: 0` stores the parts so damage lands in their text. */
function validBackup(level: 0 | 6): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const table of encodeBackupTables(ROWS)) files[`tables/${table.name}.json`] = table.bytes;
  files[`attachments/${hex(ATTACHMENT)}`] = ATTACHMENT;
  files['manifest.json'] = utf8(JSON.stringify(manifestFor(files)));
  return zipSync(files, { level });
}

async function readWhole(bytes: Uint8Array) {
  const source = bytesSource(bytes);
  const opened = await openBackup(source);
  const verified = await verifyBackup(source, opened, sha256);
  return decodeBackupTables(verified.manifest, verified.tables);
}

/** The refusal reading `bytes` ends in; fails the test on success or any other kind of error. */
async function refusalOf(bytes: Uint8Array): Promise<BackupFormatError> {
  const outcome: unknown = await withinTimeLimit('reading a backup', () => readWhole(bytes)).then(
    () => null,
    (error: unknown) => error,
  );
  if (outcome === null) throw new Error('The backup was accepted');
  expectClearRefusal(outcome);
  return outcome as BackupFormatError;
}

function expectClearRefusal(error: unknown) {
  expect(error).toBeInstanceOf(BackupFormatError);
  const refusal = error as BackupFormatError;
  expect(BACKUP_PROBLEMS).toContain(refusal.problem);
  expect(refusal.message.length).toBeGreaterThan(15);
}

/** The extra entry of backupWithEntry: `data` stored unless `method` says; `size` may lie. */
type ExtraEntry = {
  name: string | Uint8Array;
  data: Uint8Array;
  method?: 0 | 8;
  size?: number;
};

/** A backup built by hand whose manifest is valid and lists one extra part, under any name. */
function backupWithEntry(extra: ExtraEntry): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const table of encodeBackupTables(ROWS)) files[`tables/${table.name}.json`] = table.bytes;
  const manifest = manifestFor(files);
  const extraName =
    typeof extra.name === 'string' ? extra.name : new TextDecoder().decode(extra.name);
  manifest.parts.push({ path: extraName, size: extra.data.byteLength, sha256: hex(extra.data) });
  return craftZip([
    entryOf('manifest.json', utf8(JSON.stringify(manifest)), 0),
    ...Object.entries(files).map(([name, data]) => entryOf(name, data, 0)),
    {
      ...entryOf(extraName, extra.data, extra.method ?? 0),
      ...(typeof extra.name === 'string' ? {} : { nameBytes: extra.name }),
      ...(extra.size === undefined ? {} : { size: extra.size }),
    },
  ]);
}

describe('a real backup, damaged', () => {
  it(
    'is read whole or refused with a named problem, never anything else',
    async () => {
      const backups = [validBackup(0), validBackup(6)];
      expect(Object.keys(await readWhole(backups[0]!)).sort()).toEqual([
        'agreements',
        'meta',
        'partners',
      ]);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(0, 1),
          byteMutations(backups[0]!.length),
          async (which, mutations) => {
            const bytes = applyMutations(backups[which]!, mutations);
            try {
              await withinTimeLimit('reading a backup', () => readWhole(bytes));
            } catch (error) {
              expectClearRefusal(error);
            }
          },
        ),
        fuzzParameters('backupMutated'),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('zip entries that could write outside the backup', () => {
  const segment = fc.oneof(
    fc.constantFrom('..', '.', '', 'tables', 'attachments', 'C:', 'c:', '~', '..\\..', 'a\\b'),
    fc.string({ minLength: 1, maxLength: 8 }),
  );
  const unsafeName = fc
    .tuple(
      fc.constantFrom('', '/', 'C:/', 'C:\\', '\\\\server\\share\\'),
      fc.array(segment, { minLength: 1, maxLength: 6 }),
      fc.constantFrom('', '\u0000', '\n', '\u007f'),
    )
    .map(([prefix, segments, tail]) => `${prefix}${segments.join('/')}${tail}`)
    .filter((name) => {
      const segments = name.split('/');
      return (
        name.startsWith('/') ||
        name.includes('\\') ||
        /^[A-Za-z]:/.test(name) ||
        Array.from({ length: name.length }, (_, i) => name.charCodeAt(i)).some(
          (code) => code < 32 || code === 127,
        ) ||
        segments.some((part) => part === '' || part === '.' || part === '..')
      );
    });

  it(
    'refuses `../`, absolute, drive-letter, UNC and control-character names as unsafe, naming the entry',
    async () => {
      for (const name of [
        '../../etc/passwd',
        'tables/../../evil.json',
        '/etc/cron.d/x',
        'C:/Windows/x',
        '..\\..\\x',
      ]) {
        const refusal = await refusalOf(backupWithEntry({ name, data: utf8('x') }));
        expect(refusal.problem).toBe('unsafe-path');
        expect(refusal.part).toBe(name);
        expect(refusal.message).toContain(name);
      }
      await fc.assert(
        fc.asyncProperty(unsafeName, async (name) => {
          const refusal = await refusalOf(backupWithEntry({ name, data: utf8('payload') }));
          expect(refusal.problem).toBe('unsafe-path');
        }),
        fuzzParameters('backupHostileNames'),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'refuses a name that is not UTF-8, and deeply nested or over-long names',
    async () => {
      const notUtf8 = await refusalOf(
        backupWithEntry({ name: new Uint8Array([0x74, 0xff, 0xfe, 0x2f]), data: utf8('x') }),
      );
      expect(notUtf8.problem).toBe('corrupt');
      expect(notUtf8.message).toMatch(/not UTF-8/);

      const deep = `attachments/${'a/'.repeat(250)}x`;
      const tooDeep = await refusalOf(backupWithEntry({ name: deep, data: utf8('x') }));
      expect(tooDeep.problem).toBe('unsafe-path');

      const nested = `attachments/${'sub/'.repeat(20)}${hex(utf8('x'))}`;
      const misplaced = await refusalOf(backupWithEntry({ name: nested, data: utf8('x') }));
      expect(misplaced.problem).toBe('unexpected-entry');
      expect(misplaced.message).toContain('has no place in a registry backup');
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('absurd sizes and zip bombs', () => {
  it(
    'refuses any entry declaring more than its limit before inflating a byte',
    async () => {
      const sizes = fc.integer({ min: BACKUP_LIMITS.tableBytes + 1, max: 0xfffffffe });
      await fc.assert(
        fc.asyncProperty(sizes, fc.constantFrom<0 | 8>(0, 8), async (size, method) => {
          const bytes = backupWithEntry({
            name: 'tables/bomb.json',
            data: utf8('[]'),
            method,
            size,
          });
          const refusal = await refusalOf(bytes);
          // A stored entry with two sizes is damaged; a deflated one is simply too large.
          expect(['too-large', 'corrupt']).toContain(refusal.problem);
          expect(refusal.part).toBe('tables/bomb.json');
        }),
        fuzzParameters('backupAbsurdSizes'),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'stops a zip bomb at the size it declares: 64 MiB of zeros declared as 1 KiB',
    async () => {
      const zeros = new Uint8Array(64 * 1_048_576);
      const bomb = craftZip([{ ...entryOf('tables/partners.json', zeros), size: 1_024 }]);
      expect(bomb.byteLength).toBeLessThan(200_000);
      const [entry] = await readZipDirectory(bytesSource(bomb), {
        fileBytes: BACKUP_LIMITS.fileBytes,
        entries: 10,
        entryBytes: () => BACKUP_LIMITS.tableBytes,
        totalBytes: BACKUP_LIMITS.fileBytes,
      });
      const error: unknown = await withinTimeLimit('inflating a bomb', () =>
        readZipEntry(bytesSource(bomb), entry!),
      ).catch((caught: unknown) => caught);
      expectClearRefusal(error);
      expect((error as BackupFormatError).problem).toBe('too-large');
      expect((error as BackupFormatError).message).toContain('expands beyond the 1024 bytes');
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'refuses a declared size larger than the data (a lie either way)',
    async () => {
      const refusal = await refusalOf(
        backupWithEntry({
          name: `attachments/${hex(utf8('abc'))}`,
          data: utf8('abc'),
          method: 8,
          size: 3_000,
        }),
      );
      expect(['corrupt', 'truncated', 'invalid-manifest']).toContain(refusal.problem);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'refuses more entries than the limit, and an end record counting entries the file lacks',
    async () => {
      const many = craftZip(
        Array.from({ length: 12 }, (_, index) => entryOf(`tables/t${index}.json`, utf8('[]'), 0)),
      );
      const error: unknown = await readZipDirectory(bytesSource(many), {
        fileBytes: 1_000_000,
        entries: 10,
        entryBytes: () => 100,
        totalBytes: 1_000_000,
      }).catch((caught: unknown) => caught);
      expectClearRefusal(error);
      expect((error as BackupFormatError).problem).toBe('too-large');
      expect((error as BackupFormatError).message).toContain('12 entries; at most 10');

      const lying = craftZip([entryOf('manifest.json', utf8('{}'), 0)], { entryCount: 60_000 });
      const refusal = await refusalOf(lying);
      expect(refusal.problem).toBe('corrupt');
      expect(refusal.message).toMatch(/directory is damaged at entry 2/);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'refuses entries that together declare more than the whole-archive limit, before inflating any',
    async () => {
      // Three attachments each declaring 2 GiB (each within its own limit) in a file of a few KB,
      // listed in a valid manifest: restoring them would write 6 GiB.
      const declared = BACKUP_LIMITS.attachmentBytes;
      const entries = [1, 2, 3].map((index) => {
        const sha = hex(utf8(`scan ${index}`));
        return { name: `attachments/${sha}`, sha, data: utf8(`scan ${index}`) };
      });
      const files: Record<string, Uint8Array> = {};
      for (const table of encodeBackupTables(ROWS))
        files[`tables/${table.name}.json`] = table.bytes;
      const manifest = manifestFor(files);
      manifest.attachments = { count: entries.length, bytes: declared * entries.length };
      for (const entry of entries) {
        manifest.parts.push({ path: entry.name, size: declared, sha256: entry.sha });
      }
      const manifestBytes = utf8(JSON.stringify(manifest));
      const tables = Object.entries(files).map(([name, data]) => ({ name, data }));
      const bytes = craftZip([
        entryOf('manifest.json', manifestBytes, 0),
        ...tables.map(({ name, data }) => entryOf(name, data, 0)),
        ...entries.map(({ name, data }) => ({ ...entryOf(name, data), size: declared })),
      ]);
      expect(bytes.byteLength).toBeLessThan(10_000);

      // The manifest is stored first: its data starts after its 30-byte header and its name.
      // (Reading the file's end takes in everything of so small a file; that is not reading data.)
      const manifestData = 30 + 'manifest.json'.length;
      let isManifestRead = false;
      const source = bytesSource(bytes);
      const watched = {
        size: source.size,
        read: (offset: number, length: number) => {
          if (offset === manifestData) isManifestRead = true;
          return source.read(offset, length);
        },
      };
      const error: unknown = await openBackup(watched).catch((caught: unknown) => caught);
      expectClearRefusal(error);
      // The second attachment takes the declared total past the limit, and is named.
      expect(error).toMatchObject({
        problem: 'too-large',
        part: entries[1]!.name,
        message: `The archive’s entries declare more than ${BACKUP_LIMITS.fileBytes} bytes together (counting up to “${entries[1]!.name}”), the most accepted.`,
      });
      expect(isManifestRead).toBe(false);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'refuses a file too large to be a backup before reading any of it',
    async () => {
      let reads = 0;
      const error: unknown = await openBackup({
        size: BACKUP_LIMITS.fileBytes + 1,
        read: () => {
          reads += 1;
          return Promise.resolve(new Uint8Array(0));
        },
      }).catch((caught: unknown) => caught);
      expectClearRefusal(error);
      expect((error as BackupFormatError).problem).toBe('too-large');
      expect(reads).toBe(0);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
