import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import {
  canonicalJson,
  isRecordId,
  isRecordType,
  type JsonObject,
  type JsonValue,
  type RecordRevision,
} from '../../shared/records';
import { VaultError, damagedDatabase, isDamagedDatabase } from '../errors';
import { loadSodium, type Sodium } from '../crypto/sodium';
import { randomBytes, randomHex } from '../crypto/random';
import {
  defaultArgon2idCost,
  normalisePassphrase,
  type Argon2idCost,
} from '../crypto/passphraseKey';
import { unwrapVaultKey, wrapVaultKey, type KeyslotFile } from '../crypto/keyslots';
import { generateRecoveryCode, parseRecoveryCode } from '../crypto/recoveryCode';
import { RecordCipher, deriveRecordKey, type RevisionPlace } from '../crypto/recordCipher';
import { SealedBox } from '../crypto/sealedBox';
import { deriveStateKey, stateAdditionalData } from '../crypto/stateCipher';
import { openDatabase, type OpenOptions, type SqliteDatabase } from '../store/database';
import { RevisionStore, type HeadRevision, type StoredRevision } from '../store/revisionStore';
import { headsOf, mergeRevisionId, mergeRevisions, valueAt } from '../bundles/merge';
import { hasVaultFiles, vaultLayout, type VaultLayout } from './layout';
import { readKeyslotFile, shredKeyslotFile, writeKeyslotFile } from './keyslotFile';
import { RevisionOpener, storedAdditionalData } from './revisionOpener';
import { OpeningPool, defaultOpeningThreads } from './openingPool';
import { headPageReader } from './headPages';
import { deriveAttachmentWrapKey } from '../attachments/wrapKey';

export interface CreateOptions extends OpenOptions {
  /** Argon2id cost for the new keyslots. Tests lower it; people never need to. */
  readonly kdfCost?: Argon2idCost;
}

export interface WrittenRevision {
  readonly id: string;
  readonly revision: string;
}

/**
 * A record whose concurrent heads changed the same fields differently (docs/bundle.md,
 * "Merge"). It reads with the newest side's value in each such field until someone writes a
 * revision over all its heads.
 */
export interface RecordConflict {
  readonly id: string;
  readonly type: string;
  /** Field paths, such as `notes` or `contacts.phone`. */
  readonly fields: readonly string[];
  /**
   * The competing revisions, newest first, with their value of each conflicting field; a
   * field missing from `values` was removed by that revision.
   */
  readonly revisions: readonly {
    readonly revision: string;
    readonly device: string;
    readonly at: string;
    readonly values: Readonly<Record<string, JsonValue>>;
  }[];
}

/**
 * Revisions from another vault entering this one, in one transaction (see beginAdoption):
 * each keeps its id, parents, device and time and is sealed anew under this vault's key.
 */
export interface RevisionAdoption {
  /** 'present' when this vault already holds the very same revision: adopting is idempotent. */
  adopt(revision: RecordRevision): 'added' | 'present';
  /** Works out the heads of every record touched, then commits. */
  commit(): { records: number };
  rollback(): void;
}

/** Heads read per page by listAll(): one message to an opening thread. */
const listAllPageSize = 500;

/** A body larger than this is a mistake (attachments are stored apart), not a record. */
export const maxBodyBytes = 8 * 1024 * 1024;
const minPassphraseLength = 8;

function checkPassphrase(passphrase: string): string {
  const normalised = normalisePassphrase(passphrase);
  if ([...normalised].length < minPassphraseLength) {
    throw new VaultError(
      'invalid_input',
      `A passphrase needs at least ${minPassphraseLength} characters. Choose a longer one: several words are easier to remember than symbols.`,
    );
  }
  return normalised;
}

/** Settings (docs/vault-format.md, "sealed_settings") are sealed under subkey 3, "cbsettng". */
function deriveSettingsKey(sodium: Sodium, vaultKey: Uint8Array): Uint8Array {
  return sodium.crypto_kdf_derive_from_key(32, 3, 'cbsettng', vaultKey);
}

