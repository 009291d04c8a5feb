import { deflateSync } from 'fflate';
import { Crc32 } from '../backup/crc32';

/**
 * Zips written byte by byte for tests, the way an attacker writes them: the headers declare
 * whatever the test says (sizes, CRC, names no zip library would write, an entry count), whatever
 * the data holds. Used by the zip reader's, the backup reliability suite's and the exchange
 * bundle's tests.
 */

/** One entry as it lies in the archive. */
export type CraftedEntry = {
  name: string;
  /** The name's bytes as written, in place of `name` in UTF-8: a name that is not UTF-8. */
  nameBytes?: Uint8Array;
  method: 0 | 8;
  /** The bytes as stored (already deflated for method 8). */
  data: Uint8Array;
  /** What the headers say the entry inflates to. */
  size: number;
  crc32: number;
};

/** An honest entry: `content` stored or deflated, with its real size and CRC-32. */
export function entryOf(name: string, content: Uint8Array, method: 0 | 8 = 8): CraftedEntry {
  const crc = new Crc32();
  crc.update(content);
  return {
    name,
    method,
    data: method === 8 ? deflateSync(content) : content,
    size: content.byteLength,
    crc32: crc.digest(),
  };
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    result.set(part, at);
    at += part.byteLength;
  }
  return result;
}

/**
 * The archive: local headers and data, the central directory, the end record. `entryCount`
 * overrides the count the end record gives (which is otherwise the number of entries).
 */
export function craftZip(
  entries: readonly CraftedEntry[],
  options: { entryCount?: number } = {},
): Uint8Array<ArrayBuffer> {
  const body: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = entry.nameBytes ?? new TextEncoder().encode(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true);
    local.setUint16(8, entry.method, true);
    local.setUint32(14, entry.crc32, true);
    local.setUint32(18, entry.data.byteLength, true);
    local.setUint32(22, entry.size, true);
    local.setUint16(26, name.byteLength, true);
    body.push(new Uint8Array(local.buffer), name, entry.data);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, 0x0800, true);
    central.setUint16(10, entry.method, true);
    central.setUint32(16, entry.crc32, true);
    central.setUint32(20, entry.data.byteLength, true);
    central.setUint32(24, entry.size, true);
    central.setUint16(28, name.byteLength, true);
    central.setUint32(42, offset, true);
    directory.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.byteLength + entry.data.byteLength;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.byteLength, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  const entryCount = options.entryCount ?? entries.length;
  end.setUint16(8, entryCount, true);
  end.setUint16(10, entryCount, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  return concatBytes([...body, ...directory, new Uint8Array(end.buffer)]);
}
