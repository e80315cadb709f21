import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import {
  attachmentRecordType,
  custodyRecordType,
  formatRecordError,
  parseRecord,
  type Acquisition,
  type Attachment,
} from '../../shared/model';
import { isRecordId, type JsonObject } from '../../shared/records';
import { loadSodium } from '../crypto/sodium';
import { randomBytes, randomHex } from '../crypto/random';
import { VaultError, isVaultError } from '../errors';
import type { Vault } from '../vault/vault';
import { attachmentNotFound, bodyDamaged, cancelled, keyMissing } from './attachmentErrors';
import { bodyAdditionalData } from './bodyFormat';
import { fileBlocks, readBody, writeBody, type StreamOptions } from './bodyFile';
import {
  appendCustody,
  custodyEntry,
  custodyEntryHash,
  custodyRecordId,
  type CustodyStep,
} from './custody';
import { Keyring } from './keyring';
import { sha256Stream } from './sha256Stream';
import { mediaTypeOf } from './mediaTypes';

/** What the vault knows of one evidence file, decrypted. */
export interface AttachmentInfo {
  readonly fileId: string;
  /** The record the file is evidence for. */
  readonly recordId: string;
  /** The original file name. */
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  /** SHA-256 of the bytes at intake, lower-case hex. */
  readonly sha256: string;
  readonly addedAt: string;
  readonly acquisition: Acquisition;
  readonly note?: string;
}

export interface AttachResult {
  readonly fileId: string;
  readonly sha256: string;
  readonly size: number;
  /** Earlier attachments with the same bytes (the same SHA-256). */
  readonly duplicates: string[];
}

interface IntakeFacts {
  readonly recordId: string;
  readonly acquisition?: Acquisition | undefined;
  readonly note?: string | undefined;
}

export interface AttachFileOptions extends IntakeFacts, StreamOptions {
  readonly path: string;
  /** The name to record; the file's own name when left out. */
  readonly name?: string | undefined;
  readonly mediaType?: string | undefined;
}

export interface AttachBytesOptions extends IntakeFacts {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly mediaType: string;
}

export interface ExtractOptions extends StreamOptions {
  /** Why the file leaves the vault, for the custody log. */
  readonly purpose?: string | undefined;
  readonly by?: string | undefined;
}

/** Attaches a file from disk, streaming: memory stays at a few 64 KiB chunks for any size. */
export async function attachFile(vault: Vault, options: AttachFileOptions): Promise<AttachResult> {
  let handle: FileHandle;
  try {
    handle = await open(options.path, 'r');
  } catch {
    // The path is the user's own and may hold a name: it is not repeated.
    throw new VaultError(
      'invalid_input',
      'The file to attach cannot be read. Nothing was attached. Check the path and that you may read the file.',
    );
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile())
      throw new VaultError(
        'invalid_input',
        'Only a file can be attached, not a folder or a device. Nothing was attached.',
      );
    const name = options.name ?? path.basename(options.path);
    return await intake(
      vault,
      { ...options, name, mediaType: options.mediaType ?? mediaTypeOf(name) },
      fileBlocks(handle),
      stat.size,
      options,
    );
  } finally {
    await handle.close();
  }
}

/** Attaches bytes already in memory (a file dropped on the app's window). */
export async function attachBytes(
  vault: Vault,
  options: AttachBytesOptions,
): Promise<AttachResult> {
  async function* once() {
    yield options.bytes;
  }
  return intake(vault, options, once(), options.bytes.length, {});
}

