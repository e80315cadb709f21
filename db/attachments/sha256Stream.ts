import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * SHA-256 of a stream of bytes. For a large file the hash runs on a worker thread beside the
 * cipher: one core hashes at roughly twice the speed it encrypts, so done in turn the hash
 * alone costs a third of attach's throughput, and side by side it costs almost nothing.
 */
export interface Sha256Stream {
  /** Resolves when the stream can take more (at most `inFlight` blocks wait to be hashed). */
  update(bytes: Uint8Array): Promise<void>;
  /** Lower-case hex. */
  digest(): Promise<string>;
  /** Stops the worker, if any; call when the stream is abandoned. */
  close(): void;
}

/** Below this, starting a thread costs more than it saves. */
const workerThreshold = 8 * 1024 * 1024;
const inFlight = 4;
const blockBytes = 1024 * 1024;

// Inline, so that the worker runs the same from dist/ and from the TypeScript sources in tests.
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hash = createHash('sha256');
parentPort.on('message', (message) => {
  if (message === null) return parentPort.postMessage(hash.digest('hex'));
  hash.update(message.bytes.subarray(0, message.length));
  message.bytes.fill(0);
  // The buffer goes back to be filled again: no garbage per block on either side.
  parentPort.postMessage(message.bytes, [message.bytes.buffer]);
});
`;

export function sha256Stream(expectedBytes: number): Sha256Stream {
  return expectedBytes >= workerThreshold ? new WorkerSha256() : new InlineSha256();
}

class InlineSha256 implements Sha256Stream {
  private readonly hash = createHash('sha256');

  update(bytes: Uint8Array): Promise<void> {
    this.hash.update(bytes);
    return Promise.resolve();
  }

  digest(): Promise<string> {
    return Promise.resolve(this.hash.digest('hex'));
  }

  close(): void {}
}

class WorkerSha256 implements Sha256Stream {
  private readonly worker = new Worker(workerSource, { eval: true });
  private waiting = 0;
  private readonly spare: Uint8Array<ArrayBuffer>[] = [];
  private filling: Uint8Array<ArrayBuffer> | null = null;
  private filled = 0;
  private wake: (() => void) | null = null;
  private result: ((hex: string) => void) | null = null;
  private failure: Error | null = null;
  private fail: ((error: Error) => void) | null = null;

  constructor() {
    this.worker.on('message', (message: Uint8Array<ArrayBuffer> | string) => {
      if (typeof message !== 'string') {
        this.spare.push(message);
        this.waiting -= 1;
        this.wake?.();
        this.wake = null;
      } else {
        this.result?.(message);
      }
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      this.fail?.(error);
      this.wake?.();
    });
  }

  async update(bytes: Uint8Array): Promise<void> {
    // Gathered into blocks the worker owns while it hashes, a message per block rather than per
    // chunk; the caller may reuse its buffer as soon as this returns.
    let at = 0;
    while (at < bytes.length) {
      if (this.failure) throw this.failure;
      this.filling ??= this.spare.pop() ?? new Uint8Array(blockBytes);
      const take = Math.min(blockBytes - this.filled, bytes.length - at);
      this.filling.set(bytes.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled === blockBytes) await this.send();
    }
  }

  async digest(): Promise<string> {
    try {
      if (this.filled > 0) await this.send();
      return await new Promise<string>((resolve, reject) => {
        if (this.failure) return reject(this.failure);
        this.result = resolve;
        this.fail = reject;
        this.worker.postMessage(null);
      });
    } finally {
      this.close();
    }
  }

  private async send(): Promise<void> {
    const bytes = this.filling!;
    this.worker.postMessage({ bytes, length: this.filled }, [bytes.buffer]);
    this.filling = null;
    this.filled = 0;
    this.waiting += 1;
    while (this.waiting >= inFlight && !this.failure)
      await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
  }

  close(): void {
    this.filling?.fill(0);
    void this.worker.terminate();
  }
}