function settingAdditionalData(vaultId: string, name: string): Uint8Array {
  return Buffer.from(['casebook/setting/v1', vaultId, name].join('\0'), 'latin1');
}

function checkStateName(name: string): string {
  if (!isRecordType(name))
    throw new VaultError('invalid_input', 'A saved state needs a name like "search-index".');
  return name;
}

/**
 * An unlocked vault: the only object that holds the vault key. Everything it hands out is
 * decrypted on demand; nothing decrypted is cached, so lock() leaves no plaintext behind
 * in what this process controls.
 */
export class Vault {
  private cipher: RecordCipher | null;
  private opener: RevisionOpener | null;
  /** The record key shared with the opening threads of listAll(), once it has run. */
  private sharedRecordKey: Uint8Array | null = null;
  private openingPool: OpeningPool | null = null;
  private stateBox: SealedBox | null;
  private settingsBox: SealedBox | null;
  private attachmentBox: SealedBox | null;

  private constructor(
    private readonly sodium: Sodium,
    private readonly layout: VaultLayout,
    private readonly db: SqliteDatabase,
    private readonly store: RevisionStore,
    private vaultKey: Uint8Array | null,
    readonly vaultId: string,
    readonly deviceId: string,
    private readonly kdfCost: Argon2idCost,
  ) {
    const recordKey = deriveRecordKey(sodium, vaultKey!);
    this.cipher = new RecordCipher(sodium, recordKey);
    this.opener = new RevisionOpener(sodium, recordKey);
    this.stateBox = new SealedBox(sodium, deriveStateKey(sodium, vaultKey!));
    this.settingsBox = new SealedBox(sodium, deriveSettingsKey(sodium, vaultKey!));
    this.attachmentBox = new SealedBox(sodium, deriveAttachmentWrapKey(sodium, vaultKey!));
  }

