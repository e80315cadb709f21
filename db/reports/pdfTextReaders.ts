import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../workerScript';
import type { PdfTextJob, PdfTextReply } from './pdfTextProtocol';

/**
 * How many threads read a PDF's pages: one per core, up to four. While they read, Chromium has
 * finished printing and this thread only waits, so on 2 cores two threads read a 101-page
 * review in about half the time of one (measured: 0.6 s against 1.1 s).
 */
export const defaultReaderThreads = Math.max(1, Math.min(availableParallelism(), 4));

/**
 * Each thread opens the whole document (its fonts included) before reading its share: below
 * this many pages a share is not worth a thread. A one-page case report read on two threads
 * took 32 ms, on one 12 ms.
 */
const pagesPerThread = 3;

/**
 * The number of page objects in a PDF, read from its syntax without parsing it: Chromium writes
 * every object in the clear (no object streams). 0 when none is seen, and then every thread
 * reads.
 */
export function pageObjectCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/** Threads idle this long are ended, so that pdfjs's memory is given back between reports. */
const idleMs = 60_000;

interface Reading {
  readonly worker: Worker;
  opened(pages: number): void;
  page(): void;
  done(texts: readonly string[]): void;
  fail(error: Error): void;
}

/**
 * A few threads kept warm for reading PDF text. Started when a PDF begins to print (warm()),
 * they have loaded pdfjs by the time the PDF is ready; each then reads an interleaved share of
 * its pages. Idle threads do not keep the process alive, and end after a minute unused.
 */
export class PdfTextReaders {
  private readonly workers: Worker[] = [];
  private readonly readings = new Map<number, Reading>();
  private nextJob = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(readonly threads = defaultReaderThreads) {}

  /** Starts the threads (and pdfjs in them) ahead of need. */
  warm(): void {
    while (this.workers.length < this.threads) this.start();
    this.resetIdleTimer();
  }

  /** Each page's text, in page order; progress counts pages as they are read. */
  async pageTexts(
    pdf: Uint8Array,
    options: { onPage?: (done: number, total: number) => void; signal?: AbortSignal } = {},
  ): Promise<string[]> {
    const { signal } = options;
    signal?.throwIfAborted();
    this.warm();
    let done = 0;
    let total: number | null = null;
    const page = () => {
      done++;
      if (total !== null) options.onPage?.(done, total);
    };
    const seen = pageObjectCount(pdf);
    const parts =
      seen === 0
        ? this.workers.length
        : Math.min(this.workers.length, Math.ceil(seen / pagesPerThread));
    const shares = this.workers
      .slice(0, parts)
      .map((worker, part) => this.read(worker, pdf, part, parts, page));
    const onAbort = () =>
      this.stop(signal!.reason instanceof Error ? signal!.reason : abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // Every thread opens the document; the page count comes from the first to have done so.
      total = await Promise.race(shares.map((share) => share.opened));
      options.onPage?.(done, total);
      const texts: string[] = new Array(total);
      (await Promise.all(shares.map((share) => share.texts))).forEach((share, part) =>
        share.forEach((text, i) => (texts[part + i * parts] = text)),
      );
      return texts;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.resetIdleTimer();
    }
  }

  /** Ends every thread; readings in progress fail with `reason`. */
  stop(reason: Error = abortError()): void {
    clearTimeout(this.idleTimer);
    for (const reading of [...this.readings.values()]) reading.fail(reason);
    for (const worker of this.workers.splice(0)) void worker.terminate();
  }

  /** One thread's share of the pages: interleaved, so long and short pages spread evenly. */
  private read(
    worker: Worker,
    pdf: Uint8Array,
    part: number,
    parts: number,
    page: () => void,
  ): { opened: Promise<number>; texts: Promise<readonly string[]> } {
    const id = this.nextJob++;
    const opened = deferred<number>();
    const texts = deferred<readonly string[]>();
    const settle = () => {
      this.readings.delete(id);
      if (this.busyCount(worker) === 0) worker.unref();
    };
    this.readings.set(id, {
      worker,
      opened: opened.resolve,
      page,
      done: (share) => {
        settle();
        texts.resolve(share);
      },
      fail: (error) => {
        settle();
        opened.reject(error);
        texts.reject(error);
      },
    });
    // A thread with work in hand keeps the process alive; an idle one must not.
    worker.ref();
    // A copy of its own to transfer (a Buffer's slice() would be a view of the caller's bytes).
    const copy = new Uint8Array(pdf).buffer as ArrayBuffer;
    worker.postMessage({ id, pdf: copy, part, parts } satisfies PdfTextJob, [copy]);
    return { opened: opened.promise, texts: texts.promise };
  }

  private busyCount(worker: Worker): number {
    let n = 0;
    for (const reading of this.readings.values()) if (reading.worker === worker) n++;
    return n;
  }

  private resetIdleTimer(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.readings.size === 0) this.stop();
    }, idleMs);
    this.idleTimer.unref();
  }

  private start(): void {
    const worker = new Worker(workerScript(__filename, 'pdfTextWorker.js'));
    worker.on('message', (reply: PdfTextReply) => {
      if (reply.kind === 'ready') return;
      const reading = this.readings.get(reply.id);
      if (!reading) return;
      switch (reply.kind) {
        case 'opened':
          reading.opened(reply.pages);
          break;
        case 'page':
          reading.page();
          break;
        case 'done':
          reading.done(reply.texts);
          break;
        case 'failed':
          reading.fail(new Error(reply.message));
          break;
      }
    });
    // An exception in the thread ends it; 'exit' follows and fails what it held.
    worker.on('error', () => {});
    worker.on('exit', () => {
      const index = this.workers.indexOf(worker);
      if (index >= 0) this.workers.splice(index, 1);
      for (const reading of [...this.readings.values()]) {
        if (reading.worker === worker)
          reading.fail(new Error('The PDF text reader stopped unexpectedly.'));
      }
    });
    // After the listeners: adding one refs the thread's port again.
    worker.unref();
    this.workers.push(worker);
  }
}

/** A promise and its two ends; a rejection nobody awaits is not reported as unhandled. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}

function abortError(): Error {
  return new DOMException('The PDF check was cancelled.', 'AbortError');
}

let shared: PdfTextReaders | undefined;

/** The process's readers: one set of warm threads serves every report. */
export function pdfTextReaders(): PdfTextReaders {
  shared ??= new PdfTextReaders();
  return shared;
}

/** Each page's text, lines joined by newlines, read on the process's PDF text threads. */
export function pdfPageTexts(
  pdf: Uint8Array,
  options: { onPage?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<string[]> {
  return pdfTextReaders().pageTexts(pdf, options);
}
