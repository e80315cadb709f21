import type { Vault } from '../../db';
import { earliestDay, fuzzyDateSchema, latestDay } from '../../shared/dates';
import { fieldReferences, isModelRecordType, valuesAt } from '../../shared/model';
import type { JsonObject } from '../../shared/records';
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

export function facetsOf(type: string, body: JsonObject | null): RecordFacets {
  const date = fuzzyDateSchema.safeParse(body?.date);
  const refers = new Set<string>();
  if (body && isModelRecordType(type)) {
    for (const path of Object.keys(fieldReferences(type))) {
      for (const { value } of valuesAt(body, path))
        if (typeof value === 'string') refers.add(value);
    }
  }
  return {
    caseType: typeof body?.type === 'string' && type === 'case' ? body.type : null,
    earliest: date.success ? earliestDay(date.data) : null,
    latest: date.success ? latestDay(date.data) : null,
    refers: [...refers],
    browse: browseFacetsOf(type, body),
  };
}

/**
 * The facets of every record of a type, built by one pass over the type the first time a list
 * filters by them, then kept up to date by this host's own writes (as RecordIdIndex is). They
 * hold terms, days and ids, which lock drops with the rest.
 */
export class RecordFacetIndex {
  private readonly byType = new Map<string, Map<string, RecordFacets>>();

  of(vault: Vault, type: string): ReadonlyMap<string, RecordFacets> {
    let facets = this.byType.get(type);
    if (!facets) {
      facets = new Map();
      for (const record of vault.list({ type })) facets.set(record.id, facetsOf(type, record.body));
      this.byType.set(type, facets);
    }
    return facets;
  }

  written(type: string, id: string, body: JsonObject): void {
    this.byType.get(type)?.set(id, facetsOf(type, body));
  }

  removed(id: string): void {
    for (const facets of this.byType.values()) facets.delete(id);
  }

  clear(): void {
    this.byType.clear();
  }
}
