import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APP_RESPONSE_HEADERS,
  contentTypeFor,
  createAppRequestHandler,
  resolveAppPath,
} from './appProtocol';
import { PRINT_PAGE_CSP, PrintPages } from './printPages';

const SECRET = 'TOP-SECRET-CONTENT';
const INDEX = '<!doctype html><title>Registry</title><div id="root"></div>';

let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;
let refusals: Array<{ url: string; status: number }>;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'app-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), INDEX);
  await writeFile(join(root, 'assets', 'index-abc123.js'), 'console.log("app")');
  await writeFile(join(root, 'assets', 'index-abc123.css'), 'body{margin:0}');
  await writeFile(join(root, 'assets', 'roboto.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(join(base, 'secret.txt'), SECRET);
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'leak.txt'));
  await symlink(base, join(root, 'outside'));
  refusals = [];
  handler = createAppRequestHandler({
    rendererRoot: root,
    onRefused: (url, status) => refusals.push({ url, status }),
  });
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, init?: RequestInit) => handler(new Request(url, init));

function expectSecurityHeaders(response: Response): void {
  for (const [name, value] of Object.entries(APP_RESPONSE_HEADERS)) {
    expect(response.headers.get(name), name).toBe(value);
  }
}

describe('createAppRequestHandler', () => {
  it('serves index.html for the root with the strict CSP and security headers', async () => {
    const response = await get('app://registry/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(INDEX);
    expectSecurityHeaders(response);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('serves assets with the content type their extension calls for', async () => {
    const js = await get('app://registry/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("app")');
    const css = await get('app://registry/assets/index-abc123.css?v=1#x');
    expect(css.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    const font = await get('app://registry/assets/roboto.woff2');
    expect(font.headers.get('Content-Type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(
      new Uint8Array([0x77, 0x4f, 0x46, 0x32]),
    );
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await get('app://registry/index.html', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Length')).toBe(String(Buffer.byteLength(INDEX)));
    expect(await response.text()).toBe('');
  });

  it('falls back to index.html for a client-side route (no extension)', async () => {
    const response = await get('app://registry/partners/0b6f8a52/edit');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(INDEX);
  });

  it('answers 404 for a missing asset instead of serving the page as script', async () => {
    const response = await get('app://registry/assets/missing-chunk.js');
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });

  it('answers 404 for any host but registry', async () => {
    const response = await get('app://evil/index.html');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Registry');
    expectSecurityHeaders(response);
  });

  it.each(['POST', 'PUT', 'DELETE'])('answers 405 to %s', async (method) => {
    const response = await get('app://registry/index.html', { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD');
    expectSecurityHeaders(response);
  });

  it.each([
    'app://registry/..%2fsecret.txt',
    'app://registry/assets/..%2f..%2fsecret.txt',
    'app://registry/assets/..\\..\\secret.txt',
    'app://registry/assets/%2e%2e%5c%2e%2e%5csecret.txt',
    'app://registry/secret.txt%00.js',
    'app://registry//etc/passwd',
    'app://registry/C:/Windows/win.ini',
    'app://registry/assets/%E0%A4%A',
  ])('refuses %s with 403', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(SECRET);
    expectSecurityHeaders(response);
    expect(refusals).toEqual([{ url: new Request(url).url, status: 403 }]);
  });

  it.each(['app://registry/../secret.txt', 'app://registry/%2e%2e/secret.txt'])(
    'never serves the secret for %s (URL parsing folds the dots, leaving a missing file)',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(SECRET);
    },
  );

  it('refuses a symlink that points outside the renderer folder', async () => {
    for (const url of ['app://registry/assets/leak.txt', 'app://registry/outside/secret.txt']) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expect(await response.text()).not.toContain(SECRET);
    }
  });

  it('answers 404 when the renderer has not been built', async () => {
    const missing = createAppRequestHandler({ rendererRoot: join(base, 'not-built') });
    const response = await missing(new Request('app://registry/'));
    expect(response.status).toBe(404);
  });
});

describe('resolveAppPath', () => {
  it('maps / and paths below it into the renderer folder', () => {
    expect(resolveAppPath('app://registry/', '/srv/renderer')).toEqual({
      kind: 'file',
      filePath: join('/srv/renderer', 'index.html'),
      isAsset: true,
    });
    expect(resolveAppPath('app://registry/assets/a%20b.js?x=1', '/srv/renderer')).toEqual({
      kind: 'file',
      filePath: join('/srv/renderer', 'assets', 'a b.js'),
      isAsset: true,
    });
    expect(resolveAppPath('app://registry/partners/42', '/srv/renderer')).toMatchObject({
      kind: 'file',
      isAsset: false,
    });
  });

  it.each([
    'app://registry/../secret.txt',
    'app://registry/%2e%2e/secret.txt',
    'app://registry/%2E%2E/secret.txt',
    'app://registry/assets/.%2e/.%2e/secret.txt',
    'app://registry/..%2fsecret.txt',
    'app://registry/assets/..\\..\\secret.txt',
    'app://registry/a%00b.txt',
    'app://registry/NUL.txt',
    'app://registry/index.html::$DATA',
  ])('refuses %s before touching the disk', (url) => {
    expect(resolveAppPath(url, '/srv/renderer').kind).toBe('forbidden');
  });

  it.each(['app://other/index.html', 'app://registry:8080/index.html', 'https://registry/'])(
    'does not serve %s',
    (url) => {
      expect(resolveAppPath(url, '/srv/renderer').kind).toBe('not-found');
    },
  );

  it('allows dotted file names that are not dot segments', () => {
    expect(resolveAppPath('app://registry/assets/a..b.js', '/srv/renderer').kind).toBe('file');
    expect(resolveAppPath('app://registry/.well-known/x.json', '/srv/renderer').kind).toBe('file');
    expect(resolveAppPath('app://registry/..hidden.js', '/srv/renderer').kind).toBe('file');
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.map', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.PNG', 'image/png'],
    ['favicon.ico', 'image/x-icon'],
    ['a.woff', 'font/woff'],
    ['a.ttf', 'font/ttf'],
    ['a.txt', 'text/plain; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
    ['a.unknown', 'application/octet-stream'],
  ])('%s → %s', (name, type) => {
    expect(contentTypeFor(name)).toBe(type);
  });
});

describe('print pages (briefing packs on their way to PDF)', () => {
  const pack = `<!doctype html><h1>Beynəlxalq Miqrasiya Təşkilatı</h1><p>${'Сотрудничество '.repeat(200_000)}</p>`;

  it('serves a pack larger than any data: URL under its one-time id, without any script source', async () => {
    const pages = new PrintPages();
    const printing = createAppRequestHandler({ rendererRoot: root, printPages: pages });
    const page = pages.add(pack);
    expect(pack.length).toBeGreaterThan(2 * 1_048_576);

    const response = await printing(new Request(page.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(pack);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toBe(PRINT_PAGE_CSP);
    expect(csp).not.toContain('script-src');
    expect(csp).toContain("default-src 'none'");
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');

    page.release();
    expect((await printing(new Request(page.url))).status).toBe(404);
  });

  it('answers 404 for an id it does not hold, and leaves every other path to the renderer', async () => {
    const pages = new PrintPages();
    const printing = createAppRequestHandler({ rendererRoot: root, printPages: pages });
    pages.add(pack);
    const guessed = `app://registry/print/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`;
    expect((await printing(new Request(guessed))).status).toBe(404);
    expect((await printing(new Request('app://registry/print/secret.txt'))).status).toBe(404);
    expect((await printing(new Request('app://registry/print/../secret.txt'))).status).not.toBe(
      200,
    );
    const index = await printing(new Request('app://registry/partners'));
    expect(await index.text()).toBe(INDEX);
  });
});
