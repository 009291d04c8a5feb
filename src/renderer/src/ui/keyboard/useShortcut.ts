import { useEffect, useEffectEvent, type RefObject } from 'react';
import { isInsideModal } from './isInsideOpenPopup';
import { matchesShortcut, type Shortcut } from './matchesShortcut';

type ShortcutOptions = {
  /** Listens only while true; false removes the listener. */
  isEnabled?: boolean;
  /**
   * 'capture' sees the key before the focused control, which cannot swallow it: for keys the
   * browser itself would act on (Ctrl+S, Ctrl+N, Ctrl+F), so preventDefault always happens.
   * 'bubble' (the default) comes last, after open popups, menus and dialogs have handled it and
   * stopped it: for Esc, which belongs to the innermost open thing first.
   */
  phase?: 'capture' | 'bubble';
};

/**
 * Runs `onKey` for the shortcut while the component is mounted, wherever focus is. The listener is
 * on `window` (not on the component) so the key works from any field, and it is removed on unmount,
 * so a screen's keys leave with it. `onKey` decides about preventDefault: Esc must stay with a
 * popup that handles it, Ctrl+S must never reach the browser.
 */
export function useShortcut(
  shortcut: Shortcut,
  onKey: (event: KeyboardEvent) => void,
  { isEnabled = true, phase = 'bubble' }: ShortcutOptions = {},
): void {
  const handleKey = useEffectEvent((event: KeyboardEvent) => {
    if (matchesShortcut(event, shortcut)) onKey(event);
  });
  useEffect(() => {
    if (!isEnabled) return undefined;
    const capture = phase === 'capture';
    const listener = (event: KeyboardEvent) => handleKey(event);
    window.addEventListener('keydown', listener, capture);
    return () => window.removeEventListener('keydown', listener, capture);
  }, [isEnabled, phase]);
}

/**
 * Moves focus to a field on its shortcut and selects what is in it, ready to type over: Ctrl+F for
 * a list's filter. Not while a dialog or menu is open, whose focus must stay inside it.
 */
export function useFocusShortcut(
  shortcut: Shortcut,
  ref: RefObject<HTMLElement | null>,
  { isEnabled = true }: Pick<ShortcutOptions, 'isEnabled'> = {},
): void {
  useShortcut(
    shortcut,
    (event) => {
      event.preventDefault();
      const field = ref.current;
      if (!field || isInsideModal(event.target)) return;
      field.focus();
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.select();
    },
    { isEnabled, phase: 'capture' },
  );
}
