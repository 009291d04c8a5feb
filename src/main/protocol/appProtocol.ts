import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, posix, relative, resolve, sep, win32 } from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from '../security/appOrigin';
import { PRINT_PAGE_CSP, type PrintPages } from './printPages';

/**
 * How app:// is registered: a standard, secure origin (so IndexedDB, fetch and the CSP behave as
 * on https) that neither bypasses the CSP nor opens CORS, and runs no service workers.
 */
export const APP_SCHEME_PRIVILEGES: Readonly<NonNullable<CustomScheme['privileges']>> =
  Object.freeze({
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    corsEnabled: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
  });

/**
 * Headers on every app:// response, errors included. The CSP is the renderer's only CSP (there is
 * no meta tag to drift from it): nothing but the app's own files may load, and no network at all.
 * `style-src 'unsafe-inline'` is there because MUI styles through emotion, which injects <style>
 * elements at run time. Scripts are 'self' only; 'wasm-unsafe-eval' lets them compile WebAssembly
 * (the exchange worker's Argon2id, hash-wasm, whose module is bytes inside the app's own script).
 * It allows no eval(), new Function() or string timers, which plain 'unsafe-eval' would.
 */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
});

/** Content types by extension; with `nosniff` a wrong type breaks the page, so each is explicit. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The content type app:// sends for a file name; unknown kinds are opaque bytes. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Where an app:// URL points inside the renderer folder, decided from the URL alone (the handler
 * then confirms it against the real file system, symlinks resolved).
 */
export type AppPath =
  | {
      kind: 'file';
      /** Absolute path, lexically inside the renderer root. */
      filePath: string;
      /** Has an extension: a missing asset is a 404, whereas a missing route gets index.html. */
      isAsset: boolean;
    }
  | { kind: 'forbidden'; reason: string }
  | { kind: 'not-found'; reason: string };

