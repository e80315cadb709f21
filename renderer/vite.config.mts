import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// No Node imports here: this file sits in renderer/, where the layering rule allows none.
export default defineConfig({
  root: import.meta.dirname,
  // Relative asset URLs: the same build works under app://casebook/ in the app and
  // under the e2e harness's origin in Chromium.
  base: './',
  plugins: [react()],
  build: {
    // Relative to root, i.e. <repo>/dist/renderer.
    outDir: '../dist/renderer',
    // Vite only empties an outDir outside its root when told to.
    emptyOutDir: true,
    // The polyfill is an inline <script>, which the CSP (script-src 'self') refuses.
    modulePreload: { polyfill: false },
    // Inlined assets become data: URLs, which img-src and font-src do not allow.
    assetsInlineLimit: 0,
    sourcemap: false,
    // One bundle, read from disk by an offline app: its size costs no download, and splitting
    // it would only add requests to the app:// handler.
    chunkSizeWarningLimit: 2_000,
  },
});
