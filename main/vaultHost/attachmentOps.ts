// Evidence files in the vault's worker (docs/attachments.md, docs/images.md). The db/ modules
// do the encryption, hashing and custody; this file reports progress, lets a cancel through,
// and turns their results into the contract's plain values. Paths arrive already chosen by the
// user in a system dialog (main/ipc/attachmentServices.ts); nothing here picks one.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

import { VaultError, type Vault } from '../../db';
import {
  appendCustody,
  attachFile,
  attachmentInfo,
  custodyLog,
  extractAttachment,
  listAttachments,
  readAttachment,
  verifyAttachments,
} from '../../db/attachments';
import { custodyProblems } from '../../db/attachments/custody';
import { Keyring } from '../../db/attachments/keyring';
import { randomHex } from '../../db/crypto/random';
import { cleanImageForExport, imageExportLimits } from '../../db/images';
import type { ChannelArgs, ChannelResult } from '../../shared/ipc/contract';
import { maxPreviewBytes, type EvidenceFile } from '../../shared/ipc/attachments';
import type { TaskControl } from './taskControl';

export function evidenceFiles(vault: Vault, recordId: string): EvidenceFile[] {
  const all = listAttachments(vault);
  return (
    all
      .filter((info) => info.recordId === recordId)
      // Oldest first, as they were taken in (file ids are random, so their order says nothing).
      .sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0))
      .map((info) => ({
        fileId: info.fileId,
        name: info.name,
        mediaType: info.mediaType,
        size: info.size,
        sha256: info.sha256,
        addedAt: info.addedAt,
        acquisition: { ...info.acquisition },
        duplicates: all
          .filter((other) => other.sha256 === info.sha256 && other.fileId !== info.fileId)
          .map((other) => ({ fileId: other.fileId, recordId: other.recordId })),
      }))
  );
}

export async function attachChosenFile(
  vault: Vault,
  { recordId, file, acquisition }: Omit<ChannelArgs<'attachments.attach'>, 'taskId'>,
  task: TaskControl,
): Promise<ChannelResult<'attachments.attach'>> {
  task.progress(0, null, 'encrypt');
  const result = await attachFile(vault, {
    path: file,
    recordId,
    acquisition: withoutEmpty(acquisition),
    signal: task.signal,
    onProgress: ({ done, total }) => task.progress(done, total, 'encrypt'),
  });
  return { fileId: result.fileId, duplicates: result.duplicates.length };
}

/** A file decrypted into memory for the page; the decrypted copy here is wiped once encoded. */
export async function previewBytes(
  vault: Vault,
  fileId: string,
): Promise<ChannelResult<'attachments.read'>> {
  const { info, bytes } = await readAttachment(vault, fileId, { maxBytes: maxPreviewBytes });
  try {
    return {
      mediaType: info.mediaType,
      base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64'),
    };
  } finally {
    bytes.fill(0);
  }
}

export function custodyView(vault: Vault, fileId: string): ChannelResult<'attachments.custody'> {
  attachmentInfo(vault, fileId);
  const entries = custodyLog(vault, fileId);
  const fileKey = new Keyring(vault).get(fileId);
  let problems: string[];
  if (!fileKey) problems = ['the key of this file is missing: it can no longer be opened'];
  else {
    fileKey.key.fill(0);
    problems = custodyProblems(fileId, entries, fileKey.anchor);
  }
  return {
    entries: entries.map(({ index, action, at, by, purpose, sha256 }) => ({
      index,
      action,
      at,
      sha256,
      ...(by === undefined ? {} : { by }),
      ...(purpose === undefined ? {} : { purpose }),
    })),
    problems: problems.slice(0, 100).map((problem) => problem.slice(0, 1_000)),
  };
}

export async function verifyAll(
  vault: Vault,
  task: TaskControl,
): Promise<ChannelResult<'attachments.verify'>> {
  task.progress(0, null, 'check');
  const report = await verifyAttachments(vault, {
    signal: task.signal,
    onProgress: ({ done, total }) => task.progress(done, total, 'check'),
  });
  task.checkpoint();
  return {
    checked: report.checked,
    bytes: report.bytes,
    problems: report.problems.slice(0, 10_000).map(({ fileId, kind }) => ({ fileId, kind })),
  };
}

/** What the save dialog proposes and which encoding an export gets. */
export function fileFacts(vault: Vault, fileId: string): { name: string; mediaType: string } {
  const { name, mediaType } = attachmentInfo(vault, fileId);
  return { name, mediaType };
}

export async function saveCopy(
  vault: Vault,
  { fileId, out, purpose }: { fileId: string; out: string; purpose?: string | undefined },
  task: TaskControl,
): Promise<void> {
  task.progress(0, null, 'write');
  await extractAttachment(vault, fileId, out, {
    purpose: purpose || undefined,
    signal: task.signal,
    onProgress: ({ done, total }) => task.progress(done, total, 'write'),
  });
  if (task.signal.aborted) throw new VaultError('cancelled', 'Cancelled. Nothing was written.');
}

/**
 * The image re-encoded from its pixels alone with the regions blacked out (db/images), written
 * beside the chosen path and renamed into place only after its custody entry is in.
 */
export async function exportCleanImage(
  vault: Vault,
  {
    fileId,
    out,
    regions,
    format,
    purpose,
  }: Omit<ChannelArgs<'attachments.exportImage'>, 'taskId'> & {
    out: string;
    format: 'jpeg' | 'png';
  },
  task: TaskControl,
): Promise<void> {
  task.progress(0, null, 'readFile');
  const { bytes } = await readAttachment(vault, fileId, {
    maxBytes: imageExportLimits.maxBytes,
    signal: task.signal,
  });
  let cleaned;
  try {
    task.checkpoint();
    task.progress(0, null, 'render');
    cleaned = await cleanImageForExport(bytes, { blackOut: regions, format, signal: task.signal });
  } finally {
    bytes.fill(0);
  }
  task.checkpoint();
  task.progress(0, null, 'write');
  const partial = `${out}.${randomHex(4)}.partial`;
  try {
    try {
      writeFileSync(partial, cleaned.bytes, { mode: 0o600, flag: 'wx' });
    } catch {
      throw new VaultError(
        'invalid_input',
        'The image could not be written there. Nothing was exported. Choose a folder you may write to.',
      );
    }
    // The custody entry first: a copy that left the vault unrecorded is the worse failure.
    appendCustody(vault, fileId, {
      action: 'export',
      sha256: createHash('sha256').update(cleaned.bytes).digest('hex'),
      purpose: purpose || undefined,
    });
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    cleaned.bytes.fill(0);
  }
}

function withoutEmpty<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as T;
}
