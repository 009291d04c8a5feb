import { IDBObjectStore } from 'fake-indexeddb';
import { vi } from 'vitest';

/**
 * Makes fake-indexeddb fail the way a real disk does midway through bulk work: the first
 * `writesBefore` adds and puts succeed, then every one throws `error` (QuotaExceededError by
 * default, what Chromium raises when the disk or quota is full). Undone by vitest's restoreMocks.
 */
export function failStoreWritesAfter(
  writesBefore: number,
  error: () => Error = () =>
    new DOMException('The disk is full (injected by the test)', 'QuotaExceededError'),
) {
  let writes = 0;
  const count = { attempted: 0 };
  for (const method of ['add', 'put'] as const) {
    const original = Reflect.get(IDBObjectStore.prototype, method) as (
      this: IDBObjectStore,
      ...args: unknown[]
    ) => IDBRequest<IDBValidKey>;
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      ...args: [value: unknown, key?: IDBValidKey]
    ) {
      count.attempted += 1;
      writes += 1;
      if (writes > writesBefore) throw error();
      return original.apply(this, args);
    });
  }
  return count;
}
