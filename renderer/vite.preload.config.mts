import { defineConfig } from 'vite';

// The Electron preload, bundled: a sandboxed preload can require only `electron` and a few
// Node built-ins, so main/preload.ts and the shared/ modules it uses (the IPC contract and
// client, zod) become one CommonJS file. Kept beside the renderer's config because it is
// built the same way; main/app.ts loads it from dist/preload/preload.js.
// No Node imports here: this file sits in renderer/, where the layering rule allows none.
export default defineConfig({
  root: import.meta.dirname,
  // Nothing to copy: public/ is the page's, not the preload's.
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: '../dist/preload',
    emptyOutDir: true,
    lib: {
      entry: '../main/preload.ts',
      formats: ['cjs'],
      fileName: () => 'preload.js',
    },
    rolldownOptions: { external: ['electron'] },
    // Readable in the packaged app: it is small, and what runs beside the page should be auditable.
    minify: false,
    sourcemap: false,
    // The preload runs in Electron 45's Chromium.
    target: 'chrome140',
  },
});
