import { isAppOrigin } from './origin.js';

// The renderer is a single-page app served from app://casebook: it never needs to leave
// its origin, open a window or use a device, so every such request is refused. Links
// to the outside world, if ever needed, will go through an explicit IPC call that
// shows the user the address first, never through navigation.

export function isAllowedNavigation(url: string): boolean {
  return isAppOrigin(url);
}

export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

// Camera, microphone, geolocation, notifications, clipboard reads, fullscreen and the
// rest: nothing in a documentation tool justifies letting page script ask for them.
export function allowPermissionRequest(_permission: string): boolean {
  return false;
}

export function allowPermissionCheck(_permission: string): boolean {
  return false;
}

export function allowDevicePermission(_deviceType: string): boolean {
  return false;
}
