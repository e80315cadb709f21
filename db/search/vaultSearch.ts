import {
  SearchIndex,
  SnapshotUnusable,
  deserialise,
  documentFromRecord,
  duplicateCandidates,
  serialise,
  type DuplicateCandidate,
  type SearchHit,
  type SearchOptions,
} from '../../shared/search';
import type { RecordRevision } from '../../shared/records';
import type { Vault } from '../vault/vault';

/** The saved state the index lives in, sealed in the vault (docs/vault-format.md). */
export const searchStateName = 'search-index';

/**
 * Catching up with a few records is cheap, rewriting a 20 MB snapshot is not: the snapshot is
 * saved again only when this many records have changed since it was taken.
 */
const saveAfterChanges = 500;

export interface SearchProgress {
  readonly phase: 'loading' | 'indexing' | 'saving';
  readonly done: number;
}

/**
 * Something else the session keeps from the records (the lists' facets), brought up to date
 * in the same pass as the index so that each changed record is opened once, not once for each.
 */
export interface RecordFollower {
  /** The last revision `seq` it reflects. */
  readonly upToSeq: number;
  /** The current state of a record written since (a tombstone when it was deleted). */
  follow(record: RecordRevision): void;
  /** It now reflects every revision up to `upToSeq`. */
  caughtUp(upToSeq: number): void;
}

/** Vocabularies are settings, not case data: searching them would only add noise. */
const isSearchable = (record: RecordRevision) => !record.deleted && record.type !== 'vocabulary';

/**
 * Search over a vault, ready within about a second of unlock: the index is kept as an
 * encrypted snapshot in the vault (never in clear on disk), and at open only the records
 * written since the snapshot are indexed. A snapshot that is missing, of an older format or
 * damaged is rebuilt from the records.
 */
export class VaultSearch {
  /** Records indexed since the snapshot was taken (all of them when there was none). */
  private pending = 0;
  private rebuilt = false;

  private constructor(
    private readonly vault: Vault,
    private readonly index: SearchIndex,
    private upToSeq: number,
  ) {}

  /**
   * Followers at or beyond the index's own point in the log ride along with its catch-up;
   * one further behind has more to read than the index and must catch up on its own.
   */
  static open(
    vault: Vault,
    onProgress?: (progress: SearchProgress) => void,
    followers: readonly RecordFollower[] = [],
  ): VaultSearch {
    onProgress?.({ phase: 'loading', done: 0 });
    let index: SearchIndex | undefined;
    let upToSeq = 0;
    const saved = vault.readState(searchStateName);
    if (saved) {
      try {
        index = deserialise(saved.bytes);
        upToSeq = saved.upToSeq;
      } catch (error) {
        if (!(error instanceof SnapshotUnusable)) throw error;
      }
    }
    const search = new VaultSearch(vault, index ?? new SearchIndex(), index ? upToSeq : 0);
    search.rebuilt = !index;
    search.catchUp(onProgress, followers);
    return search;
  }

  /**
   * Saves the snapshot if it was rebuilt or has fallen far behind. Callers do this after
   * answering, so a person never waits for the save to see results.
   */
  saveIfStale(onProgress?: (progress: SearchProgress) => void): void {
    if (this.rebuilt || this.pending >= saveAfterChanges) this.save(onProgress);
  }

  /** Indexes what was written since the index last looked (after writes in this session). */
  catchUp(
    onProgress?: (progress: SearchProgress) => void,
    followers: readonly RecordFollower[] = [],
  ): number {
    const last = this.vault.lastSeq();
    // A follower ahead of the index sees some records again: each is its current state, so
    // seeing it twice changes nothing.
    const riders = followers.filter((follower) => follower.upToSeq >= this.upToSeq);
    let done = 0;
    for (const record of this.vault.changedSince(this.upToSeq)) {
      if (isSearchable(record)) this.index.replace(documentFromRecord(record));
      else this.index.remove(record.id);
      for (const rider of riders) rider.follow(record);
      if (++done % 1000 === 0) onProgress?.({ phase: 'indexing', done });
    }
    for (const rider of riders) rider.caughtUp(last);
    this.upToSeq = last;
    this.pending += done;
    return done;
  }

  save(onProgress?: (progress: SearchProgress) => void): void {
    onProgress?.({ phase: 'saving', done: 0 });
    this.vault.writeState(searchStateName, serialise(this.index), this.upToSeq);
    this.pending = 0;
    this.rebuilt = false;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.index.search(query, options);
  }

  /** Other records that may be the same person as `record` (entered or imported just now). */
  duplicatesOf(record: {
    id: string;
    type: string;
    body: RecordRevision['body'];
  }): DuplicateCandidate[] {
    return duplicateCandidates(this.index, documentFromRecord(record));
  }
}
