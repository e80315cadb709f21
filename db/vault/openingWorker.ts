import { parentPort, workerData } from 'node:worker_threads';
import { loadSodium } from '../crypto/sodium';
import { RevisionOpener } from './revisionOpener';
import type { OpeningJob, OpeningResult, OpeningWorkerData } from './openingProtocol';

/**
 * A thread that opens pages of record ciphertext for a vault reading all its records
 * (openingPool.ts). It holds no key of its own: for each page it copies the record key from
 * the vault's shared buffer into libsodium's heap and wipes it there when the page is done.
 */
const { key } = workerData as OpeningWorkerData;
const sodium = loadSodium();

parentPort!.on('message', (job: OpeningJob) => {
  void sodium.then((ready) => {
    const opener = new RevisionOpener(ready, new Uint8Array(key));
    const texts: (string | null)[] = [];
    try {
      const { spans } = job;
      for (let i = 0; i < spans.length; i += 4) {
        texts.push(
          opener.openText(
            new Uint8Array(job.bytes, spans[i]!, spans[i + 1]!),
            new Uint8Array(job.bytes, spans[i + 2]!, spans[i + 3]!),
          ),
        );
      }
    } finally {
      opener.wipe();
    }
    parentPort!.postMessage({ id: job.id, texts } satisfies OpeningResult);
  });
});
