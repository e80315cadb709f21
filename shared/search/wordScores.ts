/**
 * The best points each document got for one query word. Dense (one slot per ordinal) because
 * a common word touches a large part of the index; the slots touched are remembered so they
 * can be cleared for the next query without refilling the whole array.
 */
export class WordScores {
  points: Float32Array;
  readonly touched: number[] = [];

  constructor(capacity: number) {
    this.points = new Float32Array(capacity);
  }

  fit(capacity: number): void {
    if (this.points.length < capacity) this.points = new Float32Array(capacity * 2);
  }

  raise(ordinal: number, points: number): void {
    const current = this.points[ordinal]!;
    if (current === 0) this.touched.push(ordinal);
    if (current < points) this.points[ordinal] = points;
  }

  clear(): void {
    for (const ordinal of this.touched) this.points[ordinal] = 0;
    this.touched.length = 0;
  }
}
