// Runs in the sandboxed preload, which can require only `electron` and a few Node built-ins:
// this file and the shared/ modules it imports are bundled into one CommonJS file,
// dist/preload/preload.js (renderer/vite.preload.config.mts), whose only require is
// `electron` (tests/unit/shell/preload.test.ts checks the bundle).
//
// The page gets named functions by domain (`casebook.vault.unlock({...})`), each checked
// against the IPC contract; never ipcRenderer, and no channel it could choose itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// First: before any schema is built (see the file).
import '../shared/ipc/jitless';
import { createApi, eventNames, type Invoke, type Listen } from '../shared/ipc';

// Same prefix as VERSION_ARGUMENT_PREFIX in shell/webPreferences.ts, repeated because this
// file must not import main/ modules (they are Node code).
const versionPrefix = '--casebook-version=';
const versionArgument = process.argv.find((argument) => argument.startsWith(versionPrefix));

const invoke: Invoke = (channel, args) => ipcRenderer.invoke(channel, args);

const listen: Listen = (event, handler) => {
  if (!(eventNames as readonly string[]).includes(event)) return () => {};
  const listener = (_event: IpcRendererEvent, payload: unknown) => handler(payload);
  ipcRenderer.on(event, listener);
  return () => {
    ipcRenderer.removeListener(event, listener);
  };
};

contextBridge.exposeInMainWorld('casebook', {
  ...createApi(invoke, listen),
  version: versionArgument ? versionArgument.slice(versionPrefix.length) : 'unknown',
});
