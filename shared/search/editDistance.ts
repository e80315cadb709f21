/**
 * Damerau-Levenshtein distance (the optimal-string-alignment variant: insert, delete,
 * substitute, swap two neighbours), computed only as far as `max`: any distance above it is
 * reported as max + 1, so the typo check of a candidate costs a band, not the whole table.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  // Three rows (the one before the previous is needed for the swap), reused between calls:
  // this runs for every candidate of every fuzzy lookup.
  if (rows.length < 3 * (n + 1)) rows = new Int32Array(6 * (n + 1));
  let before = 0;
  let previous = n + 1;
  let current = 2 * (n + 1);
  for (let j = 0; j <= n; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowBest = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(
        rows[previous + j]! + 1,
        rows[current + j - 1]! + 1,
        rows[previous + j - 1]! + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, rows[before + j - 2]! + 1);
      rows[current + j] = d;
      if (d < rowBest) rowBest = d;
    }
    if (rowBest > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(rows[previous + n]!, max + 1);
}

let rows = new Int32Array(64);
