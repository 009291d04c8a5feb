import fc from 'fast-check';
import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_LIMITS,
  BackupFormatError,
  type BackupManifest,
} from './backupFormat';
import { decodeBackupTables, encodeBackupTables } from './backupTables';
import { openBackup, verifyBackup } from './readBackup';
import { hex, sha256 } from '../../../tests/fixtures/backupSha256';
import { bytesSource } from './zipReader';

const ROWS = {
  partners: [
    { id: 'a', name: { az: 'Beynəlxalq Miqrasiya Təşkilatı', ru: 'МОМ' }, deletedAt: null, rev: 2 },
    { id: 'b', name: { en: 'Deleted partner' }, deletedAt: '2026-01-02T00:00:00.000Z', rev: 3 },
  ],
  changes: [
    { seq: 1, recordId: 'a', op: 'create', fields: { name: { before: null, after: 'x' } } },
  ],
  meta: [{ key: 'registryId', value: '5e0b4c1e-0000-4000-8000-000000000001' }],
};
const ATTACHMENT = new TextEncoder().encode('%PDF-1.7 scanned memorandum');

type Overrides = {
  manifest?: (manifest: BackupManifest) => unknown;
  files?: (files: Record<string, Uint8Array>) => Zippable;
};

/** A valid backup as the main process writes one, with hooks to damage any part of it. */
function buildBackup(overrides: Overrides = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const table of encodeBackupTables(ROWS)) files[`tables/${table.name}.json`] = table.bytes;
  files[`attachments/${hex(ATTACHMENT)}`] = ATTACHMENT;
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: '2026-11-01T09:00:00.000Z',
    reason: 'manual',
    appVersion: '0.1.0',
    schemaVersion: 2,
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
  const json = overrides.manifest ? overrides.manifest(manifest) : manifest;
  files['manifest.json'] = new TextEncoder().encode(JSON.stringify(json));
  return zipSync(overrides.files ? overrides.files(files) : files);
}

async function read(bytes: Uint8Array) {
  const source = bytesSource(bytes);
  const opened = await openBackup(source);
  return verifyBackup(source, opened, sha256);
}

async function refusal(bytes: Uint8Array): Promise<BackupFormatError> {
  try {
    await read(bytes);
  } catch (error) {
    if (error instanceof BackupFormatError) return error;
    throw error;
  }
  throw new Error('The backup was accepted');
}

/** Sets a 32-bit (or 16-bit) field of every central-directory record of the named entry. */
function patchCentral(
  zip: Uint8Array,
  name: string,
  fieldOffset: number,
  value: number,
  bits = 32,
) {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const nameBytes = new TextEncoder().encode(name);
  for (let at = 0; at + 46 < copy.length; at += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    const candidate = copy.subarray(at + 46, at + 46 + length);
    if (length === nameBytes.length && candidate.every((byte, i) => byte === nameBytes[i])) {
      if (bits === 16) view.setUint16(at + fieldOffset, value, true);
      else view.setUint32(at + fieldOffset, value, true);
    }
  }
  return copy;
}

