import type { MatchTier } from './document';

/** How much one query word is worth, by how it matched. */
export const wordPoints = {
  exact: 1,
  transliterated: 0.8,
  /** Less by how far the key is from the query's (typos.ts: 0.5 to 2 edits): 0.65 to 0.5. */
  fuzzy: (edits: number) => 0.7 - 0.1 * edits,
  textWord: 0.25,
  /** A text word that starts with the query word's key (Калеснікавай for Калеснікава). */
  textPrefix: 0.2,
} as const;

const tiers: readonly MatchTier[] = ['text', 'fuzzy', 'transliterated', 'exact'];

export function tierOf(points: number): MatchTier {
  if (points >= wordPoints.exact) return 'exact';
  if (points >= wordPoints.transliterated) return 'transliterated';
  if (points >= wordPoints.fuzzy(2)) return 'fuzzy';
  return 'text';
}

/**
 * A document's score, 0..1: first the tier of its weakest-matching word, then the mean of
 * its words' points. So a document whose every word matched a name exactly ranks above one
 * with a word only transliterated, whatever the rest: an exact given name does not make up
 * for a surname that is merely a typo away (Andrej Jackievin for Andrej Jackieviec). Within a
 * tier, names outweigh text word for word. Scores fall in bands: exact 1, transliterated
 * 0.7-0.75, fuzzy 0.375-0.5, text up to 0.25.
 */
export function documentScore(weakest: number, mean: number): number {
  const score = (tiers.indexOf(tierOf(weakest)) + mean) / tiers.length;
  // The mean of a few fixed points; rounding keeps float noise out of the order.
  return Math.round(score * 10000) / 10000;
}

/** Words shorter than this (initials, one-letter prepositions) are left out of a query. */
export const shortestQueryWord = 2;

/** A prefix shorter than this would match half the vocabulary. */
export const shortestTextPrefix = 4;

/** How many text words one query word may expand to by prefix. */
export const prefixExpansion = 50;

export const defaultLimit = 50;
