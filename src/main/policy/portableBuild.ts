import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The field electron-builder.portable.yml adds to the portable build's own package.json
 * (`extraMetadata`). Nothing else sets it: the project's package.json and the installers lack it.
 */
export const PORTABLE_BUILD_FIELD = 'isPortableBuild';

/**
 * Whether this is the portable Windows build. PORTABLE_EXECUTABLE_DIR, which its launcher sets,
 * cannot tell: anyone can set that variable before starting an installed build, and would then
 * choose where the data goes. The mark is in the app's package.json inside app.asar instead, which
 * the Windows executable checks against the hash it carries (the asar integrity fuse), so it cannot
 * be added to an installed copy. There is no portable build outside Windows. `appFolder` is
 * app.getAppPath(); an unreadable or markless package.json means "not portable".
 */
export function isPortableBuild(platform: NodeJS.Platform, appFolder: string): boolean {
  if (platform !== 'win32') return false;
  try {
    const json: unknown = JSON.parse(readFileSync(join(appFolder, 'package.json'), 'utf8'));
    return (
      typeof json === 'object' &&
      json !== null &&
      Object.hasOwn(json, PORTABLE_BUILD_FIELD) &&
      (json as Record<string, unknown>)[PORTABLE_BUILD_FIELD] === true
    );
  } catch {
    return false;
  }
}
