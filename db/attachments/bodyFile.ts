import { open, type FileHandle } from 'node:fs/promises';
import type { Sodium } from '../crypto/sodium';
import { bodyDamaged, bodyMissing, cancelled } from './attachmentErrors';
import { BodyDecoder, BodyEncoder } from './bodyCipher';
import { sha256Stream } from './sha256Stream';
import {
  bodyHeaderBytes,
  chunkCiphertextBytes,
  chunkOverheadBytes,
  chunkPlaintextBytes,
} from './bodyFormat';

/** Bytes read or written per file system call: 16 chunks, so a syscall is not paid per chunk. */
const blockChunks = 16;
export const blockBytes = blockChunks * chunkPlaintextBytes;

export interface Progress {
  /** Bytes of the original file handled so far, and in all (when known). */
  readonly done: number;
  readonly total: number;
}

export interface StreamOptions {
  readonly onProgress?: ((progress: Progress) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Reads a file a block at a time, reading the next block while the caller works on this one.
 * Each yielded view is valid until the caller asks for the next.
 */
export async function* fileBlocks(handle: FileHandle): AsyncGenerator<Uint8Array> {
  let current = new Uint8Array(blockBytes);
  let next = new Uint8Array(blockBytes);
  let reading = handle.read(current, 0, blockBytes, null);
  try {
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) return;
      const block = current.subarray(0, bytesRead);
      reading = handle.read(next, 0, blockBytes, null);
      yield block;
      [current, next] = [next, current];
    }
  } finally {
    await reading.catch(() => undefined);
    current.fill(0);
    next.fill(0);
  }
}

/**
 * Encrypts `source` into the open, empty file `target`, hashing the plaintext on the way.
 * Memory stays at a few blocks whatever the size. Syncs the file before returning.
 */
export async function writeBody(
  sodium: Sodium,
  key: Uint8Array,
  additionalData: Uint8Array,
  source: AsyncIterable<Uint8Array>,
  target: FileHandle,
  options: StreamOptions & { total: number; what: string },
): Promise<{ sha256: string; size: number }> {
  const encoder = new BodyEncoder(sodium, key, additionalData);
  const hash = sha256Stream(options.total);
  let size = 0;
  let writing: Promise<unknown> = target.write(encoder.header);
  try {
    for await (const block of source) {
      if (options.signal?.aborted) throw cancelled(options.what);
      await hash.update(block);
      size += block.length;
      const out: Uint8Array[] = [];
      encoder.push(block, (ciphertext) => out.push(ciphertext));
      // One write in flight while the next block is encrypted: the disk and the cipher overlap.
      await writing;
      writing = out.length > 0 ? target.writev(out) : Promise.resolve();
      options.onProgress?.({ done: size, total: Math.max(options.total, size) });
    }
    if (options.signal?.aborted) throw cancelled(options.what);
    await writing;
    await target.write(encoder.final());
    await target.sync();
    return { sha256: await hash.digest(), size };
  } catch (error) {
    encoder.discard();
    hash.close();
    await writing.catch(() => undefined);
    throw error;
  }
}

/**
 * The plaintext of a body, chunk by chunk, each checked before it is yielded. A damaged,
 * truncated, reordered, lengthened or foreign body throws a VaultError naming the file id,
 * at the first chunk that does not fit, before any byte of that chunk is handed out.
 */
export async function* readBody(
  sodium: Sodium,
  key: Uint8Array,
  additionalData: Uint8Array,
  file: string,
  fileId: string,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw bodyMissing(fileId);
    throw error;
  }
  try {
    const size = (await handle.stat()).size;
    const payload = size - bodyHeaderBytes;
    const rest = payload % chunkCiphertextBytes;
    if (payload < chunkOverheadBytes || (rest > 0 && rest < chunkOverheadBytes))
      throw bodyDamaged(fileId, 'is truncated');
    const chunks = Math.floor(payload / chunkCiphertextBytes) + (rest > 0 ? 1 : 0);
    const header = new Uint8Array(bodyHeaderBytes);
    await handle.read(header, 0, bodyHeaderBytes, 0);
    const decoder = BodyDecoder.open(sodium, key, additionalData, header);
    if (!decoder) throw bodyDamaged(fileId, 'has a damaged header');
    const blockCipherBytes = blockChunks * chunkCiphertextBytes;
    let current = new Uint8Array(blockCipherBytes);
    let next = new Uint8Array(blockCipherBytes);
    let position = bodyHeaderBytes;
    const readAt = (into: Uint8Array, at: number) =>
      handle.read(into, 0, Math.min(blockCipherBytes, size - at), at);
    let reading = readAt(current, position);
    let chunk = 0;
    try {
      while (position < size) {
        const { bytesRead } = await reading;
        // Blocks must stay aligned on chunks: a file that shrinks while it is read is damage.
        if (bytesRead !== Math.min(blockCipherBytes, size - position))
          throw bodyDamaged(fileId, 'is truncated');
        const block = current.subarray(0, bytesRead);
        position += bytesRead;
        if (position < size) reading = readAt(next, position);
        for (let at = 0; at < block.length; at += chunkCiphertextBytes) {
          if (signal?.aborted) throw cancelled('Nothing was written.');
          const opened = decoder.pull(block.subarray(at, at + chunkCiphertextBytes));
          const last = chunk === chunks - 1;
          if (!opened)
            throw bodyDamaged(
              fileId,
              `was altered or damaged (chunk ${chunk + 1} of ${chunks} does not authenticate: changed, moved or from another file)`,
            );
          if (opened.final !== last)
            throw bodyDamaged(
              fileId,
              opened.final ? 'has data after its end' : 'is truncated (its last chunk is missing)',
            );
          chunk += 1;
          yield opened.message;
        }
        [current, next] = [next, current];
      }
    } finally {
      await reading.catch(() => undefined);
    }
  } finally {
    await handle.close();
  }
}
