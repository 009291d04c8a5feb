import type { BundleContents, OpenBundleOptions, OpenedBundle } from '@shared/exchange/bundle';
import { BundleError } from '@shared/exchange/bundleFormat';
import type { ExchangeWorkerRequest, ExchangeWorkerResponse } from './exchangeProtocol';

function createExchangeWorker(): Worker {
  return new Worker(new URL('./exchangeWorker.ts', import.meta.url), {
    type: 'module',
    name: 'exchange',
  });
}

function run(
  request: ExchangeWorkerRequest,
  transfer: Transferable[] = [],
): Promise<ExchangeWorkerResponse> {
  const worker = createExchangeWorker();
  return new Promise<ExchangeWorkerResponse>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ExchangeWorkerResponse>) => resolve(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'The exchange worker stopped'));
    };
    worker.postMessage(request, transfer);
  }).finally(() => worker.terminate());
}

function unwrap<T extends ExchangeWorkerResponse['type']>(
  response: ExchangeWorkerResponse,
  type: T,
): Extract<ExchangeWorkerResponse, { type: T }> {
  if (response.type === 'refused') {
    throw new BundleError(response.problem, response.message, response.details);
  }
  if (response.type === 'failed') throw new Error(response.message);
  if (response.type !== type) throw new Error(`Unexpected answer ${response.type}`);
  return response as Extract<ExchangeWorkerResponse, { type: T }>;
}

/** Encrypts and packs a bundle in the worker; throws BundleError (weak-passphrase) when refused. */
export async function writeBundleInWorker(
  contents: BundleContents,
  passphrase: string | null,
): Promise<Uint8Array<ArrayBuffer>> {
  return unwrap(await run({ type: 'write', contents, passphrase }), 'written').bytes;
}

/** Decrypts and checks a received bundle in the worker; throws BundleError when refused. */
export async function openBundleInWorker(
  bytes: Uint8Array<ArrayBuffer>,
  options: OpenBundleOptions,
): Promise<OpenedBundle> {
  // A copy goes over, so the caller can try again (another passphrase) with the same bytes.
  return unwrap(await run({ type: 'open', bytes: bytes.slice(), options }), 'opened').bundle;
}
