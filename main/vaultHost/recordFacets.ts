import type { Vault } from '../../db';
import type { RecordFollower } from '../../db/search';
import { earliestDay, fuzzyDateAt, latestDay } from '../../shared/dates';
import { fieldReferences, isModelRecordType, modelRecordTypes, valuesAt } from '../../shared/model';
import type { JsonObject, RecordRevision } from '../../shared/records';
import { deserialiseFacets, serialiseFacets } from './facetSnapshot';
import { browseFacetsOf, type BrowseFacets } from './recordBrowse';

/** What a list filters a record by, without opening it again. */
export interface RecordFacets {
  /** A case's `type` term. */
  readonly caseType: string | null;
  /** The first and last day the record's `date` may mean; null when it has none. */
  readonly earliest: string | null;
  readonly latest: string | null;
  /** The ids of the records it refers to (a detention's person, a case's people ...). */
  readonly refers: readonly string[];
  /** What the lists of records.browse filter by: recordBrowse.ts. */
  readonly browse: BrowseFacets | null;
}

/** Each model type's reference paths, worked out once rather than for every record. */
const referencePaths = new Map<string, readonly string[]>();

function referencePathsOf(type: string): readonly string[] {
  let paths = referencePaths.get(type);
  if (!paths) {
    paths = isModelRecordType(type) ? Object.keys(fieldReferences(type)) : [];
    referencePaths.set(type, paths);
  }
  return paths;
}

/** Every reference field of the model as `type:path`, sorted: saved facets record them. */
export function facetReferencePaths(): string[] {
  return modelRecordTypes
    .flatMap((type) => referencePathsOf(type).map((p) => `${type}:${p}`))
    .sort();
}

/** Facets are saved between sessions: a change to what this takes bumps facetRulesVersion. */
export function facetsOf(type: string, body: JsonObject | null): RecordFacets {
  const date = fuzzyDateAt(body?.date);
  const refers = new Set<string>();
  if (body) {
    for (const path of referencePathsOf(type)) {
      for (const { value } of valuesAt(body, path))
        if (typeof value === 'string') refers.add(value);
    }
  }
  return {
    caseType: typeof body?.type === 'string' && type === 'case' ? body.type : null,
    earliest: date ? earliestDay(date) : null,
    latest: date ? latestDay(date) : null,
    refers: [...refers],
    browse: browseFacetsOf(type, body),
  };
}

/** The saved state the facets live in, sealed in the vault (docs/record-facets.md). */
export const facetStateName = 'record-facets';

/** As the search snapshot: saved again once this many records have changed since it was. */
const saveAfterChanges = 500;

/** How far a rebuild has come, in records; also where a long rebuild may be cancelled. */
export type FacetProgress = (done: number) => void;

/**
 * The facets of every record, kept sealed in the vault between sessions (as the search index
 * is) and brought up to date with the records written since: after unlock a list filters a
 * vault of 100k records at once, where opening every record of a type took seconds. Writes
 * by anyone (this session, an import, a bundle merge, the CLI) are caught up by sequence
 * number before each use, so nothing but the vault's own log decides what is current. The
 * facets hold terms, days and ids, as sensitive as the bodies: they are on disk only sealed,
 * and lock drops them.
 */
export class RecordFacetIndex {
  private byType: Map<string, Map<string, RecordFacets>> | null = null;
  private upToSeq = 0;
  /** Records caught up since the facets were saved (all of them after a rebuild). */
  private pending = 0;
  private rebuilt = false;

  /** The facets of a type's records, by id, up to date with the vault. */
  async of(
    vault: Vault,
    type: string,
    onProgress?: FacetProgress,
  ): Promise<ReadonlyMap<string, RecordFacets>> {
    const byType = await this.ready(vault, onProgress);
    return byType.get(type) ?? new Map<string, RecordFacets>();
  }

