// The renderer's Content-Security-Policy, sent as a header by the app:// handler and
// repeated in renderer/index.html's <meta> so that a page loaded any other way (the
// Chromium e2e harness) runs under the same rules.
//
// No 'unsafe-inline' and no 'wasm-unsafe-eval': libsodium and every key stay in the
// main process, so the page never needs to compile code. connect-src 'none' because
// the renderer talks to the vault only through the preload's IPC bridge, never the network.
// blob: for images and media (media-src) only: an evidence photo or recording is previewed
// from bytes decrypted in memory, through a blob URL the page revokes when the preview closes
// and on lock (renderer/src/attachments), so it never passes through a file on disk.
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; media-src blob:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";
