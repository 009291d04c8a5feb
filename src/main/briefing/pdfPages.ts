/**
 * How many pages a PDF has, by counting its page objects (`/Type /Page`, not the `/Pages` tree
 * nodes). Chromium writes page dictionaries uncompressed, so this needs no PDF parser in main.
 */
export function countPdfPages(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes);
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}
