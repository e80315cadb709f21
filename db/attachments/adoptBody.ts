import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { attachmentRecordType } from '../../shared/model';
import { loadSodium } from '../crypto/sodium';
import { randomBytes, randomHex } from '../crypto/random';
import { VaultError } from '../errors';
import type { Vault } from '../vault/vault';
import { syncFolder } from './attachments';
import { bodyAdditionalData } from './bodyFormat';
import { writeBody, type StreamOptions } from './bodyFile';
import { appendCustody, custodyEntryHash, custodyLog, type CustodyStep } from './custody';
import { Keyring } from './keyring';

/**
 * Evidence files arriving from another vault (a bundle): each body is stored under the file id
 * it already has, encrypted anew under a fresh key of this vault, with attachFile's own body
 * writer. In three steps, so that a refused import leaves no trace:
 *
 * 1. `write`: the plaintext goes into `<file id>.<random>.partial` in the attachments folder,
 *    encrypted as it arrives, its SHA-256 taken on the way;
 * 2. `seal`, inside the transaction that adopts the records: the key rows of the new bodies,
 *    and the custody anchors of every file whose log gained entries;
 * 3. `install`, after that commit: the partial files are renamed into place.
 *
 * `discard` (on any failure before 3, or after a dry run) removes every partial file and
 * wipes every key.
 */
export class BodyAdoption {
  private readonly keyring: Keyring;
  private readonly pending = new Map<string, { key: Uint8Array; partial: string }>();
  private madeFolder = false;

  constructor(private readonly vault: Vault) {
    this.keyring = new Keyring(vault);
  }

  /** This vault holds the file's key and its body: a copy arriving again is only checked. */
  holds(fileId: string): boolean {
    return (
      this.pending.has(fileId) ||
      (this.keyring.has(fileId) && existsSync(path.join(this.keyring.folder, fileId)))
    );
  }

  /** Encrypts `source` into a partial file under a new key; returns what it hashed. */
  async write(
    fileId: string,
    source: AsyncIterable<Uint8Array>,
    options: StreamOptions & { total: number },
  ): Promise<{ sha256: string; size: number }> {
    if (this.pending.has(fileId)) {
      throw new VaultError('invalid_input', `Attachment ${fileId} arrives twice.`);
    }
    if (!existsSync(this.keyring.folder)) {
      mkdirSync(this.keyring.folder, { recursive: true, mode: 0o700 });
      this.madeFolder = true;
    }
    const sodium = await loadSodium();
    const partial = path.join(this.keyring.folder, `${fileId}.${randomHex(4)}.partial`);
    const key = randomBytes(32);
    this.pending.set(fileId, { key, partial });
    const target = await open(partial, 'wx', 0o600);
    try {
      return await writeBody(
        sodium,
        key,
        bodyAdditionalData(this.vault.vaultId, fileId),
        source,
        target,
        { ...options, what: 'Nothing was changed.' },
      );
    } finally {
      await target.close();
    }
  }

  /**
   * Call inside the transaction that adopted the records, after the last of them. Writes the
   * key row of each new body, and moves the custody anchor of each file this vault holds whose
   * log gained `added` entries (docs/attachments.md, "Custody after a merge").
   */
  seal(added: ReadonlyMap<string, number>): void {
    for (const fileId of new Set([...this.pending.keys(), ...added.keys()])) {
      const fresh = this.pending.get(fileId);
      const held = this.keyring.get(fileId);
      if (!fresh && !held) continue;
      const entries = custodyLog(this.vault, fileId);
      if (entries.length === 0 || entries[0]!.action !== 'intake') {
        throw new VaultError(
          'invalid_input',
          `Attachment ${fileId} arrives without the custody log that starts with its intake.`,
        );
      }
      // The count moves by what arrived, never by what is there: an entry removed from this
      // vault before the import stays a missing entry after it.
      const count = held ? held.anchor.count + (added.get(fileId) ?? 0) : entries.length;
      // Entries are taken in after the entry they follow, so the last one is a leaf.
      this.keyring.put(fileId, {
        key: fresh?.key ?? held!.key,
        anchor: { count, head: custodyEntryHash(entries[entries.length - 1]!) },
      });
      held?.key.fill(0);
    }
  }

  /** After the commit: the bodies take their place. Returns their file ids. */
  install(): string[] {
    const installed: string[] = [];
    for (const [fileId, { key, partial }] of this.pending) {
      renameSync(partial, path.join(this.keyring.folder, fileId));
      key.fill(0);
      installed.push(fileId);
    }
    this.pending.clear();
    if (installed.length > 0) syncFolder(this.keyring.folder);
    return installed;
  }

  /** Removes every partial file (and the folder, if this adoption made it); wipes the keys. */
  discard(): void {
    for (const { key, partial } of this.pending.values()) {
      key.fill(0);
      rmSync(partial, { force: true });
    }
    this.pending.clear();
    if (this.madeFolder) rmSync(this.keyring.folder, { recursive: true, force: true });
  }
}

/** The file ids of attachments whose key and body this vault holds: what it can send on. */
export function heldBodies(vault: Vault): Set<string> {
  const keyring = new Keyring(vault);
  return new Set(
    keyring.fileIds().filter((fileId) => existsSync(path.join(keyring.folder, fileId))),
  );
}

/** The same custody step in the log of each file, in one transaction (a bundle sent or taken in). */
export function appendCustodyToEach(
  vault: Vault,
  fileIds: readonly string[],
  step: CustodyStep,
): void {
  vault.batch(() => {
    for (const fileId of fileIds) {
      if (vault.get(fileId).type === attachmentRecordType) appendCustody(vault, fileId, step);
    }
  });
}
