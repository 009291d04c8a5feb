import type { BundleContents, OpenBundleOptions, OpenedBundle } from '@shared/exchange/bundle';
import type { BundleErrorDetails, BundleProblem } from '@shared/exchange/bundleFormat';

/** Messages between the exchange page and its worker, which handles every bundle's bytes. */
export type ExchangeWorkerRequest =
  | { type: 'write'; contents: BundleContents; passphrase: string | null }
  | { type: 'open'; bytes: Uint8Array<ArrayBuffer>; options: OpenBundleOptions };

export type ExchangeWorkerResponse =
  | { type: 'written'; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'opened'; bundle: OpenedBundle }
  | { type: 'refused'; problem: BundleProblem; message: string; details: BundleErrorDetails }
  | { type: 'failed'; message: string };
