import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { VaultError } from '../errors';
import { workerScript } from '../workerScript';
import type { StoredRevision } from '../store/revisionStore';
import { storedAdditionalData } from './revisionOpener';
import type { OpeningJob, OpeningResult, OpeningWorkerData } from './openingProtocol';

/**
 * How many opening threads: one per core but the one the reading thread keeps busy (it reads
 * SQLite and parses the JSON, about half the work). On 2 cores, two threads measured slower
 * than one: three threads then take turns on two cores.
 */
export const defaultOpeningThreads = Math.max(1, Math.min(availableParallelism() - 1, 3));

interface Waiting {
  readonly worker: Worker;
  resolve(texts: (string | null)[]): void;
  reject(error: Error): void;
}

/**
 * Threads that open pages of record ciphertext for a vault reading all its records, so that
 * SQLite reads on one core while libsodium decrypts on the others. Started on first use and
 * ended with the vault: `end()` rejects whatever was waiting with "locked" and terminates the
 * threads; the key they read is the vault's shared buffer, which the vault zeroes itself.
 */
export class OpeningPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private readonly busy = new Map<Worker, number>();
  private nextJob = 1;
  private nextWorker = 0;
  private ended = false;

  constructor(
    private readonly key: SharedArrayBuffer,
    readonly threads = defaultOpeningThreads,
  ) {}

  /** Each revision's plaintext, in order; null where one did not open. */
  openRevisions(vaultId: string, revisions: readonly StoredRevision[]): Promise<(string | null)[]> {
    // The additional data is made here, by the one function that defines it, and travels
    // with the ciphertext: the worker only checks it.
    const additionalData = revisions.map((revision) => storedAdditionalData(vaultId, revision));
    let size = 0;
    for (let i = 0; i < revisions.length; i++)
      size += additionalData[i]!.length + revisions[i]!.sealed.length;
    // Not zero-filled first: every byte of it is written below.
    const bytes = Buffer.allocUnsafeSlow(size);
    const spans = new Int32Array(revisions.length * 4);
    let at = 0;
    for (let i = 0; i < revisions.length; i++) {
      const ad = additionalData[i]!;
      const sealed = revisions[i]!.sealed;
      bytes.set(ad, at);
      spans[i * 4] = at;
      spans[i * 4 + 1] = ad.length;
      at += ad.length;
      bytes.set(sealed, at);
      spans[i * 4 + 2] = at;
      spans[i * 4 + 3] = sealed.length;
      at += sealed.length;
    }
    return this.open(bytes.buffer as ArrayBuffer, spans);
  }

  private open(bytes: ArrayBuffer, spans: Int32Array): Promise<(string | null)[]> {
    if (this.ended) return Promise.reject(lockedError());
    const worker = this.pick();
    const id = this.nextJob++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { worker, resolve, reject });
      // A thread with work in hand keeps the process alive; an idle one must not.
      const jobs = (this.busy.get(worker) ?? 0) + 1;
      this.busy.set(worker, jobs);
      if (jobs === 1) worker.ref();
      worker.postMessage({ id, bytes, spans } satisfies OpeningJob, [
        bytes,
        spans.buffer as ArrayBuffer,
      ]);
    });
  }

  /** How many threads have started and not yet exited. */
  get running(): number {
    return this.workers.length;
  }

  /** Fails what was waiting with "locked" and terminates every thread. */
  end(): Promise<void> {
    this.ended = true;
    this.failAll(lockedError());
    return Promise.all(this.workers.map((worker) => worker.terminate())).then(() => undefined);
  }

  private pick(): Worker {
    if (this.workers.length < this.threads) return this.start();
    const worker = this.workers[this.nextWorker % this.workers.length]!;
    this.nextWorker++;
    return worker;
  }

  private start(): Worker {
    const worker = new Worker(workerScript(__filename, 'openingWorker.js'), {
      workerData: { key: this.key } satisfies OpeningWorkerData,
    });
    worker.unref();
    worker.on('message', (result: OpeningResult) => {
      const waiting = this.waiting.get(result.id);
      if (!waiting) return;
      this.waiting.delete(result.id);
      this.settled(worker);
      waiting.resolve(result.texts);
    });
    // An exception in the thread ends it; 'exit' follows and fails what it held.
    worker.on('error', () => {});
    worker.on('exit', () => {
      const index = this.workers.indexOf(worker);
      if (index >= 0) this.workers.splice(index, 1);
      for (const [id, waiting] of this.waiting) {
        if (waiting.worker !== worker) continue;
        this.waiting.delete(id);
        waiting.reject(
          this.ended
            ? lockedError()
            : new VaultError(
                'internal_error',
                'Reading the vault failed unexpectedly. Nothing was changed. Try again; if it happens again, restart Casebook.',
              ),
        );
      }
    });
    this.workers.push(worker);
    this.nextWorker++;
    return worker;
  }

  private settled(worker: Worker): void {
    const jobs = (this.busy.get(worker) ?? 1) - 1;
    this.busy.set(worker, jobs);
    if (jobs === 0) worker.unref();
  }

  private failAll(error: VaultError): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const entry of waiting) entry.reject(error);
  }
}

function lockedError(): VaultError {
  return new VaultError(
    'locked',
    'The vault was locked while it was being read. Unlock it with your passphrase to continue.',
  );
}
