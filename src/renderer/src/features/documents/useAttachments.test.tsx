// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IpcChannel } from '@shared/ipc/contract';
import { buildRegistryBridge } from '@shared/ipc/bridge';
import type { DocumentFile } from '@shared/model/records';
import { useStoredFile } from './useAttachments';

afterEach(cleanup);

const FILE: DocumentFile = {
  sha256: 'a'.repeat(64),
  name: 'Minutes.pdf',
  mediaType: 'application/pdf',
  size: 1_000,
};

/** Main as the hook sees it: each attachment:inspect answered by `isStored`, and counted. */
const main = { isStored: true, inspections: 0 };

beforeAll(() => {
  const invoke = (channel: IpcChannel) => {
    if (channel !== 'attachment:inspect') throw new Error(`${channel} is not asked in this test`);
    main.inspections += 1;
    return Promise.resolve(
      main.isStored
        ? { ok: true, value: { canOpen: true, type: 'pdf' } }
        : {
            ok: false,
            error: {
              code: 'attachment-missing',
              message: 'The file “Minutes.pdf” is missing from this computer.',
              details: { fileName: 'Minutes.pdf' },
            },
          },
    );
  };
  Object.defineProperty(window, 'registry', { value: buildRegistryBridge(invoke) });
});

const focusWindow = () => act(() => void window.dispatchEvent(new Event('focus')));

describe('useStoredFile', () => {
  it('asks main once about a file it found, however often the window regains focus', async () => {
    Object.assign(main, { isStored: true, inspections: 0 });
    const { result } = renderHook(() => useStoredFile(FILE));
    expect(result.current).toEqual({ status: 'looking' });
    await waitFor(() =>
      expect(result.current).toEqual({
        status: 'inspected',
        verdict: { canOpen: true, type: 'pdf' },
      }),
    );
    focusWindow();
    focusWindow();
    await act(() => Promise.resolve());
    expect(main.inspections).toBe(1);
  });

  it('takes "missing" from the same answer, and asks again on focus until the file is back', async () => {
    Object.assign(main, { isStored: false, inspections: 0 });
    const { result } = renderHook(() => useStoredFile(FILE));
    await waitFor(() => expect(result.current).toEqual({ status: 'missing' }));
    focusWindow();
    await waitFor(() => expect(main.inspections).toBe(2));
    expect(result.current).toEqual({ status: 'missing' });

    main.isStored = true;
    focusWindow();
    await waitFor(() => expect(result.current).toMatchObject({ status: 'inspected' }));
    focusWindow();
    await act(() => Promise.resolve());
    expect(main.inspections).toBe(3);
  });
});
