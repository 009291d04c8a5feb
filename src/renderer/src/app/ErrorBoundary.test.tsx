// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { useState } from 'react';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { en } from '@shared/i18n/messages/en';

const reportError = vi.fn(() => Promise.resolve({ logFile: '/data/logs/renderer-errors.log' }));
vi.mock('../ipc/registryClient', () => ({
  registryClient: { diagnostics: { reportError } },
}));

const { ErrorBoundary } = await import('./ErrorBoundary');

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'en',
    resources: { en: { translation: en } },
  });
});
afterEach(cleanup);

let shouldThrow = true;
function Fragile() {
  if (shouldThrow) throw new Error('Cannot read the partner list');
  return <p>Partner list</p>;
}

function Harness() {
  const [path, setPath] = useState('/partners');
  return (
    <>
      <button onClick={() => setPath('/agreements')}>Go to agreements</button>
      <ErrorBoundary resetKey={path}>
        <Fragile />
      </ErrorBoundary>
    </>
  );
}

describe('ErrorBoundary', () => {
  it('shows what happened and what to do instead of a blank window, and logs it in main', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    shouldThrow = true;
    render(<Harness />);
    expect(screen.getByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining(en.errors.title),
    );
    expect(screen.getByText('Cannot read the partner list')).toBeTruthy();
    expect(reportError).toHaveBeenCalledWith(
      expect.objectContaining({
        message: 'Cannot read the partner list',
        componentStack: expect.stringContaining('Fragile') as unknown,
      }),
    );
  });

  it('recovers on "Try again" once the cause is gone, and on moving to another screen', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    shouldThrow = true;
    render(<Harness />);
    shouldThrow = false;
    fireEvent.click(screen.getByRole('button', { name: en.errors.retry }));
    expect(screen.getByText('Partner list')).toBeTruthy();

    cleanup();
    shouldThrow = true;
    render(<Harness />);
    shouldThrow = false;
    fireEvent.click(screen.getByRole('button', { name: 'Go to agreements' }));
    expect(screen.getByText('Partner list')).toBeTruthy();
  });
});
