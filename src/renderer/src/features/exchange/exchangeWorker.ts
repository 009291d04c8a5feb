/**
 * The exchange's sandbox: bundles are encrypted and zipped here, and received bundles are
 * decrypted, checked and parsed here, off the UI thread and away from the registry, with the pure
 * code of src/shared/exchange. Argon2id's 64 MiB live here too, and go with the worker: one request
 * per worker; the page ends the worker afterwards.
 */
import { openBundle, writeBundle } from '@shared/exchange/bundle';
import { BundleError } from '@shared/exchange/bundleFormat';
import type { ExchangeWorkerRequest, ExchangeWorkerResponse } from './exchangeProtocol';

type WorkerScope = {
  onmessage: ((event: MessageEvent<ExchangeWorkerRequest>) => void) | null;
  postMessage: (message: ExchangeWorkerResponse, transfer?: Transferable[]) => void;
};
const scope = self as unknown as WorkerScope;

async function handle(request: ExchangeWorkerRequest): Promise<void> {
  try {
    if (request.type === 'write') {
      const bytes = await writeBundle(request.contents, { passphrase: request.passphrase });
      scope.postMessage({ type: 'written', bytes }, [bytes.buffer]);
    } else {
      const bundle = await openBundle(request.bytes, request.options);
      scope.postMessage({ type: 'opened', bundle });
    }
  } catch (error) {
    if (error instanceof BundleError) {
      scope.postMessage({
        type: 'refused',
        problem: error.problem,
        message: error.message,
        details: error.details,
      });
    } else {
      scope.postMessage({
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

scope.onmessage = (event) => void handle(event.data);