  /** Makes a new vault in `dir` and returns it unlocked, with the recovery code to show once. */
  static async create(
    dir: string,
    passphrase: string,
    options: CreateOptions = {},
  ): Promise<{ vault: Vault; recoveryCode: string }> {
    const layout = vaultLayout(dir);
    if (hasVaultFiles(layout)) {
      throw new VaultError(
        'vault_exists',
        `There is already a vault in ${dir}. Nothing was changed. Choose an empty folder for a new vault.`,
      );
    }
    const secret = checkPassphrase(passphrase);
    const sodium = await loadSodium();
    const cost = options.kdfCost ?? defaultArgon2idCost;
    const vaultId = randomHex(16);
    const deviceId = randomHex(16);
    const vaultKey = randomBytes(32);
    const recoveryCode = generateRecoveryCode();
    const slots: KeyslotFile = {
      format: 'casebook-keyslots',
      version: 1,
      vaultId,
      slots: [
        wrapVaultKey(sodium, vaultId, 'passphrase', secret, vaultKey, cost),
        wrapVaultKey(sodium, vaultId, 'recovery', recoveryCode, vaultKey, cost),
      ],
    };
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeKeyslotFile(layout.keyslots, slots);
    const db = openDatabase(layout.database, { ...options, create: true });
    const insert = db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      insert.run('format', 'casebook-vault');
      insert.run('vault_id', vaultId);
      insert.run('device_id', deviceId);
    })();
    const vault = new Vault(
      sodium,
      layout,
      db,
      new RevisionStore(db),
      vaultKey,
      vaultId,
      deviceId,
      cost,
    );
    return { vault, recoveryCode };
  }

  /**
   * Opens a vault with its passphrase or its recovery code. The secret is checked against
   * the keyslots before the database is touched, so a wrong one changes no byte on disk.
   */
  static async unlock(dir: string, secret: string, options: OpenOptions = {}): Promise<Vault> {
    const layout = vaultLayout(dir);
    if (!hasVaultFiles(layout)) {
      throw new VaultError(
        'no_vault',
        `There is no Casebook vault in ${dir}. Check the folder, or create a vault with "init".`,
      );
    }
    const slots = readKeyslotFile(layout.keyslots);
    if (!existsSync(layout.database)) {
      throw new VaultError(
        'database_damaged',
        `The vault database ${layout.database} is missing. Nothing was changed. Restore the vault from your latest backup bundle.`,
      );
    }
    const sodium = await loadSodium();
    const opened = Vault.unwrap(sodium, slots, secret);
    if (!opened) {
      throw new VaultError(
        'wrong_secret',
        'That passphrase or recovery code does not open this vault. Nothing was changed. Check the keyboard layout and Caps Lock, or use the recovery code.',
      );
    }
    let db: SqliteDatabase | undefined;
    try {
      db = openDatabase(layout.database, options);
      const meta = new Map(
        (
          db.prepare('SELECT key, value FROM vault_meta').all() as { key: string; value: string }[]
        ).map((row) => [row.key, row.value]),
      );
      if (meta.get('vault_id') !== slots.vaultId || !meta.get('device_id')) {
        throw new VaultError(
          'keyslots_damaged',
          `The key file ${layout.keyslots} belongs to another vault than ${layout.database}. Nothing was changed. Put the vault's own files back together, or restore from a backup bundle.`,
        );
      }
      return new Vault(
        sodium,
        layout,
        db,
        new RevisionStore(db),
        opened.vaultKey,
        slots.vaultId,
        meta.get('device_id')!,
        opened.cost,
      );
    } catch (error) {
      sodium.memzero(opened.vaultKey);
      db?.close();
      if (isDamagedDatabase(error)) throw damagedDatabase(layout.database);
      throw error;
    }
  }

  private static unwrap(
    sodium: Sodium,
    slots: KeyslotFile,
    secret: string,
  ): { vaultKey: Uint8Array; cost: Argon2idCost } | null {
    // The passphrase slot first: it is what people type. A recovery code is tried only when
    // the input has the shape of one, so a mistyped passphrase costs one Argon2id, not two.
    const recoveryCode = parseRecoveryCode(secret);
    const attempts = [
      { kind: 'passphrase', secret: normalisePassphrase(secret) },
      ...(recoveryCode ? [{ kind: 'recovery', secret: recoveryCode }] : []),
    ];
    for (const attempt of attempts) {
      for (const slot of slots.slots.filter((s) => s.kind === attempt.kind)) {
        const vaultKey = unwrapVaultKey(sodium, slots.vaultId, slot, attempt.secret);
        if (vaultKey)
          return { vaultKey, cost: { opslimit: slot.kdf.opslimit, memlimit: slot.kdf.memlimit } };
      }
    }
    return null;
  }

  /**
   * Destroys a vault at once: the keyslots are overwritten and removed first (after that
   * nothing opens the vault), then the ciphertext files are removed. Needs no passphrase:
   * it is meant for when there is no time.
   */
  static erase(dir: string): void {
    const layout = vaultLayout(dir);
    if (!hasVaultFiles(layout)) {
      throw new VaultError('no_vault', `There is no Casebook vault in ${dir}. Nothing was erased.`);
    }
    shredKeyslotFile(layout.keyslots);
    for (const file of [layout.database, ...layout.databaseCompanions])
      rmSync(file, { force: true });
    // Unreadable already (their keys were in the database, under the vault key); removed so
    // that no sizes or counts of evidence files stay behind either.
    rmSync(layout.attachments, { recursive: true, force: true });
  }

  get isLocked(): boolean {
    return this.cipher === null;
  }

  get folder(): string {
    return this.layout.dir;
  }

  /** How many threads listAll() has running: none before it first runs, none once locked. */
  get openingThreads(): number {
    return this.openingPool?.running ?? 0;
  }

  /**
   * For db/attachments only: the box that wraps each evidence file's key, the database that
   * keeps the wrapped keys, and the folder of the encrypted bodies (docs/attachments.md).
   */
  attachmentStore(): { box: SealedBox; db: SqliteDatabase; folder: string } {
    this.unlocked();
    return { box: this.attachmentBox!, db: this.db, folder: this.layout.attachments };
  }

  /** Writes a new revision of a record (a new record when `id` is absent or unknown). */
  put(type: string, body: JsonObject, options: { id?: string } = {}): WrittenRevision {
    const cipher = this.unlocked();
    if (!isRecordType(type)) {
      throw new VaultError(
        'invalid_input',
        'A record type is 1 to 32 lower-case Latin letters, digits, "-" or "_", starting with a letter (for example "person").',
      );
    }
    const id = options.id ?? randomUUID();
    if (!isRecordId(id)) {
      throw new VaultError(
        'invalid_input',
        'A record id is 1 to 64 Latin letters, digits, "-" or "_". Ids are stored in clear, so never put a name in one.',
      );
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new VaultError(
        'invalid_input',
        'A record must be a JSON object, like {"name": "..."}.',
      );
    }
    return this.write(cipher, { id, type, deleted: false, body });
  }

  /** Marks a record deleted with a tombstone revision; its history stays. */
  delete(id: string): WrittenRevision {
    const cipher = this.unlocked();
    const head = this.guard(() => this.store.headPointer(id));
    if (!head) throw this.notFound(id);
    if (head.deleted) {
      throw new VaultError(
        'record_deleted',
        `Record ${id} is already deleted. Nothing was changed.`,
      );
    }
    return this.write(cipher, { id, type: head.type, deleted: true, body: null });
  }

  /** Runs several writes as one transaction: all of them land, or none. */
  batch<T>(work: () => T): T {
    this.unlocked();
    return this.guard(() => this.store.transaction(work));
  }

  get(id: string): RecordRevision {
    const cipher = this.unlocked();
    const head = this.guard(() => this.store.head(id));
    if (!head) throw this.notFound(id);
    const current = head.heads > 1 ? this.guard(() => this.merged(cipher, id)) : undefined;
    if (current ? current.deleted : head.deleted) {
      throw new VaultError(
        'record_deleted',
        `Record ${id} was deleted. Its earlier revisions are still in the vault: see its history.`,
      );
    }
    return current ?? this.open(cipher, head);
  }

  /** The current state of every record that is not deleted, ordered by id. */
  /**
   * The ids of the live records of a type, in list() order, without decrypting anything: ids,
   * types and the deleted flag are stored in clear (docs/vault-format.md). For paging a long
   * list; each record is still opened, and checked, when it is shown.
   */
  liveIds(type: string): string[] {
    this.unlocked();
    return this.guard(() => this.store.liveIds(type));
  }

  list(options: { type?: string } = {}): Generator<RecordRevision> {
    const cipher = this.unlocked();
    return this.currentStates(cipher, this.store.heads(options.type));
  }

  /**
   * The same records as list(), in the same order, for reading the whole vault at once: pages
   * of ciphertext are opened on worker threads while this thread reads the next page from
   * SQLite. No statement stays open between pages, so the vault stays writable while the
   * caller awaits. Locking the vault ends the threads and fails the listing with "locked".
   */
  listAll(options: { type?: string } = {}): AsyncGenerator<RecordRevision> {
    const cipher = this.unlocked();
    return this.openAll(cipher, headPageReader(this.db, options.type, listAllPageSize));
  }

  /** Every revision of a record, oldest first, tombstones included. */
  history(id: string): RecordRevision[] {
    const cipher = this.unlocked();
    const revisions = this.guard(() => this.store.history(id));
    if (revisions.length === 0) throw this.notFound(id);
    return revisions.map((revision) => this.open(cipher, revision));
  }

  /** The sequence number of the newest revision in this vault (0 when empty). */
  lastSeq(): number {
    this.unlocked();
    return this.guard(() => this.store.lastSeq());
  }

  /**
   * The current state of every record written after `seq`, deleted ones included (as
   * tombstones with a null body): what a saved state must catch up with.
   */
  changedSince(seq: number): Generator<RecordRevision> {
    const cipher = this.unlocked();
    return this.currentStates(cipher, this.store.changedSince(seq));
  }

  /** Opens each head as it is read, reporting a damaged file the way every other read does. */
  private *currentStates(
    cipher: RecordCipher,
    heads: Generator<HeadRevision>,
  ): Generator<RecordRevision> {
    try {
      while (true) {
        const next = this.guard(() => heads.next());
        if (next.done) return;
        yield this.current(cipher, next.value);
      }
    } finally {
      // Frees SQLite's statement when a caller stops early, so the connection is usable again.
      heads.return(undefined);
    }
  }

  private async *openAll(
    cipher: RecordCipher,
    readPage: () => HeadRevision[],
  ): AsyncGenerator<RecordRevision> {
    this.unlocked();
    // Two pages per thread in flight: one being opened, one waiting, while this thread reads.
    const depth = 2 * defaultOpeningThreads;
    const pending: { heads: HeadRevision[]; texts: Promise<(string | null)[]> | null }[] = [];
    let more = true;
    const readAhead = () => {
      while (more && pending.length < depth) {
        this.unlocked();
        const heads = this.guard(readPage);
        if (heads.length < listAllPageSize) more = false;
        if (heads.length === 0) break;
        // A vault of one page is opened here, as list() does: starting threads would cost more.
        if (!more && pending.length === 0 && !this.openingPool) {
          pending.push({ heads, texts: null });
          break;
        }
        this.openingPool ??= new OpeningPool(this.shareRecordKey());
        // Records with concurrent heads are merged here, from several revisions, as list() does.
        const texts = this.openingPool.openRevisions(
          this.vaultId,
          heads.filter((head) => head.heads === 1),
        );
        // Awaited in turn below; this only keeps a page failed by lock() from being "unhandled".
        texts.catch(() => {});
        pending.push({ heads, texts });
      }
    };
    readAhead();
    while (pending.length > 0) {
      const page = pending.shift()!;
      const texts = page.texts && (await page.texts);
      readAhead();
      let next = 0;
      for (const head of page.heads) {
        this.unlocked();
        if (!texts || head.heads > 1) yield this.guard(() => this.current(cipher, head));
        else yield this.revisionOf(head, texts[next++]!);
      }
    }
  }

  /** A copy of the record key the opening threads can read, zeroed by lock(). */
  private shareRecordKey(): SharedArrayBuffer {
    const recordKey = deriveRecordKey(this.sodium, this.vaultKey!);
    const shared = new Uint8Array(new SharedArrayBuffer(recordKey.length));
    shared.set(recordKey);
    this.sodium.memzero(recordKey);
    this.sharedRecordKey = shared;
    return shared.buffer as SharedArrayBuffer;
  }

  /**
   * A saved state (such as the search index), or null when there is none or it cannot be
   * opened: a state is derived from the records, so the remedy for either is to rebuild it.
   */
  readState(name: string): { bytes: Uint8Array; upToSeq: number } | null {
    this.unlocked();
    const stored = this.guard(() => this.store.readState(checkStateName(name)));
    if (!stored) return null;
    const bytes = this.stateBox!.open(
      stateAdditionalData(this.vaultId, name, stored.upToSeq),
      stored.sealed,
    );
    return bytes && { bytes, upToSeq: stored.upToSeq };
  }

  /** Seals and keeps a state that reflects every revision up to `upToSeq`. */
  writeState(name: string, bytes: Uint8Array, upToSeq: number): void {
    this.unlocked();
    const sealed = this.stateBox!.seal(
      stateAdditionalData(this.vaultId, checkStateName(name), upToSeq),
      bytes,
    );
    this.guard(() => this.store.writeState(name, upToSeq, sealed));
  }

  /** Records whose concurrent heads changed the same fields differently, in id order. */
  *conflicts(): Generator<RecordConflict> {
    const cipher = this.unlocked();
    for (const id of this.guard(() => this.store.concurrentRecords())) {
      const { view, merge, opened } = this.guard(() => this.mergeState(cipher, id));
      if (!merge || merge.conflicts.length === 0) continue;
      const competing = merge.order.filter((revision) =>
        merge.conflicts.some((conflict) => conflict.revisions.includes(revision)),
      );
      yield {
        id,
        type: view.type,
        fields: merge.conflicts.map((conflict) => conflict.path),
        revisions: competing.map((revision) => {
          const side = opened.get(revision)!;
          const values: Record<string, JsonValue> = {};
          for (const conflict of merge.conflicts) {
            const value = valueAt(side.body ?? {}, conflict.keys);
            if (value !== undefined) values[conflict.path] = value;
          }
          return { revision, device: side.device, at: side.at, values };
        }),
      };
    }
  }

  /**
   * A sealed setting: something of this vault's own that is not a record (its device
   * identity, the devices it trusts, the bundle log). Null when there is none.
   */
  readSetting(name: string): Uint8Array | null {
    this.unlocked();
    const sealed = this.guard(() => this.store.readSetting(checkStateName(name)));
    if (!sealed) return null;
    const bytes = this.settingsBox!.open(settingAdditionalData(this.vaultId, name), sealed);
    if (!bytes) {
      throw new VaultError(
        'database_damaged',
        `The vault's sealed setting "${name}" cannot be opened: it was altered or damaged. Restore the vault from a backup bundle.`,
      );
    }
    return bytes;
  }

  writeSetting(name: string, bytes: Uint8Array): void {
    this.unlocked();
    const sealed = this.settingsBox!.seal(
      settingAdditionalData(this.vaultId, checkStateName(name)),
      bytes,
    );
    this.guard(() => this.store.writeSetting(name, sealed));
  }

  /** How many revisions have a sequence number in (after, upTo]. */
  countRevisions(after: number, upTo: number): number {
    this.unlocked();
    return this.guard(() => this.store.countBetween(after, upTo));
  }

  /**
   * Every revision with a sequence number in (after, upTo], decrypted, in local order, a page
   * at a time: what a bundle carries. Each comes with its `seq`.
   */
  *revisionsBetween(
    after: number,
    upTo: number,
    pageSize = 500,
  ): Generator<RecordRevision & { seq: number }> {
    const cipher = this.unlocked();
    let from = after;
    while (true) {
      const page = this.guard(() => this.store.revisionsBetween(from, upTo, pageSize));
      for (const stored of page) yield { ...this.open(cipher, stored), seq: stored.seq };
      if (page.length < pageSize) return;
      from = page[page.length - 1]!.seq;
    }
  }

  /**
   * Starts taking in revisions from another vault, in one write transaction that stays open
   * across the awaits of a streamed import. Nothing is visible to a reader, or survives a
   * crash, until commit(); rollback() leaves the vault as it was.
   */
  beginAdoption(): RevisionAdoption {
    const cipher = this.unlocked();
    const transaction = this.guard(() => this.store.beginLong());
    const touched = new Map<string, string>();
    return {
      adopt: (revision) => {
        try {
          return this.guard(() => this.adopt(cipher, revision, touched));
        } catch (error) {
          transaction.rollback();
          throw error;
        }
      },
      commit: () => {
        try {
          this.guard(() => {
            for (const [id, type] of touched) this.store.settleHeads(id, type);
            transaction.commit();
          });
        } catch (error) {
          transaction.rollback();
          throw error;
        }
        return { records: touched.size };
      },
      rollback: () => this.guard(() => transaction.rollback()),
    };
  }

  /** Rewraps the vault key under a new passphrase; no record is re-encrypted. */
  changePassphrase(newPassphrase: string): void {
    this.unlocked();
    const secret = checkPassphrase(newPassphrase);
    const slots = readKeyslotFile(this.layout.keyslots);
    const fresh = wrapVaultKey(
      this.sodium,
      this.vaultId,
      'passphrase',
      secret,
      this.vaultKey!,
      this.kdfCost,
    );
    writeKeyslotFile(this.layout.keyslots, {
      ...slots,
      slots: [fresh, ...slots.slots.filter((slot) => slot.kind !== 'passphrase')],
    });
  }

  /** Wipes the keys and closes the database. The object is useless afterwards. */
  lock(): void {
    if (!this.cipher) return;
    this.cipher.wipe();
    this.cipher = null;
    this.opener!.wipe();
    this.opener = null;
    if (this.sharedRecordKey) this.sodium.memzero(this.sharedRecordKey);
    this.sharedRecordKey = null;
    // Kept, ended, so openingThreads can show the threads going.
    void this.openingPool?.end();
    this.stateBox!.wipe();
    this.stateBox = null;
    this.settingsBox!.wipe();
    this.settingsBox = null;
    this.attachmentBox!.wipe();
    this.attachmentBox = null;
    this.sodium.memzero(this.vaultKey!);
    this.vaultKey = null;
    this.db.close();
  }

  /** Locks, then erases (see Vault.erase). */
  erase(): void {
    this.lock();
    Vault.erase(this.layout.dir);
  }

  private write(
    cipher: RecordCipher,
    revision: { id: string; type: string; deleted: boolean; body: JsonObject | null },
  ): WrittenRevision {
    const plaintext = JSON.stringify({ at: new Date().toISOString(), body: revision.body });
    // A text is at least as many bytes as units, and at most three times as many: counted only
    // when it could be too large.
    if (
      plaintext.length > maxBodyBytes ||
      (plaintext.length * 3 > maxBodyBytes && Buffer.byteLength(plaintext) > maxBodyBytes)
    ) {
      throw new VaultError(
        'invalid_input',
        `Record ${revision.id} is larger than ${maxBodyBytes / 1024 / 1024} MiB. Keep documents and media as attachments instead.`,
      );
    }
    return this.guard(() =>
      this.store.transaction(() => {
        const head = this.store.headPointer(revision.id);
        if (head && head.type !== revision.type) {
          throw new VaultError(
            'type_mismatch',
            `Record ${revision.id} is a ${head.type}, not a ${revision.type}. Nothing was changed.`,
          );
        }
        const place: RevisionPlace = {
          vaultId: this.vaultId,
          recordId: revision.id,
          revisionId: randomHex(16),
          type: revision.type,
          device: this.deviceId,
          deleted: revision.deleted,
          // A write sees every head: over concurrent heads it is the merge, or the resolution.
          parents: !head ? [] : head.heads > 1 ? this.headIds(revision.id) : [head.revisionId],
        };
        this.store.append({ ...place, sealed: cipher.sealText(place, plaintext) });
        return { id: place.recordId, revision: place.revisionId };
      }),
    );
  }

  private adopt(
    cipher: RecordCipher,
    revision: RecordRevision,
    touched: Map<string, string>,
  ): 'added' | 'present' {
    const type = touched.get(revision.id) ?? this.store.headPointer(revision.id)?.type;
    if (type !== undefined && type !== revision.type) {
      throw new VaultError(
        'type_mismatch',
        `Record ${revision.id} is a ${type} in this vault, not a ${revision.type}.`,
      );
    }
    const place: RevisionPlace = {
      vaultId: this.vaultId,
      recordId: revision.id,
      revisionId: revision.revision,
      type: revision.type,
      device: revision.device,
      deleted: revision.deleted,
      parents: revision.parents,
    };
    const existing = this.store.revision(revision.id, revision.revision);
    if (existing) {
      const held = this.open(cipher, existing);
      const same =
        held.device === revision.device &&
        held.deleted === revision.deleted &&
        held.at === revision.at &&
        held.parents.join(',') === revision.parents.join(',') &&
        (held.body === null || revision.body === null
          ? held.body === revision.body
          : canonicalJson(held.body) === canonicalJson(revision.body));
      if (!same) {
        throw new VaultError(
          'invalid_input',
          `Revision ${revision.revision} of record ${revision.id} differs from the copy already in this vault.`,
        );
      }
      return 'present';
    }
    const plaintext = Buffer.from(JSON.stringify({ at: revision.at, body: revision.body }), 'utf8');
    if (plaintext.length > maxBodyBytes) {
      throw new VaultError(
        'invalid_input',
        `Revision ${revision.revision} of record ${revision.id} is larger than ${maxBodyBytes / 1024 / 1024} MiB.`,
      );
    }
    this.store.insert({ ...place, sealed: cipher.seal(place, plaintext) });
    touched.set(revision.id, revision.type);
    return 'added';
  }

  /** Ids of every head of a record, sorted: the parents of the next revision written over them. */
  private headIds(id: string): string[] {
    return headsOf(this.store.links(id))
      .map((head) => head.revisionId)
      .sort();
  }

  /** A head row as callers see it: the revision itself, or the merge of concurrent heads. */
  private current(cipher: RecordCipher, head: HeadRevision): RecordRevision {
    return head.heads > 1 ? this.merged(cipher, head.recordId) : this.open(cipher, head);
  }

  private merged(cipher: RecordCipher, id: string): RecordRevision {
    return this.mergeState(cipher, id).view;
  }

  /**
   * The state of a record with concurrent heads (docs/bundle.md, "Merge"). Tombstones win
   * only over what they saw, so live heads are merged and tombstone heads left out; only when
   * every head is a tombstone is the record deleted. The merged state is shown as a revision
   * whose id is derived from the heads; it is written only when a person writes over it.
   */
  private mergeState(cipher: RecordCipher, id: string) {
    const links = this.store.links(id);
    const heads = headsOf(links);
    const opened = new Map<string, RecordRevision>();
    const open = (revisionId: string) => {
      let revision = opened.get(revisionId);
      if (!revision) {
        revision = this.open(cipher, this.store.revision(id, revisionId)!);
        opened.set(revisionId, revision);
      }
      return revision;
    };
    const live = heads.filter((head) => !head.deleted);
    if (live.length < 2) {
      const only = live[0] ?? heads.reduce((a, b) => (a.seq > b.seq ? a : b));
      return { view: open(only.revisionId), merge: null, opened };
    }
    const merge = mergeRevisions(
      links,
      live.map((head) => head.revisionId),
      open,
    );
    const newest = open(merge.order[0]!);
    const parents = heads.map((head) => head.revisionId).sort();
    const view: RecordRevision = {
      id,
      type: newest.type,
      revision: mergeRevisionId(parents),
      parents,
      device: newest.device,
      at: newest.at,
      deleted: false,
      body: merge.body,
    };
    return { view, merge, opened };
  }

  /** `_unlocked` is the proof that the caller checked the vault is unlocked. */
  private open(_unlocked: RecordCipher, stored: StoredRevision): RecordRevision {
    return this.revisionOf(
      stored,
      this.opener!.openText(storedAdditionalData(this.vaultId, stored), stored.sealed),
    );
  }

  /** A revision from its opened text; text that is missing (it did not open) or not JSON is damage. */
  private revisionOf(stored: StoredRevision, text: string | null): RecordRevision {
    let content: { at: string; body: JsonObject | null } | undefined;
    try {
      if (text !== null) content = JSON.parse(text);
    } catch {
      content = undefined;
    }
    if (!content) {
      throw new VaultError(
        'record_damaged',
        `Record ${stored.recordId} (revision ${stored.revisionId}) cannot be opened: its stored ciphertext was altered or damaged. Nothing else is affected. Restore this record from a backup bundle.`,
      );
    }
    return {
      id: stored.recordId,
      type: stored.type,
      revision: stored.revisionId,
      parents: stored.parents,
      device: stored.device,
      at: content.at,
      deleted: stored.deleted,
      body: content.body,
    };
  }

  private unlocked(): RecordCipher {
    if (!this.cipher) {
      throw new VaultError(
        'locked',
        'The vault is locked. Unlock it with your passphrase to continue.',
      );
    }
    return this.cipher;
  }

  private notFound(id: string): VaultError {
    // Echo the id only when it is one: free text typed in its place might be a name.
    const which = isRecordId(id) ? `record ${id}` : 'record with that id';
    return new VaultError('record_not_found', `There is no ${which} in this vault.`);
  }

  /** SQLite reports a damaged file wherever it first reads it; say so in one way everywhere. */
  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (isDamagedDatabase(error)) throw damagedDatabase(this.layout.database);
      throw error;
    }
  }
}
