import { posix, win32 } from 'node:path';

/** process.env, or a plain object in tests. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * An environment variable by name. Windows names are case-insensitive (`%ProgramData%` and
 * `%PROGRAMDATA%` are the same variable) but a plain object is not, so they are matched by hand.
 * An empty value counts as unset, and so does anything that is not a string.
 */
export function readVariable(
  env: Environment,
  name: string,
  platform: NodeJS.Platform,
): string | undefined {
  // Own properties only: `%constructor%` must not read Object.prototype's (process.env has one).
  let value = Object.hasOwn(env, name) ? env[name] : undefined;
  if (value === undefined && platform === 'win32') {
    const lower = name.toLowerCase();
    const key = Object.keys(env).find((candidate) => candidate.toLowerCase() === lower);
    value = key === undefined ? undefined : env[key];
  }
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export type ExpandResult = { kind: 'ok'; text: string } | { kind: 'unknown'; names: string[] };

/** `%NAME%` (Windows style, also `%ProgramFiles(x86)%`) or `${NAME}` (shell style). */
const VARIABLE = /%([A-Za-z_][A-Za-z0-9_()]*)%|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Expands `%NAME%` and `${NAME}` on every platform, and a leading `~` to the home folder outside
 * Windows, so one policy can name a per-user folder such as `%LOCALAPPDATA%\CooperationRegistry`
 * or `${HOME}/.local/share/cooperation-registry`. Unknown variables are reported, never left in
 * place or replaced by an empty string: either would silently give a different folder.
 */
export function expandVariables(
  text: string,
  env: Environment,
  platform: NodeJS.Platform,
): ExpandResult {
  const unknown: string[] = [];
  let expanded = text.replace(
    VARIABLE,
    (match, percentName: string | undefined, braceName: string | undefined) => {
      const name = percentName ?? braceName ?? '';
      const value = readVariable(env, name, platform);
      if (value === undefined) {
        unknown.push(percentName === undefined ? `\${${name}}` : `%${name}%`);
        return match;
      }
      return value;
    },
  );
  if (platform !== 'win32' && /^~(?=$|\/)/.test(expanded)) {
    const home = readVariable(env, 'HOME', platform);
    if (home === undefined) unknown.push('~ (HOME)');
    else expanded = home + expanded.slice(1);
  }
  return unknown.length > 0 ? { kind: 'unknown', names: unknown } : { kind: 'ok', text: expanded };
}

/**
 * Whether a folder is a full path on the given platform: `C:\…`, `C:/…` or a UNC share
 * `\\server\share\…` on Windows (a bare `\folder` depends on the current drive), `/…` elsewhere.
 */
export function isAbsoluteFolder(folder: string, platform: NodeJS.Platform): boolean {
  if (platform === 'win32') {
    return /^[A-Za-z]:[\\/]/.test(folder) || /^[\\/]{2}[^\\/]+[\\/][^\\/]+/.test(folder);
  }
  return posix.isAbsolute(folder);
}

/** The path in its platform's canonical form (separators, `..` and doubled slashes folded). */
export function normalizeFolder(folder: string, platform: NodeJS.Platform): string {
  const path = platform === 'win32' ? win32 : posix;
  const normalized = path.normalize(folder);
  const root = path.parse(normalized).root;
  return normalized.length > root.length ? normalized.replace(/[\\/]+$/, '') : normalized;
}
