const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/**
 * The zip format's CRC-32, fed chunk by chunk. Checked on every entry read, so damage is caught
 * even in a part the manifest cannot vouch for (the manifest itself).
 */
export class Crc32 {
  private crc = -1;

  update(chunk: Uint8Array): void {
    let crc = this.crc;
    const table = TABLE;
    for (let i = 0, length = chunk.length; i < length; i += 1) {
      crc = (table[(crc ^ (chunk[i] as number)) & 0xff] as number) ^ (crc >>> 8);
    }
    this.crc = crc;
  }

  digest(): number {
    return (this.crc ^ -1) >>> 0;
  }
}