  /**
   * Loads the saved facets if that has not been done, without catching up: for unlock, which
   * lets them ride along with the search index's catch-up (so no record is opened twice).
   */
  load(vault: Vault): void {
    if (this.byType) return;
    const saved = vault.readState(facetStateName);
    const byType = saved && deserialiseFacets(saved.bytes, facetReferencePaths());
    // Plaintext facets: the copy in these bytes is not needed once they are read.
    saved?.bytes.fill(0);
    if (saved && byType) {
      this.byType = byType;
      this.upToSeq = saved.upToSeq;
    }
  }

  /** The facets, up to date: loaded, then caught up, or rebuilt when none could be loaded. */
  async ready(
    vault: Vault,
    onProgress?: FacetProgress,
  ): Promise<ReadonlyMap<string, ReadonlyMap<string, RecordFacets>>> {
    this.load(vault);
    if (!this.byType) await this.rebuild(vault, onProgress);
    else this.catchUp(vault, onProgress);
    return this.byType!;
  }

  /**
   * Takes part in VaultSearch's catch-up (at unlock, after writes), so each record written is
   * opened once for both; null when the facets are not loaded and must catch up on their own.
   */
  follower(): RecordFollower | null {
    const byType = this.byType;
    if (!byType) return null;
    return {
      upToSeq: this.upToSeq,
      follow: (record) => {
        this.follow(byType, record);
        this.pending++;
      },
      caughtUp: (upToSeq) => {
        // Only if nothing replaced the facets meanwhile (a lock, a rebuild).
        if (this.byType === byType) this.upToSeq = Math.max(this.upToSeq, upToSeq);
      },
    };
  }

  /** Saves the facets if they were rebuilt or have fallen far behind; called at lock. */
  saveIfStale(vault: Vault): void {
    if (this.rebuilt || this.pending >= saveAfterChanges) this.save(vault);
  }

  /** Seals the facets into the vault, as of the last revision they reflect. */
  save(vault: Vault): void {
    if (!this.byType) return;
    const bytes = serialiseFacets(this.byType, facetReferencePaths());
    vault.writeState(facetStateName, bytes, this.upToSeq);
    bytes.fill(0);
    this.pending = 0;
    this.rebuilt = false;
  }

  clear(): void {
    this.byType = null;
    this.upToSeq = 0;
    this.pending = 0;
    this.rebuilt = false;
  }

  /**
   * Every record opened once, on the vault's opening threads (listAll): SQLite is read on this
   * thread while others decrypt. Built aside and kept only when whole, so a lock or a cancel
   * half-way leaves nothing half-built.
   */
  private async rebuild(vault: Vault, onProgress?: FacetProgress): Promise<void> {
    const upToSeq = vault.lastSeq();
    const byType = new Map<string, Map<string, RecordFacets>>();
    let done = 0;
    for await (const record of vault.listAll()) {
      this.follow(byType, record);
      if (++done % 1000 === 0) onProgress?.(done);
    }
    this.byType = byType;
    this.upToSeq = upToSeq;
    this.pending = done;
    this.rebuilt = true;
    // Records written while the pages were read (by another program) come in by sequence.
    this.catchUp(vault, onProgress);
  }

  private catchUp(vault: Vault, onProgress?: FacetProgress): void {
    const byType = this.byType!;
    const last = vault.lastSeq();
    if (last === this.upToSeq) return;
    let done = 0;
    for (const record of vault.changedSince(this.upToSeq)) {
      this.follow(byType, record);
      if (++done % 1000 === 0) onProgress?.(done);
    }
    this.upToSeq = last;
    this.pending += done;
  }

  private follow(byType: Map<string, Map<string, RecordFacets>>, record: RecordRevision): void {
    let records = byType.get(record.type);
    if (record.deleted || record.body === null) {
      records?.delete(record.id);
      return;
    }
    if (!records) byType.set(record.type, (records = new Map()));
    records.set(record.id, facetsOf(record.type, record.body));
  }
}
