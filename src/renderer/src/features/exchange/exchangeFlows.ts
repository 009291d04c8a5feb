import type { BundleContents } from '@shared/exchange/bundle';
import {
  BUNDLE_EXTENSION,
  BUNDLE_PROBLEMS,
  type BundleError,
  type BundleErrorDetails,
  bundleFileName,
  type BundleProblem,
  type BundleScope,
} from '@shared/exchange/bundleFormat';
import type { TFunction } from 'i18next';
import type { RegistryDb } from '../../db/RegistryDb';
import { IpcCallError, registryClient } from '../../ipc/registryClient';
import { collectOutgoing, registryIdOf } from './exchangeRegistry';

/** The file dialog filter for bundles. */
export const bundleFilters = (t: TFunction) => [
  { name: t('exchange.filterName'), extensions: [BUNDLE_EXTENSION] },
];

/** The most a bundle file may be when opened (the file:open limit). */
export const MAX_BUNDLE_BYTES = 512 * 1_048_576;

export type ExportTarget = { deviceId: string; deviceName: string } | null;

/** Reads a stored file's bytes (main's attachment store); null when it is not on this computer. */
export type ReadAttachment = (sha256: string) => Promise<Uint8Array<ArrayBuffer> | null>;

/** The attachment store through IPC; a file missing here is left out of the bundle. */
export const readAttachmentOverIpc: ReadAttachment = async (sha256) => {
  try {
    return (await registryClient.attachment.read({ sha256 })).bytes;
  } catch (error) {
    if (error instanceof IpcCallError && error.code === 'attachment-missing') return null;
    throw error;
  }
};

/** What goes into a bundle: the records for the target and scope, and the manifest's facts. */
export async function prepareBundle(
  db: RegistryDb,
  input: {
    device: { deviceId: string; deviceName: string };
    target: ExportTarget;
    scope: BundleScope;
    now: Date;
    readAttachment: ReadAttachment;
  },
): Promise<{ contents: BundleContents; fileName: string }> {
  const outgoing = await collectOutgoing(db, input.target?.deviceId ?? null, input.scope);
  const attachments: BundleContents['attachments'][number][] = [];
  for (const sha256 of outgoing.attachmentHashes) {
    const bytes = await input.readAttachment(sha256);
    if (bytes) attachments.push({ sha256, bytes });
  }
  return {
    contents: {
      manifest: {
        bundleId: crypto.randomUUID(),
        registryId: await registryIdOf(db),
        schemaVersion: db.verno,
        createdAt: input.now.toISOString(),
        source: input.device,
        target: input.target,
        scope: input.scope,
        throughSeq: outgoing.throughSeq,
      },
      records: outgoing.records,
      attachments,
    },
    fileName: bundleFileName(input.device.deviceName, input.now),
  };
}

/** An empty registry (no change ever logged) may join the registry a bundle comes from. */
export async function isRegistryEmpty(db: RegistryDb): Promise<boolean> {
  return (await db.changes.count()) === 0;
}

const PROBLEM_KEYS = {
  'not-a-bundle': 'exchange.problem.notABundle',
  truncated: 'exchange.problem.truncated',
  damaged: 'exchange.problem.damaged',
  'too-large': 'exchange.problem.tooLarge',
  'wrong-passphrase': 'exchange.problem.wrongPassphrase',
  'passphrase-required': 'exchange.problem.passphraseRequired',
  'weak-passphrase': 'exchange.problem.weakPassphrase',
  'unsafe-kdf': 'exchange.problem.unsafeKdf',
  'newer-format': 'exchange.problem.newerFormat',
  'newer-schema': 'exchange.problem.newerSchema',
  'other-registry': 'exchange.problem.otherRegistry',
  'unencrypted-not-allowed': 'exchange.problem.unencryptedNotAllowed',
  'duplicate-record': 'exchange.problem.duplicateRecord',
  'kind-clash': 'exchange.problem.kindClash',
} as const satisfies Record<BundleProblem, string>;

/** The message key for a problem as the exchange log stores it, or null for other codes. */
export function problemKey(problem: string | null): (typeof PROBLEM_KEYS)[BundleProblem] | null {
  return problem !== null && Object.hasOwn(PROBLEM_KEYS, problem)
    ? PROBLEM_KEYS[problem as BundleProblem]
    : null;
}

/**
 * A bundle file main refused before the import dialog could open it (not a bundle, a header it
 * cannot read, or unencrypted where the policy forbids that): the file and why, for the exchange
 * log, so a refusal at the door is recorded like one in the dialog. Null for any other failure.
 */
export function refusedBundleFile(
  error: unknown,
): { fileName: string; problem: BundleProblem } | null {
  if (!(error instanceof IpcCallError)) return null;
  const { fileName, bundleProblem, setting } = error.details;
  if (typeof fileName !== 'string') return null;
  if (error.code === 'policy-forbids' && setting === 'allowUnencryptedBundles') {
    return { fileName, problem: 'unencrypted-not-allowed' };
  }
  const problem = BUNDLE_PROBLEMS.find((known) => known === bundleProblem);
  return error.code === 'invalid-data' && problem ? { fileName, problem } : null;
}

/**
 * The user's message for a bundle problem. What the refusal names (the ids, the kinds, the
 * key-derivation setting) fills an optional clause of the sentence, so the same sentence reads
 * whole in the dialog, where the details are known, and in the exchange log, which keeps only the
 * problem.
 */
export function describeProblem(
  problem: BundleProblem,
  details: BundleErrorDetails,
  t: TFunction,
): string {
  const { recordIds = [], kindClashes = [], kdf } = details;
  const clashes = kindClashes.map((clash) =>
    t('exchange.kindClashItem', {
      id: clash.id,
      here: t(`trash.kinds.${clash.here}`),
      inBundle: t(`trash.kinds.${clash.inBundle}`),
    }),
  );
  return t(PROBLEM_KEYS[problem], {
    ids: recordIds.length > 0 ? ` (${recordIds.join(', ')})` : '',
    clashes: clashes.length > 0 ? `: ${clashes.join('; ')}` : '',
    kdf: kdf ? t('exchange.kdfSetting', { ...kdf }) : '',
  });
}

/** The user's message for a refused bundle, naming the ids, kinds or setting concerned. */
export function describeBundleProblem(error: BundleError, t: TFunction): string {
  return describeProblem(error.problem, error.details, t);
}

/** A problem as the exchange log stores it (a code), described; null for an unknown code. */
export function describeLoggedProblem(problem: string | null, t: TFunction): string | null {
  const known = BUNDLE_PROBLEMS.find((candidate) => candidate === problem);
  return known ? describeProblem(known, {}, t) : null;
}
