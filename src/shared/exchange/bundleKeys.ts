import { argon2id } from 'hash-wasm';
import {
  ARGON2_VERSION,
  ARGON2ID_PARAMETERS,
  BundleError,
  KDF_BOUNDS,
  type BundleKdf,
  type KdfSetting,
} from './bundleFormat';

/**
 * The keys of an encrypted bundle, derived from its passphrase with the key derivation its header
 * names: Argon2id (hash-wasm, WebAssembly) for new bundles, PBKDF2-SHA-256 (WebCrypto) for format 1
 * bundles. 512 bits are derived: the first half is the AES-256-GCM key, the SHA-256 of the second
 * half is the header's keyCheck, which tells a wrong passphrase from a changed file.
 */

const SALT_BYTES = 16;
const DERIVED_BYTES = 64;

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

/** Bytes of base64 text the header schema has already checked. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** SHA-256 in lower-case hex. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The key derivation of a new bundle: Argon2id at ARGON2ID_PARAMETERS, with a fresh salt. */
export function newBundleKdf(): BundleKdf {
  return {
    name: 'Argon2id',
    version: ARGON2_VERSION,
    ...ARGON2ID_PARAMETERS,
    salt: toBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES))),
  };
}

function requireWithin(setting: KdfSetting, value: number): void {
  const { min, max } = KDF_BOUNDS[setting];
  if (value >= min && value <= max) return;
  throw new BundleError(
    'unsafe-kdf',
    `The bundle's key derivation asks for ${setting} ${value}; this app accepts ${min} to ${max}.`,
    { kdf: { setting, value, min, max } },
  );
}

/**
 * Refuses a key derivation outside KDF_BOUNDS (`unsafe-kdf`): too weak to protect the bundle, or
 * costly enough to tie up the computer. Checked when the header is read, before any derivation.
 */
export function checkKdfBounds(kdf: BundleKdf): void {
  requireWithin('saltBytes', fromBase64(kdf.salt).length);
  if (kdf.name === 'PBKDF2-SHA-256') {
    requireWithin('pbkdf2Iterations', kdf.iterations);
    return;
  }
  requireWithin('argon2idMemoryKiB', kdf.memoryKiB);
  requireWithin('argon2idIterations', kdf.iterations);
  requireWithin('argon2idParallelism', kdf.parallelism);
}

async function derivedBits(passphrase: Uint8Array<ArrayBuffer>, kdf: BundleKdf) {
  const salt = fromBase64(kdf.salt);
  if (kdf.name === 'Argon2id') {
    return argon2id({
      password: passphrase,
      salt,
      iterations: kdf.iterations,
      parallelism: kdf.parallelism,
      memorySize: kdf.memoryKiB,
      hashLength: DERIVED_BYTES,
      outputType: 'binary',
    });
  }
  const material = await crypto.subtle.importKey('raw', passphrase, 'PBKDF2', false, [
    'deriveBits',
  ]);
  return new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: kdf.iterations },
      material,
      DERIVED_BYTES * 8,
    ),
  );
}

/** WebCrypto's key type, named without the DOM library (shared code compiles for Node too). */
type AesKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

type BundleKeys = { key: AesKey; keyCheck: string };

/** The AES key and key check for `passphrase` (NFC, UTF-8) under `kdf`, whose bounds are checked. */
export async function deriveBundleKeys(passphrase: string, kdf: BundleKdf): Promise<BundleKeys> {
  checkKdfBounds(kdf);
  const bits = await derivedBits(new TextEncoder().encode(passphrase.normalize('NFC')), kdf);
  const key = await crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  return { key, keyCheck: await sha256Hex(bits.slice(32)) };
}
