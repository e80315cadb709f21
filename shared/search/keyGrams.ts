import { maxTypoEdits, typoEdits } from './typos';

/**
 * Finds the name keys within a few edits of a query key without comparing it to every key:
 * each key is filed under its bigrams (padded with ^ and $), and only keys that share enough
 * bigrams with the query are compared. One edit brings at most three bigrams into the query
 * that the key lacks (a swap of two neighbours does), so a key within k edits holds all but
 * at most 3k of the query's distinct bigrams.
 */
export class KeyGrams {
  private readonly byGram = new Map<string, number[]>();
  private readonly keys: string[] = [];
  private counts = new Uint8Array(0);

  add(id: number, key: string): void {
    this.keys[id] = key;
    for (const gram of new Set(gramsOf(key))) {
      const ids = this.byGram.get(gram);
      if (ids === undefined) this.byGram.set(gram, [id]);
      else ids.push(id);
    }
  }

  /** Ids of the keys a typo away from `key` (typos.ts), with the edits between them. */
  near(key: string): { id: number; edits: number }[] {
    const grams = [...new Set(gramsOf(key))];
    const needed = Math.max(1, grams.length - 3 * maxTypoEdits);
    if (this.counts.length < this.keys.length) this.counts = new Uint8Array(this.keys.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    for (const gram of grams) {
      const ids = this.byGram.get(gram);
      if (ids === undefined) continue;
      for (const id of ids) {
        if (counts[id] === 0) touched.push(id);
        if (counts[id]! < 255) counts[id]!++;
      }
    }
    const out: { id: number; edits: number }[] = [];
    for (const id of touched) {
      const shared = counts[id]!;
      counts[id] = 0;
      if (shared < needed) continue;
      const edits = typoEdits(key, this.keys[id]!);
      if (edits !== null) out.push({ id, edits });
    }
    return out;
  }
}

function gramsOf(key: string): string[] {
  const padded = `^${key}$`;
  const out: string[] = [];
  for (let i = 0; i + 2 <= padded.length; i++) out.push(padded.slice(i, i + 2));
  return out;
}