describe('reading a backup', () => {
  it('gives back every table byte for byte, once every part matches its SHA-256', async () => {
    const verified = await read(buildBackup());
    expect(verified.manifest.device.deviceName).toBe('Bakı noutbuku');
    expect(decodeBackupTables(verified.manifest, verified.tables)).toEqual(ROWS);
  });

  it('refuses a part whose bytes do not match the manifest, naming the part', async () => {
    const error = await refusal(
      buildBackup({
        files: (files) => ({
          ...files,
          'tables/partners.json': new TextEncoder().encode(JSON.stringify([{ id: 'forged' }, {}])),
        }),
        manifest: (manifest) => ({
          ...manifest,
          // Same size as the forged table, so only the hash can tell.
          parts: manifest.parts.map((part) =>
            part.path === 'tables/partners.json'
              ? { ...part, size: JSON.stringify([{ id: 'forged' }, {}]).length }
              : part,
          ),
        }),
      }),
    );
    expect(error.problem).toBe('hash-mismatch');
    expect(error.part).toBe('tables/partners.json');
    expect(error.message).toContain('does not match the SHA-256 in the manifest');
  });

  it('refuses a truncated file, whatever the cut', async () => {
    const whole = buildBackup();
    for (const length of [0, 10, whole.length / 2, whole.length - 1]) {
      const error = await refusal(whole.subarray(0, Math.floor(length)));
      expect(['not-a-backup', 'truncated']).toContain(error.problem);
    }
    expect((await refusal(whole.subarray(0, whole.length - 1))).message).toMatch(
      /not a zip archive, or it was cut short/,
    );
  });

  it('refuses entries that point outside the backup: ../, absolute, drive letters', async () => {
    for (const name of ['../settings.json', 'tables/../../x.json', '/etc/passwd', 'C:/Windows/x']) {
      const error = await refusal(
        buildBackup({ files: (files) => ({ ...files, [name]: new Uint8Array([1]) }) }),
      );
      expect(error.problem, name).toBe('unsafe-path');
      expect(error.message).toContain(name);
    }
  });

  it('refuses an entry the format has no place for, or one the manifest does not list', async () => {
    const extra = await refusal(
      buildBackup({ files: (files) => ({ ...files, 'run.exe': new Uint8Array([1]) }) }),
    );
    expect(extra).toMatchObject({ problem: 'unexpected-entry', part: 'run.exe' });
    const unlisted = await refusal(
      buildBackup({
        files: (files) => ({ ...files, 'tables/people.json': new Uint8Array([91, 93]) }),
      }),
    );
    expect(unlisted).toMatchObject({ problem: 'unexpected-entry', part: 'tables/people.json' });
  });

  it('refuses a part the manifest lists but the file lacks', async () => {
    const error = await refusal(
      buildBackup({
        files: (files) => {
          const rest: Zippable = { ...files };
          delete rest['tables/changes.json'];
          return rest;
        },
      }),
    );
    expect(error).toMatchObject({ problem: 'missing-part', part: 'tables/changes.json' });
  });

  it('refuses an entry declaring more than the limit before inflating anything', async () => {
    const zip = patchCentral(
      buildBackup(),
      'tables/partners.json',
      24,
      BACKUP_LIMITS.tableBytes + 1,
    );
    const error = await refusal(zip);
    expect(error.problem).toBe('too-large');
    expect(error.part).toBe('tables/partners.json');
    expect(error.message).toContain('declares 524288001 bytes');
  });

  it('stops inflating at the declared size: an entry that expands further is refused', async () => {
    // 8 MB of zeros deflate to a few KB; the directory claims 1 KB.
    const bomb = buildBackup({
      files: (files) => ({
        ...files,
        'tables/partners.json': [new Uint8Array(8_000_000), { level: 9 }],
      }),
      manifest: (manifest) => ({
        ...manifest,
        parts: manifest.parts.map((part) =>
          part.path === 'tables/partners.json' ? { ...part, size: 1024 } : part,
        ),
      }),
    });
    const error = await refusal(patchCentral(bomb, 'tables/partners.json', 24, 1024));
    expect(error.problem).toBe('too-large');
    expect(error.message).toContain('expands beyond the 1024 bytes it declares');
  });

  it('refuses encrypted entries and compression methods a backup never uses', async () => {
    const encrypted = await refusal(patchCentral(buildBackup(), 'tables/meta.json', 8, 1, 16));
    expect(encrypted).toMatchObject({ problem: 'unsupported-zip', part: 'tables/meta.json' });
    const bzip2 = await refusal(patchCentral(buildBackup(), 'tables/meta.json', 10, 12, 16));
    expect(bzip2.message).toContain('compression method 12');
  });

  it('refuses a zip that is not a backup, and a backup of a newer format', async () => {
    expect((await refusal(zipSync({ 'report.docx': new Uint8Array([1]) }))).problem).toBe(
      'unexpected-entry',
    );
    expect((await refusal(new TextEncoder().encode('name;kind\nIOM;io\n'))).problem).toBe(
      'not-a-backup',
    );
    const newer = await refusal(buildBackup({ manifest: (m) => ({ ...m, formatVersion: 2 }) }));
    expect(newer.problem).toBe('newer-format');
  });

  it('refuses a table whose rows do not match the manifest’s count', async () => {
    const verified = await read(
      buildBackup({
        manifest: (m) => ({ ...m, tables: { ...m.tables, partners: { rows: 5 } } }),
      }),
    );
    expect(() => decodeBackupTables(verified.manifest, verified.tables)).toThrow(
      /holds 2 rows where the manifest counts 5/,
    );
  });
});

describe('reading arbitrary bytes', () => {
  /** Anything the reader throws must be a refusal that says what is wrong. */
  async function expectOnlyRefusals(bytes: Uint8Array) {
    try {
      const verified = await read(bytes);
      decodeBackupTables(verified.manifest, verified.tables);
    } catch (error) {
      expect(error).toBeInstanceOf(BackupFormatError);
      expect((error as BackupFormatError).message.length).toBeGreaterThan(10);
    }
  }

  it('never throws anything but a clear refusal for random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), expectOnlyRefusals), {
      numRuns: 300,
    });
  });

  it('never throws anything but a clear refusal for a damaged backup', async () => {
    const valid = buildBackup();
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.nat({ max: valid.length - 1 }),
        value: fc.integer({ min: 0, max: 255 }),
      }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat({ max: valid.length - 1 }) }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat({ max: valid.length - 1 }),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        let bytes = valid.slice();
        for (const m of mutations) {
          const at = Math.min(m.at, bytes.length - 1);
          if (m.kind === 'flip') bytes[at] = m.value;
          else if (m.kind === 'cut') bytes = bytes.slice(0, at);
          else
            bytes = new Uint8Array([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)]);
          if (bytes.length === 0) break;
        }
        await expectOnlyRefusals(bytes);
      }),
      { numRuns: 500 },
    );
  });
});
