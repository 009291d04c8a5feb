import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { createAppRequestHandler } from '../../../src/main/protocol/appProtocol';

export type RendererServer = { origin: string; close: () => Promise<void> };

/** The built renderer; `npm run build` writes it. */
export const RENDERER_ROOT = resolve(__dirname, '../../../out/renderer');

/**
 * Serves out/renderer on loopback through the app's own app:// request handler, so the pages under
 * test get exactly the files, headers and Content-Security-Policy that Electron would serve.
 */
export async function startRendererServer(): Promise<RendererServer> {
  const handle = createAppRequestHandler({ rendererRoot: RENDERER_ROOT });
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'app://registry');
    handle(new Request(`app://registry${url.pathname}${url.search}`, { method: request.method }))
      .then((answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        if (answer.body) Readable.fromWeb(answer.body as never).pipe(response);
        else response.end();
      })
      .catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
