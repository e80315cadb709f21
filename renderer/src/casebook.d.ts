// What main/preload.ts exposes today. Optional because the page can also run without the
// preload (the Chromium e2e harness); the typed IPC API from shared/ipc replaces this.
interface Window {
  readonly casebook?: {
    readonly version: string;
  };
}

// Vite bundles imported stylesheets; the import has no value to type.
declare module '*.css';