/** `..` or `.` as a path segment, also percent-encoded or between backslashes. */
const DOT_SEGMENT = /(?:^|[/\\]|%2f|%5c)(?:\.|%2e){1,2}(?:$|[/\\?#]|%2f|%5c)/i;
const ENCODED_SEPARATOR_OR_NUL = /%2f|%5c|%00/i;
/** Names Windows maps to devices in any folder (`NUL`, `COM1.txt`, ...). */
const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/i;

function rawPathOf(url: string): string {
  const afterScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/\\?#]*/i, '');
  const end = afterScheme.search(/[?#]/);
  return end === -1 ? afterScheme : afterScheme.slice(0, end);
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Maps an app:// URL to a file under `rendererRoot`, refusing anything that could leave it: dot
 * segments (plain or percent-encoded, checked on the raw URL because URL parsing would quietly
 * fold them), encoded separators, backslashes, NUL bytes, drive letters and absolute paths.
 */
export function resolveAppPath(url: string, rendererRoot: string): AppPath {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'forbidden', reason: 'not a URL' };
  }
  if (
    parsed.protocol !== `${APP_SCHEME}:` ||
    parsed.hostname !== APP_HOST ||
    parsed.port !== '' ||
    parsed.username !== '' ||
    parsed.password !== ''
  ) {
    return { kind: 'not-found', reason: `not served here: ${parsed.protocol}//${parsed.host}` };
  }
  const rawPath = rawPathOf(url);
  if (DOT_SEGMENT.test(rawPath) || DOT_SEGMENT.test(parsed.pathname)) {
    return { kind: 'forbidden', reason: 'dot segment in path' };
  }
  if (ENCODED_SEPARATOR_OR_NUL.test(parsed.pathname) || parsed.pathname.includes('\\')) {
    return { kind: 'forbidden', reason: 'encoded separator, backslash or NUL in path' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'forbidden', reason: 'malformed percent-encoding' };
  }
  if (/[\0\\]/.test(decoded)) return { kind: 'forbidden', reason: 'NUL or backslash in path' };
  const segments = decoded.split('/').slice(1);
  const last = segments.length > 0 ? segments.length - 1 : 0;
  for (const [index, segment] of segments.entries()) {
    if (segment === '' && index !== last) return { kind: 'forbidden', reason: 'empty segment' };
    if (segment === '.' || segment === '..') return { kind: 'forbidden', reason: 'dot segment' };
    if (segment.includes(':')) return { kind: 'forbidden', reason: 'drive letter or stream name' };
    if (WINDOWS_DEVICE_NAME.test(segment)) return { kind: 'forbidden', reason: 'device name' };
  }
  const relativePath = segments.filter((segment) => segment !== '').join('/');
  if (posix.isAbsolute(relativePath) || win32.isAbsolute(relativePath)) {
    return { kind: 'forbidden', reason: 'absolute path' };
  }
  const root = resolve(rendererRoot);
  const filePath = relativePath === '' ? join(root, 'index.html') : resolve(root, relativePath);
  if (!isInside(root, filePath)) {
    return { kind: 'forbidden', reason: 'outside the renderer folder' };
  }
  return { kind: 'file', filePath, isAsset: extname(filePath) !== '' };
}

function respond(
  status: number,
  body: Uint8Array<ArrayBuffer> | string | null,
  extraHeaders: Record<string, string> = {},
): Response {
  const headers = new Headers({ ...APP_RESPONSE_HEADERS, ...extraHeaders });
  if (typeof body === 'string') headers.set('Content-Type', 'text/plain; charset=utf-8');
  return new Response(body, { status, headers });
}

type Served =
  { kind: 'file'; bytes: Uint8Array<ArrayBuffer> } | { kind: 'missing' } | { kind: 'outside' };

async function readInside(realRoot: string, filePath: string): Promise<Served> {
  let realTarget: string;
  try {
    realTarget = await realpath(filePath);
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    throw error;
  }
  if (!isInside(realRoot, realTarget)) return { kind: 'outside' };
  const info = await stat(realTarget);
  if (!info.isFile()) return { kind: 'missing' };
  return { kind: 'file', bytes: await readFile(realTarget) };
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export type AppRequestHandlerOptions = {
  /** The built renderer (out/renderer); nothing outside it is ever served. */
  rendererRoot: string;
  /** Briefing packs being printed, served at /print/<id> with a script-free CSP. */
  printPages?: PrintPages;
  /** Told about every refused request, so a probe shows up in the log. */
  onRefused?: (url: string, status: number, reason: string) => void;
};

/**
 * Serves the built renderer for app://registry. Free of Electron on purpose: the same handler
 * backs `protocol.handle('app')` in the app and the loopback static server of the browser tests,
 * so the files, headers and CSP under test are the ones users get.
 */
export function createAppRequestHandler({
  rendererRoot,
  printPages,
  onRefused,
}: AppRequestHandlerOptions): (request: Request) => Promise<Response> {
  const refuse = (url: string, status: number, reason: string, message: string): Response => {
    onRefused?.(url, status, reason);
    return respond(status, message, status === 405 ? { Allow: 'GET, HEAD' } : {});
  };

  return async (request) => {
    const { url, method } = request;
    if (method !== 'GET' && method !== 'HEAD') {
      return refuse(url, 405, `method ${method}`, 'Method not allowed');
    }
    const target = resolveAppPath(url, rendererRoot);
    if (target.kind === 'file' && printPages) {
      const page = printPages.lookup(new URL(url).pathname);
      if (page === null) return refuse(url, 404, 'no such print page', 'Not found');
      if (page !== undefined) {
        const bytes = new TextEncoder().encode(page);
        return respond(200, method === 'HEAD' ? null : bytes, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': String(bytes.byteLength),
          'Content-Security-Policy': PRINT_PAGE_CSP,
        });
      }
    }
    if (target.kind === 'forbidden') return refuse(url, 403, target.reason, 'Forbidden');
    if (target.kind === 'not-found') return refuse(url, 404, target.reason, 'Not found');

    try {
      const realRoot = await realpath(rendererRoot).catch((error: unknown) => {
        if (isMissing(error)) return null;
        throw error;
      });
      if (realRoot === null) return refuse(url, 404, 'the renderer is not built', 'Not found');
      let filePath = target.filePath;
      let served = await readInside(realRoot, filePath);
      if (served.kind === 'missing' && !target.isAsset) {
        filePath = join(resolve(rendererRoot), 'index.html');
        served = await readInside(realRoot, filePath);
      }
      if (served.kind === 'outside') {
        return refuse(url, 403, 'resolves outside the renderer folder', 'Forbidden');
      }
      if (served.kind === 'missing') return refuse(url, 404, 'no such file', 'Not found');
      return respond(200, method === 'HEAD' ? null : served.bytes, {
        'Content-Type': contentTypeFor(filePath),
        'Content-Length': String(served.bytes.byteLength),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return refuse(url, 500, reason, 'Internal error');
    }
  };
}
