import type { SqliteDatabase } from './database';

/** A revision row as stored: everything in clear plus the sealed body. */
export interface StoredRevision {
  readonly seq: number;
  readonly recordId: string;
  readonly revisionId: string;
  readonly type: string;
  readonly parents: readonly string[];
  readonly device: string;
  readonly deleted: boolean;
  readonly sealed: Uint8Array;
}

interface RevisionRow {
  seq: number;
  record_id: string;
  revision_id: string;
  type: string;
  parents: string;
  device_id: string;
  deleted: number;
  sealed: Buffer;
}

/** A record's head revision as the head queries return it, with how many heads it has. */
export interface HeadRevision extends StoredRevision {
  /** More than 1 when revisions from several devices were written concurrently. */
  readonly heads: number;
}

export interface HeadPointer {
  readonly type: string;
  readonly revisionId: string;
  /** True when every head is a tombstone. */
  readonly deleted: boolean;
  readonly heads: number;
}

/** A revision's links, in clear: what merging needs before anything is decrypted. */
export interface RevisionLink {
  readonly seq: number;
  readonly revisionId: string;
  readonly parents: readonly string[];
  readonly deleted: boolean;
}

const revisionColumns =
  'r.seq, r.record_id, r.revision_id, r.type, r.parents, r.device_id, r.deleted, r.sealed';
const headJoin = 'FROM records h JOIN revisions r ON r.seq = h.head_seq';

