import type { SealedBox } from '../crypto/sealedBox';
import type { SqliteDatabase } from '../store/database';
import type { Vault } from '../vault/vault';
import { keyDamaged } from './attachmentErrors';

/**
 * Where a file's custody log must end (docs/attachments.md, "Custody"): kept sealed with the
 * file's key, in the one mutable table, so removing the newest entry from the append-only
 * revisions is detected too.
 */
export interface CustodyAnchor {
  readonly count: number;
  /** SHA-256 of the canonical JSON of the newest entry. */
  readonly head: Uint8Array;
}

export interface FileKey {
  readonly key: Uint8Array;
  readonly anchor: CustodyAnchor;
}

const keyBytes = 32;
const hashBytes = 32;
const sealedKeyPlaintextBytes = keyBytes + 4 + hashBytes;

export function keyAdditionalData(vaultId: string, fileId: string): Uint8Array {
  return Buffer.from(['casebook/attachment-key/v1', vaultId, fileId].join('\0'), 'latin1');
}

export function sealFileKey(
  box: SealedBox,
  vaultId: string,
  fileId: string,
  fileKey: FileKey,
  nonce?: Uint8Array,
): Uint8Array {
  const plaintext = new Uint8Array(sealedKeyPlaintextBytes);
  plaintext.set(fileKey.key, 0);
  new DataView(plaintext.buffer).setUint32(keyBytes, fileKey.anchor.count);
  plaintext.set(fileKey.anchor.head, keyBytes + 4);
  const sealed = box.seal(keyAdditionalData(vaultId, fileId), plaintext, nonce);
  plaintext.fill(0);
  return sealed;
}

export function openFileKey(
  box: SealedBox,
  vaultId: string,
  fileId: string,
  sealed: Uint8Array,
): FileKey | null {
  const plaintext = box.open(keyAdditionalData(vaultId, fileId), sealed);
  if (!plaintext || plaintext.length !== sealedKeyPlaintextBytes) return null;
  const key = plaintext.slice(0, keyBytes);
  const count = new DataView(plaintext.buffer, plaintext.byteOffset).getUint32(keyBytes);
  const head = plaintext.slice(keyBytes + 4);
  plaintext.fill(0);
  return { key, anchor: { count, head } };
}

/**
 * The wrapped keys of a vault's evidence files. Destroying a file is deleting its row, so
 * every write here runs with `secure_delete` on: SQLite zeroes the bytes a row leaves behind,
 * and no older wrapping of a key stays in a free part of a page.
 */
export class Keyring {
  private readonly box: SealedBox;
  private readonly db: SqliteDatabase;
  readonly folder: string;

  constructor(private readonly vault: Vault) {
    const store = vault.attachmentStore();
    this.box = store.box;
    this.db = store.db;
    this.folder = store.folder;
    this.db.pragma('secure_delete = ON');
  }

  has(fileId: string): boolean {
    return this.sealed(fileId) !== undefined;
  }

  /** The file's key and custody anchor; null when there is none; throws when it is damaged. */
  get(fileId: string): FileKey | null {
    const sealed = this.sealed(fileId);
    if (!sealed) return null;
    const opened = openFileKey(this.box, this.vault.vaultId, fileId, sealed);
    if (!opened) throw keyDamaged(fileId);
    return opened;
  }

  /** Inserts or replaces. Call inside the vault's batch with the records it goes with. */
  put(fileId: string, fileKey: FileKey): void {
    this.db
      .prepare(
        `INSERT INTO attachment_keys (file_id, sealed) VALUES (?, ?)
         ON CONFLICT (file_id) DO UPDATE SET sealed = excluded.sealed`,
      )
      .run(fileId, sealFileKey(this.box, this.vault.vaultId, fileId, fileKey));
  }

  delete(fileId: string): void {
    this.db.prepare('DELETE FROM attachment_keys WHERE file_id = ?').run(fileId);
  }

  fileIds(): string[] {
    return this.db
      .prepare('SELECT file_id FROM attachment_keys ORDER BY file_id')
      .pluck()
      .all() as string[];
  }

  /**
   * Moves every page out of the write-ahead log and empties it, so that a deleted key's
   * old page images do not outlive the delete there. Returns false when a reader kept it busy.
   */
  checkpoint(): boolean {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
  }

  private sealed(fileId: string): Uint8Array | undefined {
    return this.db
      .prepare('SELECT sealed FROM attachment_keys WHERE file_id = ?')
      .pluck()
      .get(fileId) as Buffer | undefined;
  }
}
