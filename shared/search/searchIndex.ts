import type { SearchDocument, SearchHit, SearchOptions } from './document';
import { DocumentTable, type DocumentRow } from './documentTable';
import { KeyGrams } from './keyGrams';
import { nameKey, nameKeys, nameReadings } from './nameKey';
import {
  defaultLimit,
  documentScore,
  prefixExpansion,
  shortestQueryWord,
  shortestTextPrefix,
  tierOf,
  wordPoints,
} from './ranking';
import { TermIndex } from './termIndex';
import { TopHits } from './topHits';
import { WordScores } from './wordScores';
import { foldWord, wordsOf } from './words';

/** The parts of an index that a snapshot holds; everything else is derived from them. */
export interface IndexParts {
  readonly docs: DocumentTable;
  /** Folded name words (foldWord) to documents: exact matches. */
  readonly exactNames: TermIndex;
  /** Name keys (nameKey) to documents: transliterated and, through KeyGrams, fuzzy matches. */
  readonly nameKeys: TermIndex;
  /** Keys of the words of the text to documents. */
  readonly text: TermIndex;
}

/** A name key near a query word's key, and the edits between them (0 for the same key; typos.ts). */
export interface NearKey {
  readonly keyId: number;
  readonly edits: number;
}

/**
 * The search index: documents in, ranked hits out. Everything is in memory and pure; the
 * vault keeps it between sessions as an encrypted snapshot (snapshot.ts).
 */
export class SearchIndex {
  private docs: DocumentTable;
  private exactNames: TermIndex;
  private nameKeys: TermIndex;
  private text: TermIndex;
  private grams = new KeyGrams();
  /** Words as written to their text term ids; cleared when the text index is replaced. */
  private readonly textTerms = new Map<string, number>();
  private readonly scratch: WordScores[] = [];

  constructor(parts?: IndexParts) {
    this.docs = parts?.docs ?? new DocumentTable();
    this.exactNames = parts?.exactNames ?? new TermIndex();
    this.nameKeys = parts?.nameKeys ?? new TermIndex();
    this.text = parts?.text ?? new TermIndex();
    this.indexKeyGrams();
  }

  /** How many documents are indexed. */
  get size(): number {
    return this.docs.live;
  }

  has(id: string): boolean {
    return this.docs.ordinalOf(id) !== undefined;
  }

  /** Adds a document that is not in the index yet. */
  add(doc: SearchDocument): void {
    if (this.has(doc.id)) throw new Error(`${doc.id} is already indexed: use replace()`);
    this.insert(doc);
  }

  /** Adds a document, or replaces the one with its id. */
  replace(doc: SearchDocument): void {
    this.remove(doc.id);
    this.insert(doc);
  }

  /** Removes a document; returns whether it was there. */
  remove(id: string): boolean {
    return this.docs.remove(id) !== undefined;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? defaultLimit;
    const words = queryWords(query);
    const filter = this.docs.filter(options);
    if (words.length === 0 || filter === null || limit <= 0) return [];
    const scores = words.map((word, i) => this.scoreWord(word, this.scratchFor(i)));
    try {
      return this.rank(scores, filter, limit);
    } finally {
      for (const s of scores) s.clear();
    }
  }

  /** Frees what removed documents still hold and packs the rest; results do not change. */
  compact(): void {
    const parts = this.compactedParts();
    this.docs = parts.docs;
    this.exactNames = parts.exactNames;
    this.nameKeys = parts.nameKeys;
    this.text = parts.text;
    this.textTerms.clear();
    this.indexKeyGrams();
  }

  /** @internal A compacted copy of the parts, for the snapshot. */
  compactedParts(): IndexParts {
    const remap = this.docs.ordinalRemap();
    const exactNames = this.exactNames.compacted(remap).index;
    const { index: nameKeys, termIds } = this.nameKeys.compacted(remap);
    const text = this.text.compacted(remap).index;
    return { docs: this.docs.compacted(remap, termIds), exactNames, nameKeys, text };
  }

  /** @internal The name keys at most a typo away from a word's key (duplicates.ts). */
  nearKeys(key: string): NearKey[] {
    const near: NearKey[] = this.grams.near(key).map(({ id, edits }) => ({ keyId: id, edits }));
    const same = this.nameKeys.idOf(key);
    if (same !== undefined) near.push({ keyId: same, edits: 0 });
    return near;
  }

  /** @internal */
  keyOf(keyId: number): string {
    return this.nameKeys.term(keyId);
  }

  /** @internal The live documents that have a name word with this key. */
  documentsWithKey(keyId: number, visit: (row: DocumentRow) => void): void {
    this.nameKeys.forEachPosting(keyId, (ordinal) => {
      const row = this.docs.rows[ordinal];
      if (row) visit(row);
    });
  }

