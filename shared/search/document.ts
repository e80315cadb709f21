/**
 * What the search index knows of a record: a generic document, so that search does not
 * depend on the record schemas. documentFromRecord.ts makes one from a record body.
 */
export interface SearchDocument {
  readonly id: string;
  /** The record type: person, case, ... */
  readonly type: string;
  /** Names of people, each a full name in any script ("Марыя Калеснікава"). */
  readonly names: readonly string[];
  /** Free text: summaries, transcripts, notes. */
  readonly text: readonly string[];
  readonly facets: SearchFacets;
}

export interface SearchFacets {
  readonly region?: string;
  readonly articles?: readonly string[];
  readonly status?: readonly string[];
  readonly sex?: string;
  /** Imprecise dates as the range of days they may stand for. */
  readonly dates?: readonly DateRange[];
  /** For duplicate detection: a person's year of birth, where known. */
  readonly birthYear?: number;
}

export interface DateRange {
  /** YYYY-MM-DD */
  readonly earliest: string;
  /** YYYY-MM-DD */
  readonly latest: string;
}

export type MatchTier = 'exact' | 'transliterated' | 'fuzzy' | 'text';

export interface SearchHit {
  readonly id: string;
  readonly type: string;
  /** 0..1: by the tier of the weakest-matching word, then how well the words matched (ranking.ts). */
  readonly score: number;
  /** The weakest way in which a word of the query matched this document. */
  readonly matched: MatchTier;
}

export interface SearchOptions {
  readonly types?: readonly string[];
  readonly region?: string;
  readonly article?: string;
  readonly status?: string;
  readonly sex?: string;
  /** YYYY-MM-DD (or YYYY-MM, YYYY): documents with a date that may fall on or after it. */
  readonly from?: string;
  /** YYYY-MM-DD (or YYYY-MM, YYYY): documents with a date that may fall on or before it. */
  readonly to?: string;
  /** At most this many hits; 50 if not given. */
  readonly limit?: number;
}
