import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataFolderSource, PolicySetting } from '@shared/model/policy';

/** The folder the portable build keeps its data in, beside its .exe. */
export const PORTABLE_DATA_FOLDER = 'CooperationRegistryData';

/** Where the data folder is and why; main passes it to app.setPath('userData') before ready. */
export type DataLocation = {
  dataFolder: string;
  source: DataFolderSource;
  /** The portable Windows build is running (whichever folder won). */
  isPortable: boolean;
  /** What was passed over and why (a folder that cannot be used, a setting ignored), or null. */
  problem: string | null;
};

export type DataLocationInputs = {
  /** `--user-data-dir=…`; empty or null when not given. */
  commandLineDataDir: string | null;
  /**
   * PORTABLE_EXECUTABLE_DIR as the environment has it: the folder of the portable .exe, set by its
   * launcher. Anyone can set it, so it counts only when `isPortableBuild`.
   */
  portableExecutableDir: string | null;
  /** This is the portable build, by the mark it carries (see isPortableBuild in portableBuild.ts). */
  isPortableBuild: boolean;
  /** The policy's dataFolder, already expanded and checked by readPolicy, and whether enforced. */
  policyDataFolder: PolicySetting<string> | null;
  /** Electron's own userData folder, as it is without `--user-data-dir`. */
  defaultDataFolder: string;
  /**
   * Makes sure a candidate folder exists and can be written, or throws why not. Called for the
   * portable and policy folders only: the command line is an explicit choice, and Electron
   * creates its default folder itself.
   */
  ensureFolder: (folder: string) => void;
};

/**
 * Picks the data folder. On an installed build an enforced policy `dataFolder` is the only choice:
 * neither `--user-data-dir` nor PORTABLE_EXECUTABLE_DIR can move the registry out of the folder IT
 * fixed. Otherwise, strongest first: `--user-data-dir` > the portable build's folder beside its
 * .exe > the policy's dataFolder > Electron's default. The portable build keeps its folder even
 * under an enforced policy: its data travels on the stick, which is the point of it.
 * A portable or policy folder that cannot be created or written (a read-only stick, a missing
 * drive) is passed over for the next one, never for a folder the user named, and `problem` says
 * so, so the app still starts and Settings shows why the data is elsewhere.
 */
export function resolveDataLocation(inputs: DataLocationInputs): DataLocation {
  const { commandLineDataDir, portableExecutableDir, isPortableBuild, defaultDataFolder } = inputs;
  const notes: string[] = [];
  const isPortable = isPortableBuild && Boolean(portableExecutableDir);
  if (portableExecutableDir && !isPortableBuild) {
    notes.push(
      `PORTABLE_EXECUTABLE_DIR (${portableExecutableDir}) is ignored: this is not the portable build.`,
    );
  }
  const policy = inputs.policyDataFolder?.value ? inputs.policyDataFolder : null;
  const isPolicyBinding = policy !== null && policy.isEnforced && !isPortable;

  if (commandLineDataDir && isPolicyBinding) {
    notes.push(
      `--user-data-dir (${commandLineDataDir}) is ignored: the machine policy enforces the data folder.`,
    );
  } else if (commandLineDataDir) {
    return {
      dataFolder: resolve(commandLineDataDir),
      source: 'command-line',
      isPortable,
      problem: describeProblems(notes, [], ''),
    };
  }
  const candidates: Array<{ source: DataFolderSource; folder: string }> = [];
  if (isPortable && portableExecutableDir) {
    candidates.push({
      source: 'portable',
      folder: join(portableExecutableDir, PORTABLE_DATA_FOLDER),
    });
  }
  if (policy) candidates.push({ source: 'policy', folder: policy.value });

  const failures: string[] = [];
  for (const { source, folder } of candidates) {
    try {
      inputs.ensureFolder(folder);
      return {
        dataFolder: folder,
        source,
        isPortable,
        problem: describeProblems(notes, failures, folder),
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
    problem: describeProblems(notes, failures, defaultDataFolder),
  };
}

function describeProblems(notes: string[], failures: string[], usedInstead: string): string | null {
  const lines = [...notes];
  if (failures.length > 0) lines.push(...failures, `Using ${usedInstead} instead.`);
  return lines.length === 0 ? null : lines.join(' ');
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
