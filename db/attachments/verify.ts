import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isVaultError } from '../errors';
import type { Vault } from '../vault/vault';
import { listAttachments, attachmentChunks } from './attachments';
import type { Progress } from './bodyFile';
import { custodyLog, custodyProblems } from './custody';
import { Keyring, type FileKey } from './keyring';
import { sha256Stream } from './sha256Stream';

export type VerifyProblemKind =
  | 'missing_key'
  | 'missing_body'
  | 'damaged'
  | 'hash_mismatch'
  | 'custody_broken'
  | 'orphan_key'
  | 'orphan_body';

/** One thing wrong with one file; `message` names it by file id only. */
export interface VerifyProblem {
  readonly fileId: string;
  readonly kind: VerifyProblemKind;
  readonly message: string;
}

export interface VerifyReport {
  /** Attachments whose bytes and custody log were checked. */
  readonly checked: number;
  readonly bytes: number;
  readonly problems: VerifyProblem[];
}

/**
 * Decrypts every attachment and recomputes its SHA-256 against the intake value, checks every
 * custody log's hash chain against its anchor, and looks for keys and bodies that belong to
 * no attachment. Reports every problem; stops for none.
 */
export async function verifyAttachments(
  vault: Vault,
  options: {
    onProgress?: ((progress: Progress) => void) | undefined;
    signal?: AbortSignal | undefined;
  } = {},
): Promise<VerifyReport> {
  const keyring = new Keyring(vault);
  const attachments = listAttachments(vault);
  const total = attachments.reduce((sum, info) => sum + info.size, 0);
  const problems: VerifyProblem[] = [];
  const problem = (fileId: string, kind: VerifyProblemKind, message: string) =>
    problems.push({ fileId, kind, message });
  let done = 0;
  for (const info of attachments) {
    const { fileId } = info;
    let fileKey: FileKey | null;
    try {
      fileKey = keyring.get(fileId);
    } catch (error) {
      if (!isVaultError(error)) throw error;
      problem(fileId, 'damaged', error.message);
      continue;
    }
    if (!fileKey) {
      problem(
        fileId,
        'missing_key',
        `attachment ${fileId} has no key in this vault: it cannot be opened.`,
      );
      continue;
    }
    fileKey.key.fill(0);
    if (!existsSync(path.join(keyring.folder, fileId))) {
      problem(fileId, 'missing_body', `attachment ${fileId}: its encrypted file is missing.`);
    } else {
      const hash = sha256Stream(info.size);
      try {
        for await (const chunk of attachmentChunks(vault, fileId, options)) {
          await hash.update(chunk);
          done += chunk.length;
          options.onProgress?.({ done, total });
        }
        const sha256 = await hash.digest();
        if (sha256 !== info.sha256)
          problem(
            fileId,
            'hash_mismatch',
            `attachment ${fileId}: SHA-256 is ${sha256}, not ${info.sha256} as taken at intake.`,
          );
      } catch (error) {
        hash.close();
        if (!isVaultError(error) || error.code === 'cancelled') throw error;
        problem(fileId, 'damaged', error.message);
      }
    }
    try {
      for (const broken of custodyProblems(fileId, custodyLog(vault, fileId), fileKey.anchor))
        problem(fileId, 'custody_broken', `attachment ${fileId}: custody log: ${broken}.`);
    } catch (error) {
      if (!isVaultError(error)) throw error;
      problem(
        fileId,
        'custody_broken',
        `attachment ${fileId}: custody log cannot be read: an entry was altered or damaged.`,
      );
    }
  }
  const known = new Set(attachments.map((info) => info.fileId));
  for (const fileId of keyring.fileIds()) {
    if (!known.has(fileId))
      problem(
        fileId,
        'orphan_key',
        `a key for file ${fileId} belongs to no attachment: its record was deleted or removed outside the attachment commands.`,
      );
  }
  const keyed = new Set(keyring.fileIds());
  const bodies = existsSync(keyring.folder) ? readdirSync(keyring.folder) : [];
  for (const name of bodies) {
    // Left by an attach that was interrupted; without a key it is noise, and safe to remove.
    if (name.endsWith('.partial') || name.endsWith('.incoming') || keyed.has(name)) continue;
    problem(
      name,
      'orphan_body',
      `the encrypted file ${name} has no key: it cannot be opened by anyone and can be removed.`,
    );
  }
  return { checked: attachments.length, bytes: done, problems };
}
