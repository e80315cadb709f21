import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/**
 * Writes FILE.partial, syncs it, then renames it to FILE: a cancelled or failed export never
 * leaves a half file that looks whole. Owner-only, because what Casebook exports (records in
 * clear, bundles, reports) is nobody else's business on a shared computer. Returns the bytes
 * written.
 */
export async function writeFileAtomically(
  file: string,
  chunks: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>,
): Promise<number> {
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (let at = 0; at < data.length;) at += writeSync(fd, data, at);
      bytes += data.length;
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(partial, file);
  return bytes;
}
