// A plain require keeps the live module object: libsodium.js attaches its functions to it only
// after `ready` resolves, so an `import * as` namespace copied at load time would lack them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sodiumModule: typeof import('libsodium-wrappers-sumo') = require('libsodium-wrappers-sumo');

export type Sodium = typeof sodiumModule;

/** libsodium's WASM must finish loading before any call; every crypto entry point awaits this. */
export async function loadSodium(): Promise<Sodium> {
  await sodiumModule.ready;
  return sodiumModule;
}