async function intake(
  vault: Vault,
  facts: IntakeFacts & { name: string; mediaType: string },
  blocks: AsyncIterable<Uint8Array>,
  total: number,
  options: StreamOptions,
): Promise<AttachResult> {
  checkTarget(vault, facts.recordId);
  const addedAt = new Date().toISOString();
  const draft: Attachment = {
    recordId: facts.recordId,
    name: facts.name,
    mediaType: facts.mediaType,
    size: 0,
    sha256: '0'.repeat(64),
    addedAt,
    acquisition: withoutUndefined(facts.acquisition ?? {}),
    ...(facts.note !== undefined ? { note: facts.note } : {}),
  };
  // Checked before a byte is read, so a misspelt field does not cost the encryption of a film.
  const parsed = parseRecord(attachmentRecordType, draft);
  if (!parsed.ok) {
    throw new VaultError(
      'invalid_input',
      `Nothing was attached: ${parsed.errors.map(formatRecordError).join('; ')}.`,
    );
  }
  const sodium = await loadSodium();
  const keyring = new Keyring(vault);
  const fileId = randomHex(16);
  mkdirSync(keyring.folder, { recursive: true, mode: 0o700 });
  const body = path.join(keyring.folder, fileId);
  const partial = `${body}.partial`;
  const key = randomBytes(32);
  try {
    const target = await open(partial, 'wx', 0o600);
    let written;
    try {
      written = await writeBody(
        sodium,
        key,
        bodyAdditionalData(vault.vaultId, fileId),
        whileUnlocked(vault, blocks),
        target,
        { ...options, total, what: 'Nothing was attached.' },
      );
    } finally {
      await target.close();
    }
    if (options.signal?.aborted) throw cancelled('Nothing was attached.');
    const duplicates = listAttachments(vault)
      .filter((other) => other.sha256 === written.sha256)
      .map((other) => other.fileId);
    const record: Attachment = { ...draft, size: written.size, sha256: written.sha256 };
    const entry = custodyEntry(
      fileId,
      0,
      {
        action: 'intake',
        by: facts.acquisition?.obtainedBy,
        sha256: written.sha256,
        at: addedAt,
      },
      null,
    );
    renameSync(partial, body);
    syncFolder(keyring.folder);
    vault.batch(() => {
      keyring.put(fileId, { key, anchor: { count: 1, head: custodyEntryHash(entry) } });
      vault.put(attachmentRecordType, record as unknown as JsonObject, { id: fileId });
      vault.put(custodyRecordType, entry as unknown as JsonObject, {
        id: custodyRecordId(fileId),
      });
    });
    return { fileId, sha256: written.sha256, size: written.size, duplicates };
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(body, { force: true });
    throw error;
  } finally {
    key.fill(0);
  }
}

/** Every attachment of the vault, or of one record, in file id order. */
export function listAttachments(vault: Vault, recordId?: string): AttachmentInfo[] {
  const found: AttachmentInfo[] = [];
  for (const record of vault.list({ type: attachmentRecordType })) {
    const info = toInfo(record.id, record.body as unknown as Attachment);
    if (recordId === undefined || info.recordId === recordId) found.push(info);
  }
  return found;
}

export function attachmentInfo(vault: Vault, fileId: string): AttachmentInfo {
  if (!isRecordId(fileId)) {
    throw new VaultError(
      'record_not_found',
      'There is no attachment with that id. File ids are 32 hexadecimal digits.',
    );
  }
  let record;
  try {
    record = vault.get(fileId);
  } catch (error) {
    if (isVaultError(error) && ['record_not_found', 'record_deleted'].includes(error.code))
      throw attachmentNotFound(fileId);
    throw error;
  }
  if (record.type !== attachmentRecordType) throw attachmentNotFound(fileId);
  return toInfo(fileId, record.body as unknown as Attachment);
}

/**
 * The plaintext of an attachment, a chunk (64 KiB) at a time, each authenticated before it is
 * handed out. Throws a VaultError naming the file id if the body is missing, damaged,
 * truncated, reordered or not this file's.
 */
export async function* attachmentChunks(
  vault: Vault,
  fileId: string,
  options: { signal?: AbortSignal | undefined } = {},
): AsyncGenerator<Uint8Array> {
  const info = attachmentInfo(vault, fileId);
  yield* plaintextOf(vault, info, options.signal);
}

async function* plaintextOf(
  vault: Vault,
  info: AttachmentInfo,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const sodium = await loadSodium();
  const keyring = new Keyring(vault);
  const fileKey = keyring.get(info.fileId);
  if (!fileKey) throw keyMissing(info.fileId);
  let size = 0;
  try {
    for await (const chunk of readBody(
      sodium,
      fileKey.key,
      bodyAdditionalData(vault.vaultId, info.fileId),
      path.join(keyring.folder, info.fileId),
      info.fileId,
      signal,
    )) {
      // Lock drops every key: a read in progress stops with it rather than outliving it.
      if (vault.isLocked) throw lockedMidway();
      size += chunk.length;
      yield chunk;
    }
  } finally {
    fileKey.key.fill(0);
  }
  if (size !== info.size) throw bodyDamaged(info.fileId, 'does not hold the size taken at intake');
}

