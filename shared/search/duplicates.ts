import type { SearchDocument } from './document';
import type { DocumentRow } from './documentTable';
import { nameReadings } from './nameKey';
import type { SearchIndex } from './searchIndex';
import { typoEdits } from './typos';
import { foldWord } from './words';

export interface DuplicateCandidate {
  readonly id: string;
  /** 0..1: how likely the two records are the same person. */
  readonly score: number;
}

export interface DuplicateOptions {
  /** Candidates scoring below this are not returned. */
  readonly threshold?: number;
  readonly limit?: number;
}

/** The same full name in any script or spelling scores 1; one typo in one word about 0.9. */
export const duplicateThreshold = 0.7;

/** How much a word pair counts, by the edits between their name keys (typos.ts: 0.5 to 2). */
const wordSimilarity = (edits: number) => 1 - 0.25 * edits;

/**
 * Records of the same type that may describe the same person as `doc`, for a warning when a
 * person is entered or imported. Names are compared word by word on their name keys, in any
 * order (Kalesnikava Maryja is Maryja Kalesnikava); a year of birth given on both sides
 * raises the score when it agrees and lowers it when it does not, and so does sex.
 */
export function duplicateCandidates(
  index: SearchIndex,
  doc: SearchDocument,
  options: DuplicateOptions = {},
): DuplicateCandidate[] {
  const threshold = options.threshold ?? duplicateThreshold;
  const names = doc.names.flatMap(nameReadings);
  // For each candidate, which words of each of our names it has (a bit per word), so that
  // people who share only a common given name are dropped before any comparison.
  const candidates = new Map<DocumentRow, number[]>();
  names.forEach((keys, n) =>
    keys.forEach((key, w) => {
      for (const { keyId } of index.nearKeys(key))
        index.documentsWithKey(keyId, (row) => {
          if (row.id === doc.id || index.typeOf(row) !== doc.type) return;
          let words = candidates.get(row);
          if (words === undefined) candidates.set(row, (words = names.map(() => 0)));
          words[n]! |= 1 << Math.min(w, 30);
        });
    }),
  );
  const out: DuplicateCandidate[] = [];
  for (const [row, words] of candidates) {
    if (bestPossible(names, words, row) < threshold) continue;
    const theirs = row.names.map((name) => name.map((keyId) => index.keyOf(keyId)));
    let score = 0;
    for (const mine of names)
      for (const other of theirs) score = Math.max(score, nameSimilarity(mine, other));
    score *= agreement(doc.facets.birthYear, row.birthYear || undefined, birthYearBonus, 0.6);
    const sex = row.sex < 0 ? undefined : index.facetValue(row.sex);
    score *= agreement(
      doc.facets.sex === undefined ? undefined : foldWord(doc.facets.sex),
      sex,
      1,
      0.6,
    );
    score = Math.round(Math.min(1, score) * 1000) / 1000;
    if (score >= threshold) out.push({ id: row.id, score });
  }
  out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out.slice(0, options.limit ?? 20);
}

/** An upper bound of the score from the number of words matched, before comparing names. */
function bestPossible(names: readonly string[][], words: readonly number[], row: DocumentRow) {
  let shortest = Infinity;
  for (const name of row.names) shortest = Math.min(shortest, Math.max(1, name.length));
  let best = 0;
  names.forEach((keys, n) => {
    const matched = bitCount(words[n]!);
    best = Math.max(best, (matched / keys.length + Math.min(1, matched / shortest)) / 2);
  });
  return best * birthYearBonus;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let b = bits; b !== 0; b &= b - 1) count++;
  return count;
}

const birthYearBonus = 1.1;

function agreement<T>(a: T | undefined, b: T | undefined, same: number, different: number) {
  if (a === undefined || b === undefined) return 1;
  return a === b ? same : different;
}

/**
 * Word pairs matched greedily, best first; the sum is divided by the word counts of both
 * names and the two averaged, so a missing patronymic costs less than a different given name.
 */
function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  const pairs: { i: number; j: number; similarity: number }[] = [];
  a.forEach((x, i) =>
    b.forEach((y, j) => {
      const edits = x === y ? 0 : typoEdits(x, y);
      if (edits !== null) pairs.push({ i, j, similarity: wordSimilarity(edits) });
    }),
  );
  pairs.sort((p, q) => q.similarity - p.similarity);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let sum = 0;
  for (const { i, j, similarity } of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    sum += similarity;
  }
  return (sum / a.length + sum / b.length) / 2;
}
