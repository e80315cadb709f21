/**
 * Messages between a vault and its opening threads (openingPool.ts, openingWorker.ts).
 * Only ciphertext and its additional data go out; text comes back. The record key is shared
 * once, in a SharedArrayBuffer that the vault zeroes when it locks.
 */
export interface OpeningWorkerData {
  /** 32 bytes: the record key. */
  readonly key: SharedArrayBuffer;
}

/**
 * A page of sealed revisions, packed into one buffer so it moves to the worker without a copy.
 * `spans` holds four numbers per revision: where its additional data starts and how long it
 * is, then the same for its sealed bytes.
 */
export interface OpeningJob {
  readonly id: number;
  readonly bytes: ArrayBuffer;
  readonly spans: Int32Array;
}

/** Each revision's plaintext (UTF-8 JSON, decoded), or null where it did not open. */
export interface OpeningResult {
  readonly id: number;
  readonly texts: (string | null)[];
}
