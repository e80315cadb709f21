// The vault's thread. better-sqlite3 is synchronous and Argon2id blocks for about a second, so
// the vault runs here rather than on Electron's main thread, which must keep the window alive.
// The vault key never leaves this thread: only records and error values are posted back.
import { parentPort, workerData } from 'node:worker_threads';

import { errorValue, internalError } from '../ipc/errors';
import type { VaultReply, VaultRequest, VaultWorkerData } from './protocol';
import { untracked, workerTaskControl } from './taskControl';
import { VaultSession, vaultOpNames } from './vaultSession';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

const session = new VaultSession((workerData ?? {}) as VaultWorkerData);
const run = session as unknown as Record<string, (args: unknown, task: unknown) => unknown>;

// One operation at a time, in the order sent: a lock sent during an unlock runs after it,
// and so locks the vault that unlock opened.
let queue: Promise<void> = Promise.resolve();

port.on('message', (request: VaultRequest) => {
  queue = queue.then(async () => {
    let reply: VaultReply;
    try {
      if (!vaultOpNames.includes(request.op)) throw new Error('unknown operation');
      const task = request.cancelFlag
        ? workerTaskControl(request.cancelFlag, (progress) =>
            port.postMessage({ id: request.id, progress } satisfies VaultReply),
          )
        : untracked;
      reply = {
        id: request.id,
        ok: true,
        value: await run[request.op]!.call(session, request.args, task),
      };
    } catch (error) {
      reply = { id: request.id, ok: false, error: errorValue(error) };
    }
    try {
      port.postMessage(reply);
    } catch {
      // A value that cannot be cloned is a bug here; the caller still gets an answer.
      port.postMessage({ id: request.id, ok: false, error: internalError() } satisfies VaultReply);
    }
  });
});
