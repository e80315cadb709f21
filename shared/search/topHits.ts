/** A document's place in the results before it is made a hit. */
export interface Ranked {
  readonly ordinal: number;
  readonly score: number;
  /** The points of its weakest-matching query word (ranking.ts tierOf). */
  readonly weakest: number;
}

/**
 * Keeps the best `limit` documents: highest score first and, among equal scores, in the order
 * they were indexed. Ordinals rather than ids break ties so that the many documents a common
 * word matches are turned away with one comparison of numbers, without reading their rows;
 * compaction and snapshots keep ordinals in order, so the results do not change with them.
 */
export class TopHits {
  private readonly ranked: Ranked[] = [];

  constructor(private readonly limit: number) {}

  /** Whether a document with this score and ordinal would enter the list. */
  admits(score: number, ordinal: number): boolean {
    if (this.ranked.length < this.limit) return true;
    const last = this.ranked[this.ranked.length - 1]!;
    return score > last.score || (score === last.score && ordinal < last.ordinal);
  }

  offer(entry: Ranked): void {
    if (!this.admits(entry.score, entry.ordinal)) return;
    const ranked = this.ranked;
    let lo = 0;
    let hi = ranked.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(ranked[mid]!, entry)) lo = mid + 1;
      else hi = mid;
    }
    ranked.splice(lo, 0, entry);
    if (ranked.length > this.limit) ranked.pop();
  }

  list(): readonly Ranked[] {
    return this.ranked;
  }
}

function before(a: Ranked, b: Ranked): boolean {
  return a.score > b.score || (a.score === b.score && a.ordinal < b.ordinal);
}
