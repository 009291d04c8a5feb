import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ensureWritableFolder,
  PORTABLE_DATA_FOLDER,
  resolveDataLocation,
  type DataLocationInputs,
} from './dataLocation';

let base: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'data-location-'));
});

afterEach(async () => {
  await chmod(join(base, 'read-only'), 0o700).catch(() => undefined);
  await rm(base, { recursive: true, force: true });
});

const DEFAULT_FOLDER = '/home/officer/.config/Cooperation Registry';

function inputs(overrides: Partial<DataLocationInputs> = {}): DataLocationInputs {
  return {
    commandLineDataDir: null,
    portableExecutableDir: null,
    policyDataFolder: null,
    defaultDataFolder: DEFAULT_FOLDER,
    ensureFolder: vi.fn(),
    ...overrides,
  };
}

describe('resolveDataLocation', () => {
  it("uses Electron's default folder when nothing else is set", () => {
    const options = inputs();
    expect(resolveDataLocation(options)).toEqual({
      dataFolder: DEFAULT_FOLDER,
      source: 'default',
      isPortable: false,
      problem: null,
    });
    expect(options.ensureFolder).not.toHaveBeenCalled();
  });

  it("uses the policy's dataFolder over the default", () => {
    const options = inputs({ policyDataFolder: '/srv/registry' });
    expect(resolveDataLocation(options)).toEqual({
      dataFolder: '/srv/registry',
      source: 'policy',
      isPortable: false,
      problem: null,
    });
    expect(options.ensureFolder).toHaveBeenCalledWith('/srv/registry');
  });

  it('keeps the portable build’s data beside its .exe, over the policy', () => {
    const location = resolveDataLocation(
      inputs({ portableExecutableDir: '/media/stick', policyDataFolder: '/srv/registry' }),
    );
    expect(location).toEqual({
      dataFolder: join('/media/stick', PORTABLE_DATA_FOLDER),
      source: 'portable',
      isPortable: true,
      problem: null,
    });
  });

  it('lets --user-data-dir win over everything, still telling that the build is portable', () => {
    const options = inputs({
      commandLineDataDir: 'profiles/second',
      portableExecutableDir: '/media/stick',
      policyDataFolder: '/srv/registry',
    });
    expect(resolveDataLocation(options)).toEqual({
      dataFolder: resolve('profiles/second'),
      source: 'command-line',
      isPortable: true,
      problem: null,
    });
    expect(options.ensureFolder).not.toHaveBeenCalled();
  });

  it('treats empty values as not given', () => {
    expect(
      resolveDataLocation(
        inputs({ commandLineDataDir: '', portableExecutableDir: '', policyDataFolder: '' }),
      ),
    ).toMatchObject({ dataFolder: DEFAULT_FOLDER, source: 'default', isPortable: false });
  });

  it('passes over folders that cannot be used, says which and why, and still starts', () => {
    const refuse = (folder: string) => {
      throw Object.assign(new Error(`EROFS: read-only file system, mkdir '${folder}'`), {
        code: 'EROFS',
      });
    };
    const portable = resolveDataLocation(
      inputs({
        portableExecutableDir: '/media/stick',
        policyDataFolder: '/srv/registry',
        ensureFolder: (folder) => {
          if (folder.startsWith('/media')) refuse(folder);
        },
      }),
    );
    expect(portable).toEqual({
      dataFolder: '/srv/registry',
      source: 'policy',
      isPortable: true,
      problem: `The portable data folder ${join('/media/stick', PORTABLE_DATA_FOLDER)} cannot be used (EROFS). Using /srv/registry instead.`,
    });

    const none = resolveDataLocation(
      inputs({ policyDataFolder: 'Z:\\Registry', ensureFolder: refuse }),
    );
    expect(none).toEqual({
      dataFolder: DEFAULT_FOLDER,
      source: 'default',
      isPortable: false,
      problem: `The policy data folder Z:\\Registry cannot be used (EROFS). Using ${DEFAULT_FOLDER} instead.`,
    });
  });
});

describe('ensureWritableFolder', () => {
  it('creates the folder with its parents and leaves nothing behind', async () => {
    const folder = join(base, 'E-drive', PORTABLE_DATA_FOLDER);
    ensureWritableFolder(folder);
    expect(await readdir(folder)).toEqual([]);
    ensureWritableFolder(folder);
  });

  it('throws for a path that is a file', async () => {
    const file = join(base, 'not-a-folder');
    await writeFile(file, 'x');
    expect(() => ensureWritableFolder(file)).toThrow();
    expect(() => ensureWritableFolder(join(file, 'data'))).toThrow();
  });

  // Root writes anywhere, so this one can only run as an ordinary user (the file case above runs always).
  it.skipIf(process.getuid?.() === 0)('throws for a folder that cannot be written', async () => {
    const readOnly = join(base, 'read-only');
    await mkdir(readOnly);
    await chmod(readOnly, 0o500);
    expect(() => ensureWritableFolder(readOnly)).toThrow(/EACCES/);
    expect(() => ensureWritableFolder(join(readOnly, 'data'))).toThrow(/EACCES/);
  });

  it('lets resolveDataLocation fall back from a real unusable folder', async () => {
    const file = join(base, 'stick-is-a-file');
    await writeFile(file, 'x');
    const location = resolveDataLocation(
      inputs({ portableExecutableDir: file, ensureFolder: ensureWritableFolder }),
    );
    expect(location.source).toBe('default');
    expect(location.isPortable).toBe(true);
    expect(location.problem).toContain(
      `The portable data folder ${join(file, PORTABLE_DATA_FOLDER)} cannot be used`,
    );
  });
});
