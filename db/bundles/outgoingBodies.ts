import { createHash } from 'node:crypto';
import { attachmentRecordType } from '../../shared/model';
import { attachmentChunks, attachmentInfo, heldBodies, type AttachmentInfo } from '../attachments';
import { isVaultError, VaultError } from '../errors';
import type { Vault } from '../vault/vault';
import { blobLine, partBytes, partLine } from './format';

/**
 * Which evidence files a bundle carries: those whose `attachment` record has a revision in the
 * bundle's range (every one, in a full bundle), that are not deleted, and whose key and body
 * this vault holds (headquarters may hold the record of a file whose body never reached it).
 * File ids and record types are in clear in the database, so no record is decrypted to choose.
 */
export function filesToCarry(vault: Vault, since: number, upTo: number): AttachmentInfo[] {
  const ids = vault
    .attachmentStore()
    .db.prepare(
      'SELECT DISTINCT record_id FROM revisions WHERE type = ? AND seq > ? AND seq <= ? ORDER BY record_id',
    )
    .pluck()
    .all(attachmentRecordType, since, upTo) as string[];
  const held = heldBodies(vault);
  const carried: AttachmentInfo[] = [];
  for (const fileId of ids) {
    if (!held.has(fileId)) continue;
    try {
      carried.push(attachmentInfo(vault, fileId));
    } catch (error) {
      // Deleted since: its body was destroyed with its key, and it goes as a tombstone only.
      if (!isVaultError(error) || error.code !== 'record_not_found') throw error;
    }
  }
  return carried;
}

/**
 * One file as bundle lines: the blob line, then its bytes in parts of `partBytes`, read from
 * the vault a chunk at a time, so memory holds one part whatever the size of the file. A body
 * that does not match its intake SHA-256 stops the export: a damaged copy is never sent on.
 */
export async function* bodyLines(
  vault: Vault,
  info: AttachmentInfo,
  options: { signal?: AbortSignal | undefined; onBytes?: (bytes: number) => void },
): AsyncGenerator<string> {
  yield blobLine({ kind: 'blob', file: info.fileId, size: info.size, sha256: info.sha256 });
  const hash = createHash('sha256');
  const part = Buffer.alloc(partBytes);
  let filled = 0;
  try {
    for await (const chunk of attachmentChunks(vault, info.fileId, options)) {
      hash.update(chunk);
      let at = 0;
      while (at < chunk.length) {
        const take = Math.min(partBytes - filled, chunk.length - at);
        part.set(chunk.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === partBytes) {
          yield partLine(info.fileId, part);
          options.onBytes?.(filled);
          filled = 0;
        }
      }
    }
    if (filled > 0) {
      yield partLine(info.fileId, part.subarray(0, filled));
      options.onBytes?.(filled);
    }
  } finally {
    part.fill(0);
  }
  if (hash.digest('hex') !== info.sha256) {
    throw new VaultError(
      'record_damaged',
      `Attachment ${info.fileId} no longer matches the SHA-256 taken at intake, so it was not put in a bundle. Nothing was written. Run "casebook verify", and restore the file from an earlier bundle.`,
    );
  }
}
