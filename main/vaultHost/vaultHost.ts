import path from 'node:path';
import { Worker } from 'node:worker_threads';

import { VaultError } from '../../db';
import type { LockReason } from '../../shared/ipc/contract';
import { errorFromValue, internalError } from '../ipc/errors';
import type { RunningTask } from '../ipc/tasks';
import type { VaultReply, VaultRequest, VaultWorkerData } from './protocol';
import { cancelFlagFor } from './taskControl';
import type { VaultOpName, VaultOps } from './vaultSession';

export interface VaultHostOptions {
  /** The compiled worker; next to this file by default (dist/main/vaultHost/worker.js). */
  readonly workerPath?: string;
  readonly workerData?: VaultWorkerData;
  /** How long a lock may wait for a busy worker before the thread is ended instead. */
  readonly lockTimeoutMs?: number;
}

type OpArgs<K extends VaultOpName> = Parameters<VaultOps[K]>[0];
type OpResult<K extends VaultOpName> = Awaited<ReturnType<VaultOps[K]>>;

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** The long task this operation runs as: its progress, and the flag that cancels it. */
  readonly task?: RunningTask;
  readonly cancelFlag?: SharedArrayBuffer;
}

/**
 * The main thread's handle on the vault's worker thread: sends operations, receives records
 * and error values, and knows whether the vault is unlocked. Every lock, whatever its cause,
 * goes through `lock` and is announced to the listeners, which tell the page to drop its state.
 */
export class VaultHost {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private unlocked = false;
  private readonly lockListeners = new Set<(reason: LockReason) => void>();

  constructor(private readonly options: VaultHostOptions = {}) {}

  get isUnlocked(): boolean {
    return this.unlocked;
  }

  /**
   * Runs one vault operation in the worker; rejects with a VaultError, never anything else.
   * Locking goes through `lock`, which also tells the listeners.
   */
  async call<K extends Exclude<VaultOpName, 'lock'>>(
    op: K,
    args: OpArgs<K>,
    task?: RunningTask,
  ): Promise<OpResult<K>> {
    if (op === 'create' || op === 'unlock') {
      // Opening a vault first closes the one open (VaultSession does), success or not.
      this.unlocked = false;
      const value = await this.send(op, args, task);
      this.unlocked = true;
      return value as OpResult<K>;
    }
    return (await this.send(op, args, task)) as OpResult<K>;
  }

  /**
   * Wipes the keys (Vault.lock in the worker) and announces the lock. A worker that does not
   * answer in time is ended: its memory, keys included, goes with the thread.
   */
  async lock(reason: LockReason): Promise<void> {
    let wasUnlocked = this.unlocked;
    this.unlocked = false;
    // The worker runs one operation at a time: a long task in it is cancelled first (it rolls
    // back at its next batch), so the lock does not wait for the task to finish.
    for (const pending of this.pending.values()) {
      if (pending.cancelFlag) Atomics.store(new Int32Array(pending.cancelFlag), 0, 1);
    }
    if (this.worker) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), this.options.lockTimeoutMs ?? 5_000);
      });
      try {
        const answer = await Promise.race([this.send('lock', {}), timeout]);
        if (answer === 'timeout') await this.stopWorker();
        else wasUnlocked ||= (answer as OpResult<'lock'>).wasUnlocked;
      } catch {
        await this.stopWorker();
      } finally {
        clearTimeout(timer);
      }
    }
    if (wasUnlocked) this.announce(reason);
  }

  /** `listener(reason)` after every lock of an unlocked vault; returns the unsubscribe function. */
  onLocked(listener: (reason: LockReason) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** Locks and ends the worker thread (on quit, or at the end of a test). */
  async close(): Promise<void> {
    await this.lock('user');
    await this.stopWorker();
  }

  private announce(reason: LockReason): void {
    for (const listener of this.lockListeners) listener(reason);
  }

  private send(op: VaultOpName, args: unknown, task?: RunningTask): Promise<unknown> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    // An unwatched task runs as a plain operation: nothing to report, nothing to cancel.
    const cancelFlag = task?.watched ? cancelFlagFor(task.signal) : undefined;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve,
        reject,
        ...(task && cancelFlag ? { task, cancelFlag } : {}),
      });
      worker.postMessage({
        id,
        op,
        args,
        ...(cancelFlag ? { cancelFlag } : {}),
      } satisfies VaultRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.workerPath ?? path.join(__dirname, 'worker.js'), {
      workerData: this.options.workerData ?? {},
    });
    // The host must not keep a test or a quitting app alive; it is ended explicitly.
    worker.unref();
    worker.on('message', (reply: VaultReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      if ('progress' in reply) {
        const { done, total, stage } = reply.progress;
        pending.task?.progress(done, total, stage);
        return;
      }
      this.pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(errorFromValue(reply.error));
    });
    // An uncaught exception in the worker ends it; 'exit' follows and does the cleaning up.
    worker.on('error', () => {});
    worker.on('exit', () => this.workerGone(worker));
    this.worker = worker;
    return worker;
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.workerGone(worker);
    await worker.terminate();
  }

  /** The thread is gone and its keys with it: fail what was waiting, and say the vault locked. */
  private workerGone(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const failed = internalError();
    for (const pending of this.pending.values()) {
      pending.reject(new VaultError(failed.code, failed.message));
    }
    this.pending.clear();
    if (this.unlocked) {
      this.unlocked = false;
      this.announce('failure');
    }
  }
}
