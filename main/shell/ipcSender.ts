import { isAppOrigin } from './origin.js';

/** The part of Electron's WebFrameMain that the check reads. */
export interface SenderFrame {
  readonly url: string;
}

/**
 * Whether an IPC message comes from a frame showing the app's own page.
 *
 * Navigation is denied, but IPC handlers check the sender anyway: if anything ever
 * loads foreign content into a frame that has the preload (a bug, a redirect that
 * slipped through), it must not reach the vault. A destroyed or missing frame is refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  return isAppOrigin(frame.url);
}
