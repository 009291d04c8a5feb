import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SNAPSHOT_FORMAT } from '@shared/model/registrySnapshot';
import { AppError } from '../ipc/AppError';
import { SAMPLE_REGISTRY_FILE, SampleService } from './sampleService';

const PARTNER_ID = '0b6f8a52-4c1e-4d8a-9d55-2f3b8c7e1a90';

const validSnapshot = {
  format: SNAPSHOT_FORMAT,
  formatVersion: 1,
  title: 'Sample registry',
  records: {
    partners: [{ id: PARTNER_ID, kind: 'international-organization', name: { en: 'IOM' } }],
  },
};

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sample-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function readWith(content: string): Promise<unknown> {
  await writeFile(join(folder, SAMPLE_REGISTRY_FILE), content);
  return new SampleService({ resourcesFolder: folder }).read();
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('SampleService', () => {
  it('reads a valid sample and fills the defaults the model defines', async () => {
    const snapshot = await readWith(JSON.stringify(validSnapshot));
    expect(snapshot).toMatchObject({
      title: 'Sample registry',
      records: {
        partners: [{ id: PARTNER_ID, name: { en: 'IOM' }, areaIds: [], isOwnSide: false }],
        agreements: [],
        people: [],
      },
    });
  });

  it('accepts a file saved with a byte-order mark', async () => {
    const snapshot = await readWith(`\uFEFF${JSON.stringify(validSnapshot)}`);
    expect(snapshot).toMatchObject({ title: 'Sample registry' });
  });

  it('reports a missing file as invalid-data naming the file', async () => {
    const error = await errorOf(new SampleService({ resourcesFolder: folder }).read());
    expect(error.code).toBe('invalid-data');
    expect(error.message).toContain(SAMPLE_REGISTRY_FILE);
  });

  it('reports broken JSON as invalid-data naming the file', async () => {
    const error = await errorOf(readWith('{"format": '));
    expect(error.code).toBe('invalid-data');
    expect(error.message).toContain(SAMPLE_REGISTRY_FILE);
    expect(error.message).toContain('not valid JSON');
  });

  it('names the first problems of a file that breaks the model', async () => {
    const broken = {
      ...validSnapshot,
      records: {
        partners: [{ id: 'not-a-uuid', kind: 'club', name: { en: 'IOM' } }],
      },
    };
    const error = await errorOf(readWith(JSON.stringify(broken)));
    expect(error.code).toBe('invalid-data');
    expect(error.message).toContain(SAMPLE_REGISTRY_FILE);
    expect(error.message).toContain('records.partners.0.id');
    expect(error.message).toContain('records.partners.0.kind');
  });

  it('refuses a file of another format', async () => {
    const error = await errorOf(readWith(JSON.stringify({ ...validSnapshot, format: 'other' })));
    expect(error.message).toContain('format');
  });
});
