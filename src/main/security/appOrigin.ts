/** The custom scheme the UI is served from; registered as privileged before the app is ready. */
export const APP_SCHEME = 'app';

/** The only host the app scheme answers; any other host is a 404. */
export const APP_HOST = 'registry';

/**
 * The app's origin. Permanent: IndexedDB (the whole registry) is keyed by origin, so changing any
 * part of it would hide every user's data.
 */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the main window opens; the SPA routes from there. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether a URL belongs to the app's own pages. Used for IPC senders and navigation, so anything
 * unparsable, or a lookalike such as `app://registry.evil`, is refused.
 */
export function isAppOrigin(url: string | null | undefined): boolean {
  if (url === null || url === undefined) return false;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}
