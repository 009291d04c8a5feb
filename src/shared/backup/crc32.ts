const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * The zip format's CRC-32, fed chunk by chunk. Checked on every entry read, so damage is caught
 * even in a part the manifest cannot vouch for (the manifest itself).
 */
export class Crc32 {
  private crc = 0xffffffff;

  update(chunk: Uint8Array): void {
    let crc = this.crc;
    for (const byte of chunk) crc = (TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
    this.crc = crc;
  }

  digest(): number {
    return (this.crc ^ 0xffffffff) >>> 0;
  }
}
