import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Bytes this user may still write on the disk holding a path; injected so tests can fill a disk. */
export type FreeSpace = (path: string) => Promise<number>;

/**
 * The free space statfs reports for the disk holding `path`, asked of its nearest existing folder
 * (a backup folder or attachment store may not exist yet). `bavail`, not `bfree`: the blocks an
 * unprivileged process may use.
 */
export const freeBytesAt: FreeSpace = async (path) => {
  let at = path;
  for (;;) {
    try {
      const info = await statfs(at);
      return info.bavail * info.bsize;
    } catch (error) {
      const parent = dirname(at);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === at) throw error;
      at = parent;
    }
  }
};
