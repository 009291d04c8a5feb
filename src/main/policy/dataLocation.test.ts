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
    isPortableBuild: false,
    policyDataFolder: null,
    defaultDataFolder: DEFAULT_FOLDER,
    ensureFolder: vi.fn(),
    ...overrides,
  };
}

const policyFolder = (value: string, isEnforced = false) => ({ value, isEnforced });

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
    const options = inputs({ policyDataFolder: policyFolder('/srv/registry') });
    expect(resolveDataLocation(options)).toEqual({
      dataFolder: '/srv/registry',
      source: 'policy',
      isPortable: false,
      problem: null,
    });
    expect(options.ensureFolder).toHaveBeenCalledWith('/srv/registry');
  });

  it('keeps the portable build’s data beside its .exe, over the policy, even an enforced one', () => {
    for (const isEnforced of [false, true]) {
      const location = resolveDataLocation(
        inputs({
          portableExecutableDir: '/media/stick',
          isPortableBuild: true,
          policyDataFolder: policyFolder('/srv/registry', isEnforced),
        }),
      );
      expect(location).toEqual({
        dataFolder: join('/media/stick', PORTABLE_DATA_FOLDER),
        source: 'portable',
        isPortable: true,
        problem: null,
      });
    }
  });

  it('lets --user-data-dir win over a portable folder and a policy default', () => {
    const options = inputs({
      commandLineDataDir: 'profiles/second',
      portableExecutableDir: '/media/stick',
      isPortableBuild: true,
      policyDataFolder: policyFolder('/srv/registry'),
    });
    expect(resolveDataLocation(options)).toEqual({
      dataFolder: resolve('profiles/second'),
      source: 'command-line',
      isPortable: true,
      problem: null,
    });
    expect(options.ensureFolder).not.toHaveBeenCalled();
  });

  it('lets --user-data-dir win on the portable build even under an enforced policy, as its own folder does', () => {
    const location = resolveDataLocation(
      inputs({
        commandLineDataDir: '/media/stick/profile',
        portableExecutableDir: '/media/stick',
        isPortableBuild: true,
        policyDataFolder: policyFolder('/srv/registry', true),
      }),
    );
    expect(location).toEqual({
      dataFolder: '/media/stick/profile',
      source: 'command-line',
      isPortable: true,
      problem: null,
    });
  });

  it('treats empty values as not given', () => {
    expect(
      resolveDataLocation(
        inputs({
          commandLineDataDir: '',
          portableExecutableDir: '',
          policyDataFolder: policyFolder('', true),
        }),
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
        isPortableBuild: true,
        policyDataFolder: policyFolder('/srv/registry'),
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
      inputs({ policyDataFolder: policyFolder('Z:\\Registry'), ensureFolder: refuse }),
    );
    expect(none).toEqual({
      dataFolder: DEFAULT_FOLDER,
      source: 'default',
      isPortable: false,
      problem: `The policy data folder Z:\\Registry cannot be used (EROFS). Using ${DEFAULT_FOLDER} instead.`,
    });
  });
});

describe('resolveDataLocation on an installed build, against a user who wants the data elsewhere', () => {
  const enforced = policyFolder('/srv/registry', true);

  it('keeps an enforced policy folder over --user-data-dir, and says the switch was ignored', () => {
    const options = inputs({ commandLineDataDir: '/home/officer/usb', policyDataFolder: enforced });
    expect(resolveDataLocation(options)).toEqual({
      dataFolder: '/srv/registry',
      source: 'policy',
      isPortable: false,
      problem:
        '--user-data-dir (/home/officer/usb) is ignored: the machine policy enforces the data folder.',
    });
  });

  it('ignores a PORTABLE_EXECUTABLE_DIR the user set: only the portable build carries the mark', () => {
    const options = inputs({
      portableExecutableDir: '/media/own-stick',
      policyDataFolder: enforced,
    });
    expect(resolveDataLocation(options)).toEqual({
      dataFolder: '/srv/registry',
      source: 'policy',
      isPortable: false,
      problem:
        'PORTABLE_EXECUTABLE_DIR (/media/own-stick) is ignored: this is not the portable build.',
    });
    expect(options.ensureFolder).not.toHaveBeenCalledWith(
      join('/media/own-stick', PORTABLE_DATA_FOLDER),
    );

    // Without any policy the variable still moves nothing.
    expect(
      resolveDataLocation(inputs({ portableExecutableDir: '/media/own-stick' })),
    ).toMatchObject({ dataFolder: DEFAULT_FOLDER, source: 'default', isPortable: false });
  });

  it('falls back from an enforced folder that cannot be used to the default, never to the user’s', () => {
    const location = resolveDataLocation(
      inputs({
        commandLineDataDir: '/home/officer/usb',
        portableExecutableDir: '/media/own-stick',
        policyDataFolder: enforced,
        ensureFolder: () => {
          throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        },
      }),
    );
    expect(location).toMatchObject({ dataFolder: DEFAULT_FOLDER, source: 'default' });
    expect(location.problem).toContain(
      'The policy data folder /srv/registry cannot be used (ENOENT).',
    );
    expect(location.problem).toContain('--user-data-dir (/home/officer/usb) is ignored');
  });

  it('lets --user-data-dir win over a policy folder that is only a default', () => {
    expect(
      resolveDataLocation(
        inputs({
          commandLineDataDir: '/home/officer/second',
          policyDataFolder: policyFolder('/srv/registry'),
        }),
      ),
    ).toMatchObject({ dataFolder: '/home/officer/second', source: 'command-line', problem: null });
  });

  it('treats a portable build started without its launcher as installed', () => {
    expect(
      resolveDataLocation(
        inputs({ isPortableBuild: true, commandLineDataDir: '/tmp/x', policyDataFolder: enforced }),
      ),
    ).toMatchObject({ dataFolder: '/srv/registry', source: 'policy', isPortable: false });
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
      inputs({
        portableExecutableDir: file,
        isPortableBuild: true,
        ensureFolder: ensureWritableFolder,
      }),
    );
    expect(location.source).toBe('default');
    expect(location.isPortable).toBe(true);
    expect(location.problem).toContain(
      `The portable data folder ${join(file, PORTABLE_DATA_FOLDER)} cannot be used`,
    );
  });
});
