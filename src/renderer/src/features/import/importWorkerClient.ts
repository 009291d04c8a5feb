import type { ImportMapping } from '@shared/import/guessMapping';
import type { RowPlan } from '@shared/import/rowPlan';
import type {
  FileSummary,
  RegistryLookups,
  WorkerFailure,
  WorkerRequest,
  WorkerResponse,
} from './importProtocol';

/** A request the worker answered with a failure; `failure` says what the UI should tell. */
export class ImportWorkerError extends Error {
  constructor(readonly failure: WorkerFailure) {
    super(failure.kind === 'unexpected' ? failure.message : `Import file refused: ${failure.code}`);
    this.name = 'ImportWorkerError';
  }
}

/** Progress of the running request: how much of it is done, out of how much. */
export type ProgressListener = (done: number, total: number) => void;

type Pending = {
  resolve: (response: WorkerResponse) => void;
  reject: (error: Error) => void;
  onProgress?: ProgressListener;
};

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * The wizard's handle on its worker: one request at a time in practice, answered by promise.
 * `terminate()` is Cancel: the worker stops mid-parse and every pending request is rejected.
 */
export class ImportWorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private isTerminated = false;

  constructor(createWorker: () => Worker = createImportWorker) {
    this.worker = createWorker();
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(
        new ImportWorkerError({
          kind: 'unexpected',
          message: event.message || 'The import worker stopped',
        }),
      );
    };
  }

  read(name: string, bytes: Uint8Array, onProgress?: ProgressListener): Promise<FileSummary> {
    // Hand the bytes over rather than copying them: a 100 MB file need not exist twice.
    const isWhole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const transfer = isWhole && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
    return this.send({ type: 'read', name, bytes }, onProgress, transfer).then(
      (response) => this.expect(response, 'read').summary,
    );
  }

  validate(
    sheet: number,
    mapping: ImportMapping,
    lookups: RegistryLookups,
    onProgress?: ProgressListener,
  ): Promise<RowPlan[]> {
    return this.send({ type: 'validate', sheet, mapping, lookups }, onProgress).then(
      (response) => this.expect(response, 'validated').plans,
    );
  }

  validateSnapshot(lookups: RegistryLookups, onProgress?: ProgressListener): Promise<RowPlan[]> {
    return this.send({ type: 'validateSnapshot', lookups }, onProgress).then(
      (response) => this.expect(response, 'validated').plans,
    );
  }

  rejectedCsv(
    request: WithoutId<Extract<WorkerRequest, { type: 'rejectedCsv' }>>,
  ): Promise<Uint8Array<ArrayBuffer>> {
    return this.send(request).then((response) => this.expect(response, 'bytes').bytes);
  }

  terminate(): void {
    if (this.isTerminated) return;
    this.isTerminated = true;
    this.worker.terminate();
    this.failAll(new DOMException('The import was cancelled', 'AbortError'));
  }

  private send(
    request: WithoutId<WorkerRequest>,
    onProgress?: ProgressListener,
    transfer: Transferable[] = [],
  ): Promise<WorkerResponse> {
    if (this.isTerminated)
      return Promise.reject(new DOMException('The import was cancelled', 'AbortError'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  private receive(response: WorkerResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    if (response.type === 'progress') {
      pending.onProgress?.(response.done, response.total);
      return;
    }
    this.pending.delete(response.id);
    if (response.type === 'error') pending.reject(new ImportWorkerError(response.failure));
    else pending.resolve(response);
  }

  private expect<T extends WorkerResponse['type']>(
    response: WorkerResponse,
    type: T,
  ): Extract<WorkerResponse, { type: T }> {
    if (response.type !== type)
      throw new Error(`The import worker answered ${response.type}, not ${type}`);
    return response as Extract<WorkerResponse, { type: T }>;
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

/** The worker, bundled by Vite as its own module and served from the app's origin. */
function createImportWorker(): Worker {
  return new Worker(new URL('./importWorker.ts', import.meta.url), {
    type: 'module',
    name: 'import',
  });
}
