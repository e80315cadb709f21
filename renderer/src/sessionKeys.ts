import { useEffect } from 'react';

import { api } from './api';

/** How often at most the page tells the main process that someone is at the keyboard. */
const activityEveryMs = 15_000;

/**
 * While the vault is unlocked: keyboard and pointer input postpone the auto-lock, and
 * Ctrl+L (Cmd+L on macOS) locks at once. The app menu has the same shortcut; in the window
 * it reaches the menu first, and locking twice is harmless.
 */
export function useUnlockedSession(unlocked: boolean): void {
  useEffect(() => {
    if (!unlocked) return;
    let last = 0;
    const activity = () => {
      const now = Date.now();
      if (now - last < activityEveryMs) return;
      last = now;
      void api().app.activity();
    };
    const keydown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        void api().vault.lock();
        return;
      }
      activity();
    };
    window.addEventListener('keydown', keydown);
    window.addEventListener('pointerdown', activity);
    window.addEventListener('wheel', activity, { passive: true });
    return () => {
      window.removeEventListener('keydown', keydown);
      window.removeEventListener('pointerdown', activity);
      window.removeEventListener('wheel', activity);
    };
  }, [unlocked]);
}