  /** @internal */
  typeOf(row: DocumentRow): string {
    return this.docs.typeName(row);
  }

  /** @internal The stored facet value with this id (folded). */
  facetValue(id: number): string {
    return this.docs.value(id);
  }

  private insert(doc: SearchDocument): void {
    const ordinal = this.docs.rows.length;
    const names: number[][] = [];
    for (const name of doc.names) {
      for (const word of wordsOf(name)) this.exactNames.add(foldWord(word), ordinal);
      for (const reading of nameReadings(name))
        names.push(
          reading.map((key) => {
            const known = this.nameKeys.termCount;
            const keyId = this.nameKeys.add(key, ordinal);
            if (keyId === known) this.grams.add(keyId, key);
            return keyId;
          }),
        );
    }
    for (const text of doc.text)
      for (const word of wordsOf(text)) {
        const id = this.textTermOf(word);
        if (id >= 0) this.text.addPosting(id, ordinal);
      }
    this.docs.append(doc.id, doc.type, doc.facets, names);
  }

  /**
   * The text term id of a word as written, or -1 for a word too short to index. Cached: text
   * repeats its words, and this runs for every word of every document.
   */
  private textTermOf(word: string): number {
    let id = this.textTerms.get(word);
    if (id === undefined) {
      if (this.textTerms.size >= 1 << 18) this.textTerms.clear();
      const key = nameKey(word);
      id = key.length >= shortestQueryWord ? this.text.intern(key) : -1;
      this.textTerms.set(word, id);
    }
    return id;
  }

  private indexKeyGrams(): void {
    this.grams = new KeyGrams();
    for (let id = 0; id < this.nameKeys.termCount; id++) this.grams.add(id, this.nameKeys.term(id));
  }

  private scratchFor(i: number): WordScores {
    const capacity = this.docs.rows.length;
    let s = this.scratch[i];
    if (s === undefined) this.scratch[i] = s = new WordScores(capacity);
    s.fit(capacity);
    return s;
  }

  private scoreWord(word: QueryWord, scores: WordScores): WordScores {
    const raiseAll = (index: TermIndex, id: number | undefined, points: number) => {
      if (id !== undefined) index.forEachPosting(id, (ordinal) => scores.raise(ordinal, points));
    };
    raiseAll(this.exactNames, this.exactNames.idOf(word.folded), wordPoints.exact);
    for (const key of word.keys) {
      for (const { keyId, edits } of this.nearKeys(key))
        raiseAll(
          this.nameKeys,
          keyId,
          edits === 0 ? wordPoints.transliterated : wordPoints.fuzzy(edits),
        );
      if (key.length < shortestQueryWord) continue;
      const exactText = this.text.idOf(key);
      raiseAll(this.text, exactText, wordPoints.textWord);
      if (key.length < shortestTextPrefix) continue;
      for (const id of this.text.idsWithPrefix(key, prefixExpansion))
        if (id !== exactText) raiseAll(this.text, id, wordPoints.textPrefix);
    }
    return scores;
  }

  private rank(
    scores: WordScores[],
    filter: (row: DocumentRow) => boolean,
    limit: number,
  ): SearchHit[] {
    const bySize = [...scores].sort((a, b) => a.touched.length - b.touched.length);
    const [smallest, ...others] = bySize;
    const top = new TopHits(limit);
    for (const ordinal of smallest!.touched) {
      let total = smallest!.points[ordinal]!;
      let weakest = total;
      for (const other of others) {
        const points = other.points[ordinal]!;
        if (points === 0) {
          weakest = 0;
          break;
        }
        total += points;
        if (points < weakest) weakest = points;
      }
      if (weakest === 0) continue;
      const score = documentScore(weakest, total / scores.length);
      if (!top.admits(score, ordinal)) continue;
      const row = this.docs.rows[ordinal];
      if (row && filter(row)) top.offer({ ordinal, score, weakest });
    }
    return top.list().map(({ ordinal, score, weakest }) => {
      const row = this.docs.rows[ordinal]!;
      return { id: row.id, type: this.docs.typeName(row), score, matched: tierOf(weakest) };
    });
  }
}

interface QueryWord {
  readonly folded: string;
  /** One, or two where "ch" may read either way (nameKeys). */
  readonly keys: readonly string[];
}

/** The query's words, each once; initials and one-letter words are left out. */
function queryWords(query: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const word of wordsOf(query)) {
    const folded = foldWord(word);
    const keys = nameKeys(word, query);
    if (keys[0]!.length < shortestQueryWord && folded.length < shortestQueryWord) continue;
    if (words.some((w) => w.folded === folded)) continue;
    words.push({ folded, keys });
  }
  return words;
}
