import fc from 'fast-check';

/**
 * The reliability suite's fuzz tests, each with a fixed seed (a failure replays exactly) and a
 * run count small enough that all of them together add well under a minute to `npm test`.
 * tests/RELIABILITY.md quotes these counts; change them here and there together.
 */
export const FUZZ_RUNS = {
  csvRandomBytes: 1_000,
  csvMutatedText: 1_000,
  xlsxMutated: 200,
  xlsxRandomBytes: 300,
  snapshotMutated: 1_000,
  snapshotRandomJson: 1_000,
  importFileRandomBytes: 1_000,
  backupMutated: 2_000,
  backupHostileNames: 1_000,
  backupAbsurdSizes: 300,
  policyRandomBytes: 500,
  policyRandomSettings: 1_000,
} as const;
export type FuzzName = keyof typeof FUZZ_RUNS;

/** One seed for the whole suite, so every run tries the same inputs. */
export const FUZZ_SEED = 20_261_127;

/**
 * A run that takes longer than this is treated as a hang: no input of the sizes fuzzed here takes
 * more than a fraction of it, so only a loop that does not end (or an explosion) reaches it.
 */
export const FUZZ_RUN_LIMIT_MS = 5_000;

/**
 * The time one fuzz test (all its runs) may take before vitest gives up: generous, because the
 * machine is shared; each run's own hang limit is what catches a parser that does not stop.
 */
export const FUZZ_TEST_TIMEOUT_MS = 120_000;

/** fast-check parameters for one named fuzz test: its fixed seed and its run count. */
export function fuzzParameters(name: FuzzName): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: FUZZ_RUNS[name], endOnFailure: true };
}

/** The answer of `run`, or a failure naming the input's job when it does not finish in time. */
export async function withinTimeLimit<T>(what: string, run: () => Promise<T> | T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const started = Date.now();
  let result: T;
  try {
    result = await Promise.race([
      Promise.resolve().then(run),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`${what} did not finish within ${FUZZ_RUN_LIMIT_MS} ms: a hang`));
        }, FUZZ_RUN_LIMIT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  // A synchronous parser cannot be interrupted; it is at least caught when it comes back late.
  const elapsed = Date.now() - started;
  if (elapsed > FUZZ_RUN_LIMIT_MS) {
    throw new Error(`${what} took ${elapsed} ms, past the ${FUZZ_RUN_LIMIT_MS} ms hang limit`);
  }
  return result;
}

/** Damage a valid file the ways files get damaged: cut short, bytes changed, bytes inserted. */
export const byteMutations = (length: number): fc.Arbitrary<ByteMutation[]> =>
  fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.nat({ max: Math.max(0, length - 1) }),
        value: fc.integer({ min: 0, max: 255 }),
      }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat({ max: length }) }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat({ max: length }),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      }),
      fc.record({
        kind: fc.constant('remove' as const),
        at: fc.nat({ max: length }),
        count: fc.integer({ min: 1, max: 64 }),
      }),
    ),
    { minLength: 1, maxLength: 5 },
  );

export type ByteMutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'remove'; at: number; count: number };

/** The bytes of `original` with each mutation applied in turn (positions wrap to the length). */
export function applyMutations(original: Uint8Array, mutations: readonly ByteMutation[]) {
  let bytes = original.slice();
  for (const mutation of mutations) {
    const at = bytes.length === 0 ? 0 : mutation.at % (bytes.length + 1);
    if (mutation.kind === 'flip') {
      if (bytes.length > 0) bytes[Math.min(at, bytes.length - 1)] = mutation.value;
    } else if (mutation.kind === 'cut') {
      bytes = bytes.slice(0, at);
    } else if (mutation.kind === 'insert') {
      const next = new Uint8Array(bytes.length + mutation.bytes.length);
      next.set(bytes.subarray(0, at), 0);
      next.set(mutation.bytes, at);
      next.set(bytes.subarray(at), at + mutation.bytes.length);
      bytes = next;
    } else {
      const next = new Uint8Array(bytes.length - Math.min(mutation.count, bytes.length - at));
      next.set(bytes.subarray(0, at), 0);
      next.set(bytes.subarray(at + mutation.count), at);
      bytes = next;
    }
  }
  return bytes;
}
