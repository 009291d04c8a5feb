import type { Notification } from '../../ui/Notifications';

const KEY = 'cooperation-registry.flash';

/**
 * Reloads the window and shows a message once it is back. A restore rewrites every table, so every
 * cache fed by the change log (lists, pickers, search) must start afresh: a reload is the one way
 * that cannot miss any of them.
 */
export function reloadWithMessage(notification: Notification): void {
  sessionStorage.setItem(KEY, JSON.stringify(notification));
  window.location.reload();
}

/** The message a reload carried, once: reading it forgets it. */
export function takeFlashMessage(): Notification | null {
  const stored = sessionStorage.getItem(KEY);
  if (stored === null) return null;
  sessionStorage.removeItem(KEY);
  try {
    const parsed = JSON.parse(stored) as Partial<Notification>;
    if (typeof parsed.message !== 'string') return null;
    const severity = parsed.severity ?? 'info';
    return { message: parsed.message, severity };
  } catch {
    return null;
  }
}
