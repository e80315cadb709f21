// Runs in the sandboxed preload, which can require only `electron` and a few Node
// built-ins: this file must stay a single CommonJS file with no relative imports
// (tests/unit/shell/preload.test.ts checks). It exposes nothing sensitive yet; the
// typed IPC API replaces this object when the vault screens arrive.
import { contextBridge } from 'electron';

// Same prefix as VERSION_ARGUMENT_PREFIX in shell/webPreferences.ts, repeated because
// this file cannot import it.
const versionPrefix = '--casebook-version=';
const versionArgument = process.argv.find((argument) => argument.startsWith(versionPrefix));

contextBridge.exposeInMainWorld('casebook', {
  version: versionArgument ? versionArgument.slice(versionPrefix.length) : 'unknown',
});
