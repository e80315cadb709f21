// Runs in the page, as an init script, before the app's own scripts: the Chromium harness's
// stand-in for main/preload.ts. The same createApi, over a different transport: instead of
// ipcRenderer.invoke, the `casebookInvoke` binding that Playwright routes to the router in
// the Node process. Bundled into one IIFE by openApp.ts.
import '../../shared/ipc/jitless';
import { createApi, type Listen } from '../../shared/ipc/client';

interface PageScope {
  casebookInvoke(channel: string, args: unknown): Promise<unknown>;
  casebook?: unknown;
  __casebookEmit?: (event: string, payload: unknown) => void;
}

const scope = globalThis as unknown as PageScope;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

const listen: Listen = (event, handler) => {
  const set = listeners.get(event) ?? new Set();
  listeners.set(event, set);
  set.add(handler);
  return () => {
    set.delete(handler);
  };
};

// What webContents.send does in the app: the harness calls this to deliver an event.
Object.defineProperty(scope, '__casebookEmit', {
  value: (event: string, payload: unknown) => {
    for (const handler of listeners.get(event) ?? []) handler(payload);
  },
});

Object.defineProperty(scope, 'casebook', {
  value: Object.freeze({
    ...createApi((channel, args) => scope.casebookInvoke(channel, args), listen),
    version: 'e2e',
  }),
});
