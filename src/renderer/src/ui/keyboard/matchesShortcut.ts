/**
 * A key combination as code writes it: modifiers, then one key, joined by "+", in lower case
 * ("mod+s", "escape", "mod+shift+z"). "mod" is Ctrl on Windows and Linux and ⌘ on macOS, so one
 * name serves the platform conventions users already know.
 */
export type Shortcut = string;

/** macOS uses ⌘ where Windows and Linux use Ctrl. */
export type Platform = 'mac' | 'other';

/** What matching reads from a keydown; a plain object in tests. */
export type ShortcutKeyEvent = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'isComposing'
>;

type ParsedShortcut = { hasMod: boolean; hasShift: boolean; hasAlt: boolean; key: string };

const MODIFIERS = new Set(['mod', 'shift', 'alt']);

/** Names `event.key` may carry for a named key (old Edge sent "Esc"). */
const KEY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  escape: ['escape', 'esc'],
};

const KEY_LABELS: Readonly<Record<string, string>> = { escape: 'Esc', enter: 'Enter' };
const ARIA_KEY_NAMES: Readonly<Record<string, string>> = { escape: 'Escape', enter: 'Enter' };

const LATIN_OR_DIGIT = /^[a-z0-9]$/;

/** Throws on a typo ("mdo+s") at the first keydown, not silently never matching. */
function parse(shortcut: Shortcut): ParsedShortcut {
  const parts = shortcut.toLowerCase().split('+');
  const key = parts.pop();
  if (!key || parts.some((part) => !MODIFIERS.has(part))) {
    throw new Error(`Not a shortcut: "${shortcut}"`);
  }
  return {
    hasMod: parts.includes('mod'),
    hasShift: parts.includes('shift'),
    hasAlt: parts.includes('alt'),
    key,
  };
}

/**
 * The letter or digit by its printed character, so Ctrl+Z on a French keyboard is the key marked Z;
 * on a non-Latin layout (Russian, where S types "ы") by its physical position, as Windows does.
 */
function isKey(event: ShortcutKeyEvent, key: string): boolean {
  const typed = event.key.toLowerCase();
  if (!LATIN_OR_DIGIT.test(key)) return (KEY_ALIASES[key] ?? [key]).includes(typed);
  if (typed === key) return true;
  if (LATIN_OR_DIGIT.test(typed)) return false;
  return event.code === (/\d/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`);
}

/** The platform the renderer runs on, from the user agent (Electron's names the OS). */
export function currentPlatform(): Platform {
  return typeof navigator !== 'undefined' && /Macintosh|Mac OS X/.test(navigator.userAgent)
    ? 'mac'
    : 'other';
}

/**
 * Whether a keydown is the shortcut, with exactly its modifiers: Ctrl+Shift+S is not Ctrl+S, and
 * AltGr (Ctrl+Alt on Windows) never passes for Ctrl. Keys typed while an input method is still
 * composing a character belong to the composition, not to shortcuts.
 */
export function matchesShortcut(
  event: ShortcutKeyEvent,
  shortcut: Shortcut,
  platform: Platform = currentPlatform(),
): boolean {
  if (event.isComposing) return false;
  const { hasMod, hasShift, hasAlt, key } = parse(shortcut);
  const isMac = platform === 'mac';
  return (
    event.ctrlKey === (hasMod && !isMac) &&
    event.metaKey === (hasMod && isMac) &&
    event.shiftKey === hasShift &&
    event.altKey === hasAlt &&
    isKey(event, key)
  );
}

function keyName(key: string, names: Readonly<Record<string, string>>): string {
  return names[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

/** The shortcut as the keyboard and the platform print it: "Ctrl+S" on Windows, "⌘S" on macOS. */
export function shortcutLabel(shortcut: Shortcut, platform: Platform = currentPlatform()): string {
  const { hasMod, hasShift, hasAlt, key } = parse(shortcut);
  const name = keyName(key, KEY_LABELS);
  if (platform === 'mac') {
    return `${hasAlt ? '⌥' : ''}${hasShift ? '⇧' : ''}${hasMod ? '⌘' : ''}${name}`;
  }
  return [hasMod && 'Ctrl', hasAlt && 'Alt', hasShift && 'Shift', name].filter(Boolean).join('+');
}

/** The shortcut for `aria-keyshortcuts`, so screen readers announce it ("Control+S"). */
export function ariaKeyShortcuts(
  shortcut: Shortcut,
  platform: Platform = currentPlatform(),
): string {
  const { hasMod, hasShift, hasAlt, key } = parse(shortcut);
  return [
    hasMod && (platform === 'mac' ? 'Meta' : 'Control'),
    hasAlt && 'Alt',
    hasShift && 'Shift',
    keyName(key, ARIA_KEY_NAMES),
  ]
    .filter(Boolean)
    .join('+');
}
