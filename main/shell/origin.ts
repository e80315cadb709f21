// The renderer's one origin. Every trust decision in the shell (navigation, IPC senders,
// the protocol handler) compares against these values, so they live in one place.

export const APP_SCHEME = 'app';
export const APP_HOST = 'casebook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether `url` belongs to the app's own origin.
 *
 * Node's URL gives `origin === 'null'` for schemes it does not know, while Chromium
 * (where `app` is registered as standard) gives `app://casebook`; comparing the parts
 * instead of `origin` makes this function agree with Chromium in both places. Anything
 * that could make two URLs look alike to a human (credentials, a port, a different
 * case or a trailing dot in the host) is refused rather than normalised.
 */
export function isAppOrigin(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
