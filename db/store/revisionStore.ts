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

export interface HeadPointer {
  readonly type: string;
  readonly revisionId: string;
  readonly deleted: boolean;
}

const revisionColumns =
  'r.seq, r.record_id, r.revision_id, r.type, r.parents, r.device_id, r.deleted, r.sealed';
const headJoin = 'FROM records h JOIN revisions r ON r.seq = h.head_seq';

/** The SQL of the hot paths, exported so tests can hold their query plans to index lookups. */
export const revisionQueries = {
  insertRevision: `INSERT INTO revisions (record_id, revision_id, type, parents, device_id, deleted, sealed)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
  upsertHead: `INSERT INTO records (record_id, type, head_seq, deleted) VALUES (?, ?, ?, ?)
    ON CONFLICT (record_id) DO UPDATE SET head_seq = excluded.head_seq, deleted = excluded.deleted`,
  head: `SELECT ${revisionColumns} ${headJoin} WHERE h.record_id = ?`,
  headPointer: `SELECT h.type, r.revision_id, h.deleted ${headJoin} WHERE h.record_id = ?`,
  heads: `SELECT ${revisionColumns} ${headJoin} WHERE h.deleted = 0 ORDER BY h.record_id`,
  headsOfType: `SELECT ${revisionColumns} ${headJoin} WHERE h.deleted = 0 AND h.type = ? ORDER BY h.record_id`,
  history: `SELECT ${revisionColumns} FROM revisions r WHERE r.record_id = ? ORDER BY r.seq`,
  lastSeq: 'SELECT coalesce(max(seq), 0) FROM revisions',
  changedSince: `SELECT ${revisionColumns} FROM records h JOIN revisions r ON r.seq = h.head_seq
    WHERE h.record_id IN (SELECT record_id FROM revisions WHERE seq > ?)`,
  readState: 'SELECT up_to_seq, sealed FROM sealed_state WHERE name = ?',
  writeState: `INSERT INTO sealed_state (name, up_to_seq, sealed) VALUES (?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET up_to_seq = excluded.up_to_seq, sealed = excluded.sealed`,
} as const;

function fromRow(row: RevisionRow): StoredRevision {
  return {
    seq: row.seq,
    recordId: row.record_id,
    revisionId: row.revision_id,
    type: row.type,
    parents: row.parents === '' ? [] : row.parents.split(','),
    device: row.device_id,
    deleted: row.deleted === 1,
    sealed: row.sealed,
  };
}

/** SQL for revisions and heads, prepared once per open vault. Knows nothing of keys. */
export class RevisionStore {
  private readonly insertRevision;
  private readonly upsertHead;
  private readonly selectHead;
  private readonly selectHeadPointer;
  private readonly selectHeads;
  private readonly selectHeadsOfType;
  private readonly selectHistory;
  private readonly selectLastSeq;
  private readonly selectChangedSince;
  private readonly selectState;
  private readonly upsertState;

  constructor(private readonly db: SqliteDatabase) {
    this.insertRevision = db.prepare(revisionQueries.insertRevision);
    this.upsertHead = db.prepare(revisionQueries.upsertHead);
    this.selectHead = db.prepare(revisionQueries.head);
    this.selectHeadPointer = db.prepare(revisionQueries.headPointer);
    this.selectHeads = db.prepare(revisionQueries.heads);
    this.selectHeadsOfType = db.prepare(revisionQueries.headsOfType);
    this.selectHistory = db.prepare(revisionQueries.history);
    this.selectLastSeq = db.prepare(revisionQueries.lastSeq).pluck();
    this.selectChangedSince = db.prepare(revisionQueries.changedSince);
    this.selectState = db.prepare(revisionQueries.readState);
    this.upsertState = db.prepare(revisionQueries.writeState);
  }

  /** The sequence number of the newest revision: how far into the log a saved state reaches. */
  lastSeq(): number {
    return this.selectLastSeq.get() as number;
  }

  /** The heads (tombstones included) of every record with a revision after `seq`. */
  *changedSince(seq: number): Generator<StoredRevision> {
    for (const row of this.selectChangedSince.iterate(seq)) yield fromRow(row as RevisionRow);
  }

  readState(name: string): { upToSeq: number; sealed: Uint8Array } | undefined {
    const row = this.selectState.get(name) as { up_to_seq: number; sealed: Buffer } | undefined;
    return row && { upToSeq: row.up_to_seq, sealed: row.sealed };
  }

  writeState(name: string, upToSeq: number, sealed: Uint8Array): void {
    this.upsertState.run(name, upToSeq, sealed);
  }

  /** Appends a revision and makes it the record's head. Call inside a transaction. */
  append(revision: Omit<StoredRevision, 'seq'>): void {
    const { lastInsertRowid } = this.insertRevision.run(
      revision.recordId,
      revision.revisionId,
      revision.type,
      revision.parents.join(','),
      revision.device,
      revision.deleted ? 1 : 0,
      revision.sealed,
    );
    this.upsertHead.run(
      revision.recordId,
      revision.type,
      lastInsertRowid,
      revision.deleted ? 1 : 0,
    );
  }

  head(recordId: string): StoredRevision | undefined {
    const row = this.selectHead.get(recordId) as RevisionRow | undefined;
    return row && fromRow(row);
  }

  headPointer(recordId: string): HeadPointer | undefined {
    const row = this.selectHeadPointer.get(recordId) as
      { type: string; revision_id: string; deleted: number } | undefined;
    return row && { type: row.type, revisionId: row.revision_id, deleted: row.deleted === 1 };
  }

  *heads(type?: string): Generator<StoredRevision> {
    const rows =
      type === undefined ? this.selectHeads.iterate() : this.selectHeadsOfType.iterate(type);
    for (const row of rows) yield fromRow(row as RevisionRow);
  }

  history(recordId: string): StoredRevision[] {
    return (this.selectHistory.all(recordId) as RevisionRow[]).map(fromRow);
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
}