/** An attachment in memory, for previews: refused when larger than `maxBytes`. */
export async function readAttachment(
  vault: Vault,
  fileId: string,
  options: { maxBytes: number; signal?: AbortSignal | undefined },
): Promise<{ info: AttachmentInfo; bytes: Uint8Array }> {
  const info = attachmentInfo(vault, fileId);
  if (info.size > options.maxBytes) {
    throw new VaultError(
      'invalid_input',
      `Attachment ${fileId} is ${info.size} bytes, more than the ${options.maxBytes} that can be shown here. Extract it to a file instead.`,
    );
  }
  const bytes = new Uint8Array(info.size);
  let at = 0;
  try {
    for await (const chunk of plaintextOf(vault, info, options.signal)) {
      if (at + chunk.length > bytes.length)
        throw bodyDamaged(fileId, 'does not hold the size taken at intake');
      bytes.set(chunk, at);
      at += chunk.length;
    }
  } catch (error) {
    bytes.fill(0);
    throw error;
  }
  return { info, bytes };
}

/**
 * Decrypts an attachment to `outPath`: written to a temporary file beside it, checked against
 * the intake SHA-256, entered in the custody log, and only then renamed into place. On any
 * failure or cancellation the temporary file is removed and nothing is at `outPath`.
 */
export async function extractAttachment(
  vault: Vault,
  fileId: string,
  outPath: string,
  options: ExtractOptions = {},
): Promise<AttachmentInfo> {
  const info = attachmentInfo(vault, fileId);
  if (existsSync(outPath)) {
    throw new VaultError(
      'invalid_input',
      `${outPath} already exists. Nothing was written. Choose another name, or move the file away first.`,
    );
  }
  const partial = `${outPath}.${randomHex(4)}.partial`;
  let handle: FileHandle;
  try {
    handle = await open(partial, 'wx', 0o600);
  } catch {
    throw new VaultError(
      'invalid_input',
      `Cannot write to ${path.dirname(outPath)}. Nothing was written. Choose a folder you may write to.`,
    );
  }
  try {
    const hash = sha256Stream(info.size);
    let done = 0;
    let writing: Promise<unknown> = Promise.resolve();
    try {
      for await (const chunk of plaintextOf(vault, info, options.signal)) {
        await hash.update(chunk);
        await writing;
        writing = handle.write(chunk);
        done += chunk.length;
        options.onProgress?.({ done, total: info.size });
      }
      await writing;
      await handle.sync();
    } catch (error) {
      hash.close();
      throw error;
    } finally {
      await writing.catch(() => undefined);
      await handle.close();
    }
    if (options.signal?.aborted) throw cancelled('Nothing was written.');
    const sha256 = await hash.digest();
    if (sha256 !== info.sha256)
      throw bodyDamaged(fileId, 'does not match the SHA-256 taken at intake');
    // The custody entry first: a copy that left the vault unrecorded is the worse failure.
    appendCustody(vault, fileId, {
      action: 'export',
      sha256,
      by: options.by,
      purpose: options.purpose,
    } satisfies CustodyStep);
    renameSync(partial, outPath);
    return info;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Destroys an attachment: its wrapped key is deleted (after which its body is noise, with any
 * key), the write-ahead log is emptied so the key's old page images go too, the body is
 * removed, and its records get tombstones (their encrypted history stays, like any record's).
 */
export function deleteAttachment(vault: Vault, fileId: string): void {
  attachmentInfo(vault, fileId);
  const keyring = new Keyring(vault);
  vault.batch(() => {
    keyring.delete(fileId);
    vault.delete(fileId);
    try {
      vault.delete(custodyRecordId(fileId));
    } catch (error) {
      if (!isVaultError(error)) throw error;
    }
  });
  keyring.checkpoint();
  rmSync(path.join(keyring.folder, fileId), { force: true });
}

function lockedMidway(): VaultError {
  return new VaultError(
    'locked',
    'The vault was locked while a file was being read or written. Nothing was written. Unlock it and start again.',
  );
}

async function* whileUnlocked(
  vault: Vault,
  blocks: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  for await (const block of blocks) {
    if (vault.isLocked) throw lockedMidway();
    yield block;
  }
}

function checkTarget(vault: Vault, recordId: string): void {
  const target = vault.get(recordId);
  if (target.type === attachmentRecordType || target.type === custodyRecordType) {
    throw new VaultError(
      'invalid_input',
      `Record ${recordId} is an ${target.type}. Attach files to a case, person, testimony, proceeding or source. Nothing was attached.`,
    );
  }
}

function toInfo(fileId: string, body: Attachment): AttachmentInfo {
  return {
    fileId,
    recordId: body.recordId,
    name: body.name,
    mediaType: body.mediaType,
    size: body.size,
    sha256: body.sha256,
    addedAt: body.addedAt,
    acquisition: body.acquisition,
    ...(body.note !== undefined ? { note: body.note } : {}),
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Makes a rename durable: the folder entry itself must reach the disk. */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
