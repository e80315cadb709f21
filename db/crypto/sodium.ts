// `import = require` keeps the live module object: libsodium.js attaches its functions to it
// only after `ready` resolves, so a namespace copy taken at import time would lack them.
import sodiumModule = require('libsodium-wrappers-sumo');

export type Sodium = typeof sodiumModule;

/** libsodium's WASM must finish loading before any call; every crypto entry point awaits this. */
export async function loadSodium(): Promise<Sodium> {
  await sodiumModule.ready;
  return sodiumModule;
}
