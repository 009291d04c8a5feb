import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataFolderSource } from '@shared/model/policy';

/** The folder the portable build keeps its data in, beside its .exe. */
export const PORTABLE_DATA_FOLDER = 'CooperationRegistryData';

/** Where the data folder is and why; main passes it to app.setPath('userData') before ready. */
export type DataLocation = {
  dataFolder: string;
  source: DataFolderSource;
  /** The portable Windows build is running (whichever folder won). */
  isPortable: boolean;
  /** Why a stronger candidate was passed over, or null. */
  problem: string | null;
};

export type DataLocationInputs = {
  /** `--user-data-dir=…`; empty or null when not given. */
  commandLineDataDir: string | null;
  /** PORTABLE_EXECUTABLE_DIR, set by the portable build's launcher to the folder of its .exe. */
  portableExecutableDir: string | null;
  /** The policy's dataFolder, already expanded and checked by readPolicy. */
  policyDataFolder: string | null;
  /** Electron's own userData folder. */
  defaultDataFolder: string;
  /**
   * Makes sure a candidate folder exists and can be written, or throws why not. Called for the
   * portable and policy folders only: the command line is an explicit choice, and Electron
   * creates its default folder itself.
   */
  ensureFolder: (folder: string) => void;
};

/**
 * Picks the data folder, strongest first: `--user-data-dir` > the portable build's folder beside
 * its .exe > the policy's dataFolder > Electron's default. A portable or policy folder that cannot
 * be created or written (a read-only stick, a missing drive) is passed over for the next one, and
 * `problem` says so, so the app still starts and Settings shows why the data is elsewhere.
 */
export function resolveDataLocation(inputs: DataLocationInputs): DataLocation {
  const { commandLineDataDir, portableExecutableDir, policyDataFolder, defaultDataFolder } = inputs;
  const isPortable = Boolean(portableExecutableDir);
  if (commandLineDataDir) {
    return {
      dataFolder: resolve(commandLineDataDir),
      source: 'command-line',
      isPortable,
      problem: null,
    };
  }
  const candidates: Array<{ source: DataFolderSource; folder: string }> = [];
  if (portableExecutableDir) {
    candidates.push({
      source: 'portable',
      folder: join(portableExecutableDir, PORTABLE_DATA_FOLDER),
    });
  }
  if (policyDataFolder) candidates.push({ source: 'policy', folder: policyDataFolder });

  const failures: string[] = [];
  for (const { source, folder } of candidates) {
    try {
      inputs.ensureFolder(folder);
      return {
        dataFolder: folder,
        source,
        isPortable,
        problem: describeFailures(failures, folder),
      };
    } catch (error) {
      failures.push(
        `The ${source} data folder ${folder} cannot be used (${describeError(error)}).`,
      );
    }
  }
  return {
    dataFolder: defaultDataFolder,
    source: 'default',
    isPortable,
    problem: describeFailures(failures, defaultDataFolder),
  };
}

function describeFailures(failures: string[], usedInstead: string): string | null {
  return failures.length === 0 ? null : `${failures.join(' ')} Using ${usedInstead} instead.`;
}

/**
 * Creates the folder if needed and proves it can be written by writing and removing a small file,
 * which also catches a read-only medium and Windows ACLs that a permission check would miss.
 */
export function ensureWritableFolder(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const probe = join(folder, `.write-test-${randomBytes(6).toString('hex')}`);
  writeFileSync(probe, '');
  rmSync(probe, { force: true });
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ?? error.message;
  }
  return String(error);
}
