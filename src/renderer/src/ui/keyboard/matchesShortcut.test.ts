import { describe, expect, it } from 'vitest';
import {
  ariaKeyShortcuts,
  matchesShortcut,
  shortcutLabel,
  type ShortcutKeyEvent,
} from './matchesShortcut';

/** A keydown as Chromium reports it; only what is given differs from a bare key press. */
function key(
  keyValue: string,
  code: string,
  modifiers: Partial<Omit<ShortcutKeyEvent, 'key' | 'code'>> = {},
): ShortcutKeyEvent {
  return {
    key: keyValue,
    code,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    isComposing: false,
    ...modifiers,
  };
}

describe('matchesShortcut', () => {
  it('reads "mod" as Ctrl on Windows and Linux', () => {
    expect(matchesShortcut(key('s', 'KeyS', { ctrlKey: true }), 'mod+s', 'other')).toBe(true);
    expect(matchesShortcut(key('s', 'KeyS', { metaKey: true }), 'mod+s', 'other')).toBe(false);
  });

  it('reads "mod" as ⌘ on macOS, where Ctrl+S is not Save', () => {
    expect(matchesShortcut(key('s', 'KeyS', { metaKey: true }), 'mod+s', 'mac')).toBe(true);
    expect(matchesShortcut(key('s', 'KeyS', { ctrlKey: true }), 'mod+s', 'mac')).toBe(false);
  });

  it('needs the modifier: a plain "s" typed in a field is text', () => {
    expect(matchesShortcut(key('s', 'KeyS'), 'mod+s', 'other')).toBe(false);
  });

  it('wants exactly the shortcut’s modifiers', () => {
    const ctrlShiftS = key('S', 'KeyS', { ctrlKey: true, shiftKey: true });
    expect(matchesShortcut(ctrlShiftS, 'mod+s', 'other')).toBe(false);
    expect(matchesShortcut(ctrlShiftS, 'mod+shift+s', 'other')).toBe(true);
    // AltGr arrives as Ctrl+Alt on Windows: AltGr+S types a character, it does not save.
    expect(
      matchesShortcut(key('ś', 'KeyS', { ctrlKey: true, altKey: true }), 'mod+s', 'other'),
    ).toBe(false);
    expect(matchesShortcut(key('Escape', 'Escape', { shiftKey: true }), 'escape')).toBe(false);
  });

  it('finds the letter on a Russian layout by its place on the keyboard', () => {
    expect(matchesShortcut(key('ы', 'KeyS', { ctrlKey: true }), 'mod+s', 'other')).toBe(true);
    expect(matchesShortcut(key('т', 'KeyN', { ctrlKey: true }), 'mod+n', 'other')).toBe(true);
    expect(matchesShortcut(key('ы', 'KeyS', { ctrlKey: true }), 'mod+n', 'other')).toBe(false);
  });

  it('follows the printed letter on Latin layouts that move it (AZERTY)', () => {
    // On AZERTY the key in QWERTY's A position types "q".
    expect(matchesShortcut(key('q', 'KeyA', { ctrlKey: true }), 'mod+a', 'other')).toBe(false);
    expect(matchesShortcut(key('q', 'KeyA', { ctrlKey: true }), 'mod+q', 'other')).toBe(true);
  });

  it('matches named keys, including the old "Esc" name', () => {
    expect(matchesShortcut(key('Escape', 'Escape'), 'escape')).toBe(true);
    expect(matchesShortcut(key('Esc', 'Escape'), 'escape')).toBe(true);
    expect(matchesShortcut(key('Enter', 'Enter'), 'escape')).toBe(false);
  });

  it('leaves keys to an input method that is composing a character', () => {
    expect(matchesShortcut(key('Escape', 'Escape', { isComposing: true }), 'escape')).toBe(false);
  });

  it('refuses a misspelt shortcut instead of never matching', () => {
    expect(() => matchesShortcut(key('s', 'KeyS'), 'ctl+s')).toThrow('Not a shortcut: "ctl+s"');
    expect(() => matchesShortcut(key('s', 'KeyS'), 'mod+')).toThrow();
  });
});

describe('shortcutLabel', () => {
  it('prints the keys as Windows and Linux keyboards do', () => {
    expect(shortcutLabel('mod+s', 'other')).toBe('Ctrl+S');
    expect(shortcutLabel('mod+shift+z', 'other')).toBe('Ctrl+Shift+Z');
    expect(shortcutLabel('escape', 'other')).toBe('Esc');
  });

  it('prints macOS symbols in Apple’s order', () => {
    expect(shortcutLabel('mod+s', 'mac')).toBe('⌘S');
    expect(shortcutLabel('mod+shift+z', 'mac')).toBe('⇧⌘Z');
    expect(shortcutLabel('escape', 'mac')).toBe('Esc');
  });
});

describe('ariaKeyShortcuts', () => {
  it('names the keys as aria-keyshortcuts expects', () => {
    expect(ariaKeyShortcuts('mod+s', 'other')).toBe('Control+S');
    expect(ariaKeyShortcuts('mod+s', 'mac')).toBe('Meta+S');
    expect(ariaKeyShortcuts('escape', 'other')).toBe('Escape');
  });
});
