import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPortableBuild, PORTABLE_BUILD_FIELD } from './portableBuild';

let appFolder: string;

beforeEach(async () => {
  appFolder = await mkdtemp(join(tmpdir(), 'portable-build-'));
});

afterEach(async () => {
  await rm(appFolder, { recursive: true, force: true });
});

const writePackage = (content: string) => writeFile(join(appFolder, 'package.json'), content);

describe('isPortableBuild', () => {
  it('recognises the portable build on Windows by the mark in its own package.json', async () => {
    await writePackage(
      JSON.stringify({ name: 'cooperation-registry', [PORTABLE_BUILD_FIELD]: true }),
    );
    expect(isPortableBuild('win32', appFolder)).toBe(true);
  });

  it('is never true outside Windows, where there is no portable build', async () => {
    await writePackage(JSON.stringify({ [PORTABLE_BUILD_FIELD]: true }));
    expect(isPortableBuild('linux', appFolder)).toBe(false);
    expect(isPortableBuild('darwin', appFolder)).toBe(false);
  });

  it.each([
    ['no mark (an installed build)', JSON.stringify({ name: 'cooperation-registry' })],
    ['a mark that is not exactly true', JSON.stringify({ [PORTABLE_BUILD_FIELD]: 'true' })],
    ['a mark only on the prototype', '{"__proto__": {"isPortableBuild": true}}'],
    ['damaged JSON', '{"isPortableBuild": tru'],
    ['JSON that is not an object', 'true'],
  ])('is false for %s', async (_label, content) => {
    await writePackage(content);
    expect(isPortableBuild('win32', appFolder)).toBe(false);
  });

  it('is false when the package.json cannot be read', () => {
    expect(isPortableBuild('win32', join(appFolder, 'missing'))).toBe(false);
  });

  it('is false for the project itself: only electron-builder.portable.yml adds the mark', () => {
    expect(isPortableBuild('win32', resolve(import.meta.dirname, '../../..'))).toBe(false);
  });
});
