// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isInsideOpenPopup } from './isInsideOpenPopup';
import { useFocusShortcut, useShortcut } from './useShortcut';

afterEach(cleanup);

/** Presses a key on an element (the focused field, as far as listeners can tell). */
function press(
  target: EventTarget,
  key: string,
  code: string,
  modifiers: KeyboardEventInit = {},
): KeyboardEvent {
  const event = new KeyboardEvent('keydown', {
    key,
    code,
    bubbles: true,
    cancelable: true,
    ...modifiers,
  });
  target.dispatchEvent(event);
  return event;
}

type SaveKeyProps = { onSave: () => void; isEnabled?: boolean; phase?: 'capture' | 'bubble' };

function SaveKey({ onSave, isEnabled, phase }: SaveKeyProps) {
  useShortcut(
    'mod+s',
    (event) => {
      event.preventDefault();
      onSave();
    },
    { isEnabled, phase },
  );
  return (
    <div onKeyDown={(event) => event.stopPropagation()}>
      <input aria-label="Greedy field" />
    </div>
  );
}

describe('useShortcut', () => {
  it('runs for its keys from anywhere on the page, and only for them', () => {
    const onSave = vi.fn();
    render(<SaveKey onSave={onSave} />);
    const saved = press(document.body, 's', 'KeyS', { ctrlKey: true });
    press(document.body, 's', 'KeyS');
    press(document.body, 'n', 'KeyN', { ctrlKey: true });
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(saved.defaultPrevented).toBe(true);
  });

  it('stops listening when the screen goes away', () => {
    const onSave = vi.fn();
    const { unmount } = render(<SaveKey onSave={onSave} />);
    unmount();
    const event = press(document.body, 's', 'KeyS', { ctrlKey: true });
    expect(onSave).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
  });

  it('does not listen while disabled', () => {
    const onSave = vi.fn();
    const { rerender } = render(<SaveKey onSave={onSave} isEnabled={false} />);
    press(document.body, 's', 'KeyS', { ctrlKey: true });
    expect(onSave).not.toHaveBeenCalled();
    rerender(<SaveKey onSave={onSave} isEnabled />);
    press(document.body, 's', 'KeyS', { ctrlKey: true });
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('in the capture phase, acts even when the focused control stops the key', () => {
    const onSave = vi.fn();
    const { getByLabelText } = render(<SaveKey onSave={onSave} phase="capture" />);
    press(getByLabelText('Greedy field'), 's', 'KeyS', { ctrlKey: true });
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('in the bubble phase, leaves a key that a control handled and stopped', () => {
    const onSave = vi.fn();
    const { getByLabelText } = render(<SaveKey onSave={onSave} phase="bubble" />);
    press(getByLabelText('Greedy field'), 's', 'KeyS', { ctrlKey: true });
    expect(onSave).not.toHaveBeenCalled();
  });
});

function FilterField() {
  const ref = useRef<HTMLInputElement>(null);
  useFocusShortcut('mod+f', ref);
  return (
    <>
      <input aria-label="Filter" ref={ref} defaultValue="Prague" />
      <button type="button">Elsewhere</button>
      <div role="dialog">
        <button type="button">Inside a dialog</button>
      </div>
    </>
  );
}

describe('useFocusShortcut', () => {
  it('puts the cursor in the field with its text selected, and keeps the key from the browser', () => {
    const { getByLabelText, getByText } = render(<FilterField />);
    const filter = getByLabelText('Filter') as HTMLInputElement;
    getByText('Elsewhere').focus();
    const event = press(getByText('Elsewhere'), 'f', 'KeyF', { ctrlKey: true });
    expect(document.activeElement).toBe(filter);
    expect([filter.selectionStart, filter.selectionEnd]).toEqual([0, 'Prague'.length]);
    expect(event.defaultPrevented).toBe(true);
  });

  it('leaves focus in an open dialog', () => {
    const { getByText } = render(<FilterField />);
    const inDialog = getByText('Inside a dialog');
    inDialog.focus();
    press(inDialog, 'f', 'KeyF', { ctrlKey: true });
    expect(document.activeElement).toBe(inDialog);
  });
});

describe('isInsideOpenPopup', () => {
  it('tells an Autocomplete with its options showing from one without', () => {
    document.body.innerHTML = `
      <input id="open" role="combobox" aria-expanded="true">
      <input id="closed" role="combobox" aria-expanded="false">
      <ul role="listbox"><li id="option" role="option">Georgia</li></ul>
      <textarea id="notes"></textarea>`;
    expect(isInsideOpenPopup(document.getElementById('open'))).toBe(true);
    expect(isInsideOpenPopup(document.getElementById('option'))).toBe(true);
    expect(isInsideOpenPopup(document.getElementById('closed'))).toBe(false);
    expect(isInsideOpenPopup(document.getElementById('notes'))).toBe(false);
    expect(isInsideOpenPopup(window)).toBe(false);
  });
});