/** The SQL of the hot paths, exported so tests can hold their query plans to index lookups. */
export const revisionQueries = {
  insertRevision: `INSERT INTO revisions (record_id, revision_id, type, parents, device_id, deleted, sealed)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
  upsertHead: `INSERT INTO records (record_id, type, head_seq, deleted, heads) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (record_id) DO UPDATE SET
      head_seq = excluded.head_seq, deleted = excluded.deleted, heads = excluded.heads`,
  head: `SELECT ${revisionColumns}, h.heads ${headJoin} WHERE h.record_id = ?`,
  headPointer: `SELECT h.type, r.revision_id, h.deleted, h.heads ${headJoin} WHERE h.record_id = ?`,
  heads: `SELECT ${revisionColumns}, h.heads ${headJoin} WHERE h.deleted = 0 ORDER BY h.record_id`,
  headsOfType: `SELECT ${revisionColumns}, h.heads ${headJoin} WHERE h.deleted = 0 AND h.type = ? ORDER BY h.record_id`,
  liveIdsOfType: 'SELECT record_id FROM records WHERE deleted = 0 AND type = ? ORDER BY record_id',
  history: `SELECT ${revisionColumns} FROM revisions r WHERE r.record_id = ? ORDER BY r.seq`,
  links:
    'SELECT seq, revision_id, parents, deleted FROM revisions WHERE record_id = ? ORDER BY seq',
  revision: `SELECT ${revisionColumns} FROM revisions r WHERE r.record_id = ? AND r.revision_id = ?`,
  revisionAt: `SELECT ${revisionColumns} FROM revisions r WHERE r.seq = ?`,
  concurrentRecords: 'SELECT record_id FROM records WHERE heads > 1 ORDER BY record_id',
  revisionsBetween: `SELECT ${revisionColumns} FROM revisions r WHERE r.seq > ? AND r.seq <= ? ORDER BY r.seq LIMIT ?`,
  countBetween: 'SELECT count(*) FROM revisions WHERE seq > ? AND seq <= ?',
  lastSeq: 'SELECT coalesce(max(seq), 0) FROM revisions',
  changedSince: `SELECT ${revisionColumns}, h.heads FROM records h JOIN revisions r ON r.seq = h.head_seq
    WHERE h.record_id IN (SELECT record_id FROM revisions WHERE seq > ?)`,
  readState: 'SELECT up_to_seq, sealed FROM sealed_state WHERE name = ?',
  writeState: `INSERT INTO sealed_state (name, up_to_seq, sealed) VALUES (?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET up_to_seq = excluded.up_to_seq, sealed = excluded.sealed`,
  readSetting: 'SELECT sealed FROM sealed_settings WHERE name = ?',
  writeSetting: `INSERT INTO sealed_settings (name, sealed) VALUES (?, ?)
    ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed`,
} as const;

const splitParents = (parents: string): string[] => (parents === '' ? [] : parents.split(','));

function fromRow(row: RevisionRow): StoredRevision {
  return {
    seq: row.seq,
    recordId: row.record_id,
    revisionId: row.revision_id,
    type: row.type,
    parents: splitParents(row.parents),
    device: row.device_id,
    deleted: row.deleted === 1,
    sealed: row.sealed,
  };
}

const fromHeadRow = (row: RevisionRow & { heads: number }): HeadRevision => ({
  ...fromRow(row),
  heads: row.heads,
});

/** Where a record's heads point, as `settleHeads` computed them. */
export interface HeadState {
  readonly type: string;
  readonly headSeq: number;
  readonly deleted: boolean;
  readonly heads: number;
}

/** SQL for revisions and heads, prepared once per open vault. Knows nothing of keys. */
export class RevisionStore {
  private readonly insertRevision;
  private readonly upsertHead;
  private readonly selectHead;
  private readonly selectHeadPointer;
  private readonly selectHeads;
  private readonly selectHeadsOfType;
  private readonly selectLiveIdsOfType;
  private readonly selectHistory;
  private readonly selectLinks;
  private readonly selectRevision;
  private readonly selectRevisionAt;
  private readonly selectConcurrent;
  private readonly selectBetween;
  private readonly selectCountBetween;
  private readonly selectLastSeq;
  private readonly selectChangedSince;
  private readonly selectState;
  private readonly upsertState;
  private readonly selectSetting;
  private readonly upsertSetting;

  constructor(private readonly db: SqliteDatabase) {
    this.insertRevision = db.prepare(revisionQueries.insertRevision);
    this.upsertHead = db.prepare(revisionQueries.upsertHead);
    this.selectHead = db.prepare(revisionQueries.head);
    this.selectHeadPointer = db.prepare(revisionQueries.headPointer);
    this.selectHeads = db.prepare(revisionQueries.heads);
    this.selectHeadsOfType = db.prepare(revisionQueries.headsOfType);
    this.selectLiveIdsOfType = db.prepare(revisionQueries.liveIdsOfType).pluck();
    this.selectHistory = db.prepare(revisionQueries.history);
    this.selectLinks = db.prepare(revisionQueries.links);
    this.selectRevision = db.prepare(revisionQueries.revision);
    this.selectRevisionAt = db.prepare(revisionQueries.revisionAt);
    this.selectConcurrent = db.prepare(revisionQueries.concurrentRecords).pluck();
    this.selectBetween = db.prepare(revisionQueries.revisionsBetween);
    this.selectCountBetween = db.prepare(revisionQueries.countBetween).pluck();
    this.selectLastSeq = db.prepare(revisionQueries.lastSeq).pluck();
    this.selectChangedSince = db.prepare(revisionQueries.changedSince);
    this.selectState = db.prepare(revisionQueries.readState);
    this.upsertState = db.prepare(revisionQueries.writeState);
    this.selectSetting = db.prepare(revisionQueries.readSetting).pluck();
    this.upsertSetting = db.prepare(revisionQueries.writeSetting);
  }

  /** The sequence number of the newest revision: how far into the log a saved state reaches. */
  lastSeq(): number {
    return this.selectLastSeq.get() as number;
  }

  /** The heads (tombstones included) of every record with a revision after `seq`. */
  *changedSince(seq: number): Generator<HeadRevision> {
    for (const row of this.selectChangedSince.iterate(seq))
      yield fromHeadRow(row as RevisionRow & { heads: number });
  }

  readState(name: string): { upToSeq: number; sealed: Uint8Array } | undefined {
    const row = this.selectState.get(name) as { up_to_seq: number; sealed: Buffer } | undefined;
    return row && { upToSeq: row.up_to_seq, sealed: row.sealed };
  }

  writeState(name: string, upToSeq: number, sealed: Uint8Array): void {
    this.upsertState.run(name, upToSeq, sealed);
  }

  readSetting(name: string): Uint8Array | undefined {
    return this.selectSetting.get(name) as Buffer | undefined;
  }

  writeSetting(name: string, sealed: Uint8Array): void {
    this.upsertSetting.run(name, sealed);
  }

  /**
   * Appends a revision that saw every head of its record, and makes it the one head.
   * Call inside a transaction.
   */
  append(revision: Omit<StoredRevision, 'seq'>): void {
    const seq = this.insert(revision);
    this.upsertHead.run(revision.recordId, revision.type, seq, revision.deleted ? 1 : 0, 1);
  }

  /**
   * Stores a revision without touching the heads (a revision from another device, whose
   * place in the record's graph `settleHeads` works out). Call inside a transaction.
   */
  insert(revision: Omit<StoredRevision, 'seq'>): number {
    const { lastInsertRowid } = this.insertRevision.run(
      revision.recordId,
      revision.revisionId,
      revision.type,
      revision.parents.join(','),
      revision.device,
      revision.deleted ? 1 : 0,
      revision.sealed,
    );
    return Number(lastInsertRowid);
  }

  /**
   * Recomputes a record's heads from its revision graph: the revisions no other revision
   * names as a parent. A pure function of the set of revisions, so the same on every device
   * whatever order the revisions arrived in. Call inside a transaction.
   */
  settleHeads(recordId: string, type: string): HeadState {
    const links = this.links(recordId);
    const seen = new Set(links.flatMap((link) => link.parents));
    const heads = links.filter((link) => !seen.has(link.revisionId));
    const state: HeadState = {
      type,
      headSeq: Math.max(...heads.map((head) => head.seq)),
      deleted: heads.every((head) => head.deleted),
      heads: heads.length,
    };
    this.upsertHead.run(recordId, type, state.headSeq, state.deleted ? 1 : 0, state.heads);
    return state;
  }

  head(recordId: string): HeadRevision | undefined {
    const row = this.selectHead.get(recordId) as (RevisionRow & { heads: number }) | undefined;
    return row && fromHeadRow(row);
  }

  headPointer(recordId: string): HeadPointer | undefined {
    const row = this.selectHeadPointer.get(recordId) as
      { type: string; revision_id: string; deleted: number; heads: number } | undefined;
    return (
      row && {
        type: row.type,
        revisionId: row.revision_id,
        deleted: row.deleted === 1,
        heads: row.heads,
      }
    );
  }

  *heads(type?: string): Generator<HeadRevision> {
    const rows =
      type === undefined ? this.selectHeads.iterate() : this.selectHeadsOfType.iterate(type);
    for (const row of rows) yield fromHeadRow(row as RevisionRow & { heads: number });
  }

  /** The ids of the live records of a type, in id order, from the clear columns alone. */
  liveIds(type: string): string[] {
    return this.selectLiveIdsOfType.all(type) as string[];
  }

  history(recordId: string): StoredRevision[] {
    return (this.selectHistory.all(recordId) as RevisionRow[]).map(fromRow);
  }

  /** Every revision of a record, links only, in local order. */
  links(recordId: string): RevisionLink[] {
    return (
      this.selectLinks.all(recordId) as {
        seq: number;
        revision_id: string;
        parents: string;
        deleted: number;
      }[]
    ).map((row) => ({
      seq: row.seq,
      revisionId: row.revision_id,
      parents: splitParents(row.parents),
      deleted: row.deleted === 1,
    }));
  }

  revision(recordId: string, revisionId: string): StoredRevision | undefined {
    const row = this.selectRevision.get(recordId, revisionId) as RevisionRow | undefined;
    return row && fromRow(row);
  }

  revisionAt(seq: number): StoredRevision | undefined {
    const row = this.selectRevisionAt.get(seq) as RevisionRow | undefined;
    return row && fromRow(row);
  }

  /** Ids of the records that have more than one head, in id order. */
  concurrentRecords(): string[] {
    return this.selectConcurrent.all() as string[];
  }

  /** Up to `limit` revisions with `after < seq <= upTo`, in local order. */
  revisionsBetween(after: number, upTo: number, limit: number): StoredRevision[] {
    return (this.selectBetween.all(after, upTo, limit) as RevisionRow[]).map(fromRow);
  }

  countBetween(after: number, upTo: number): number {
    return this.selectCountBetween.get(after, upTo) as number;
  }

  /**
   * Runs `work` atomically. Inside an enclosing transaction (a batch) it joins that one rather
   * than opening a savepoint per write: the batch is all-or-nothing anyway, and a savepoint
   * per record costs as much as a third of a bulk import.
   */
  transaction<T>(work: () => T): T {
    if (this.db.inTransaction) return work();
    return this.db.transaction(work).immediate();
  }

  /**
   * Opens a write transaction that outlives one synchronous call: a bundle import streams
   * and decrypts between its writes. Exactly one of `commit` or `rollback` must follow.
   */
  beginLong(): { commit(): void; rollback(): void } {
    this.db.exec('BEGIN IMMEDIATE');
    let open = true;
    return {
      commit: () => {
        if (!open) return;
        this.db.exec('COMMIT');
        open = false;
      },
      rollback: () => {
        if (!open) return;
        open = false;
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
      },
    };
  }
}
