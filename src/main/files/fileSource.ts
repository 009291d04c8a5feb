import type { RandomAccessSource } from '@shared/backup/zipReader';

/** The one call of an open file a source makes (a FileHandle's); tests answer it in short pieces. */
export type PositionalReader = {
  read: (
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ) => Promise<{ bytesRead: number }>;
};

/**
 * An open file as the shared readers (zip directory, file-type detection) read it: any range on
 * request. A read may come back short before the end of the file (a network share, a pipe), so it
 * is asked again until the range is filled; only the end of the file answers fewer bytes.
 */
export function fileSource(handle: PositionalReader, size: number): RandomAccessSource {
  return {
    size,
    read: async (offset, length) => {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      let filled = 0;
      while (filled < buffer.byteLength) {
        const { bytesRead } = await handle.read(
          buffer,
          filled,
          buffer.byteLength - filled,
          offset + filled,
        );
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    },
  };
}
