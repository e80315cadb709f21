import type { ByteReader, ByteWriter } from './bytes';
import { damaged } from './snapshotError';

/**
 * Terms to the documents (by ordinal) that contain them. Two parts: a frozen one, as loaded
 * from a snapshot or made by compaction (sorted terms, postings as delta varints in one
 * byte array, so loading it is a few copies and no per-posting objects), and a fresh one for
 * what was added since (a map and plain arrays). Ordinals only grow, so a term's postings are
 * its frozen list followed by its fresh tail, in order.
 */
export class TermIndex {
  private frozenTerms: string[] = [];
  private frozenOffsets: Uint32Array = new Uint32Array(1);
  private frozenPostings: Uint8Array = new Uint8Array(0);
  private readonly freshIds = new Map<string, number>();
  private freshTerms: string[] = [];
  private freshSorted: number[] | null = null;
  /** By term id: ordinals added since the frozen part was made. */
  private tails: (number[] | undefined)[] = [];

  get termCount(): number {
    return this.frozenTerms.length + this.freshTerms.length;
  }

  /** Records that document `ordinal` contains `term`; returns the term's id. */
  add(term: string, ordinal: number): number {
    const id = this.intern(term);
    this.addPosting(id, ordinal);
    return id;
  }

  /** The term's id, making it a term if it is not one yet. */
  intern(term: string): number {
    let id = this.idOf(term);
    if (id === undefined) {
      id = this.frozenTerms.length + this.freshTerms.length;
      this.freshIds.set(term, id);
      this.freshTerms.push(term);
      this.freshSorted = null;
    }
    return id;
  }

  /** Ordinals must come in increasing order; a repeat of the last one is ignored. */
  addPosting(id: number, ordinal: number): void {
    const tail = this.tails[id];
    if (tail === undefined) this.tails[id] = [ordinal];
    else if (tail[tail.length - 1] !== ordinal) tail.push(ordinal);
  }

  idOf(term: string): number | undefined {
    const at = lowerBound(this.frozenTerms, term);
    if (at < this.frozenTerms.length && this.frozenTerms[at] === term) return at;
    return this.freshIds.get(term);
  }

  term(id: number): string {
    const frozen = this.frozenTerms.length;
    return id < frozen ? this.frozenTerms[id]! : this.freshTerms[id - frozen]!;
  }

  /** Calls `visit` with each ordinal that has the term, in increasing order. */
  forEachPosting(id: number, visit: (ordinal: number) => void): void {
    if (id < this.frozenTerms.length) {
      const bytes = this.frozenPostings;
      let at = this.frozenOffsets[id]!;
      const end = this.frozenOffsets[id + 1]!;
      let ordinal = 0;
      while (at < end) {
        let delta = 0;
        let shift = 0;
        let b: number;
        do {
          b = bytes[at++]!;
          delta |= (b & 0x7f) << shift;
          shift += 7;
        } while (b >= 0x80);
        ordinal += delta;
        visit(ordinal);
      }
    }
    const tail = this.tails[id];
    if (tail !== undefined) for (const ordinal of tail) visit(ordinal);
  }

  /** Ids of the terms that start with `prefix` (at most `limit`, shortest range first). */
  idsWithPrefix(prefix: string, limit: number): number[] {
    const out: number[] = [];
    for (let i = lowerBound(this.frozenTerms, prefix); i < this.frozenTerms.length; i++) {
      if (out.length >= limit || !this.frozenTerms[i]!.startsWith(prefix)) break;
      out.push(i);
    }
    const fresh = this.sortedFresh();
    const frozen = this.frozenTerms.length;
    const terms = fresh.map((id) => this.freshTerms[id - frozen]!);
    for (let i = lowerBound(terms, prefix); i < terms.length && out.length < limit; i++) {
      if (!terms[i]!.startsWith(prefix)) break;
      out.push(fresh[i]!);
    }
    return out;
  }

  private sortedFresh(): number[] {
    if (this.freshSorted === null) {
      const frozen = this.frozenTerms.length;
      this.freshSorted = this.freshTerms
        .map((_, i) => i + frozen)
        .sort((a, b) => compare(this.term(a), this.term(b)));
    }
    return this.freshSorted;
  }

  /**
   * The same index with every ordinal renumbered by `remap` (-1 drops it) and all of it
   * frozen; terms left without postings are dropped. Returns the new index and, for each old
   * term id, its new id (-1 if dropped).
   */
  compacted(remap: Int32Array): { index: TermIndex; termIds: Int32Array } {
    const ids = Array.from({ length: this.termCount }, (_, i) => i).sort((a, b) =>
      compare(this.term(a), this.term(b)),
    );
    const termIds = new Int32Array(this.termCount).fill(-1);
    const terms: string[] = [];
    const offsets: number[] = [0];
    const postings = new VarintBuffer();
    for (const id of ids) {
      let last = 0;
      let any = false;
      this.forEachPosting(id, (ordinal) => {
        const mapped = remap[ordinal]!;
        if (mapped < 0) return;
        postings.push(mapped - last);
        last = mapped;
        any = true;
      });
      if (!any) continue;
      termIds[id] = terms.length;
      terms.push(this.term(id));
      offsets.push(postings.length);
    }
    const index = new TermIndex();
    index.frozenTerms = terms;
    index.frozenOffsets = Uint32Array.from(offsets);
    index.frozenPostings = postings.finish();
    index.tails = new Array<number[] | undefined>(terms.length);
    return { index, termIds };
  }

  /** Writes the frozen part; call on a compacted index. */
  write(out: ByteWriter): void {
    if (this.freshTerms.length > 0 || this.tails.some((tail) => tail !== undefined))
      throw new Error('write() needs a compacted TermIndex');
    out.strings(this.frozenTerms);
    for (let i = 0; i < this.frozenTerms.length; i++)
      out.varint(this.frozenOffsets[i + 1]! - this.frozenOffsets[i]!);
    out.bytes(this.frozenPostings);
  }

  static read(input: ByteReader, ordinals: number): TermIndex {
    const index = new TermIndex();
    index.frozenTerms = input.strings();
    const n = index.frozenTerms.length;
    const offsets = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + input.varint();
    index.frozenOffsets = offsets;
    index.frozenPostings = input.bytes(offsets[n]!);
    index.tails = new Array<number[] | undefined>(n);
    for (let i = 1; i < n; i++)
      if (!(index.frozenTerms[i - 1]! < index.frozenTerms[i]!)) throw damaged('terms out of order');
    index.checkPostings(ordinals);
    return index;
  }

  /** Every posting list must decode to increasing ordinals below `ordinals`. */
  private checkPostings(ordinals: number): void {
    const bytes = this.frozenPostings;
    for (let id = 0; id < this.frozenTerms.length; id++) {
      const end = this.frozenOffsets[id + 1]!;
      let at = this.frozenOffsets[id]!;
      let ordinal = -1;
      if (at === end) throw damaged('a term without documents');
      while (at < end) {
        let delta = 0;
        let shift = 0;
        let b: number;
        do {
          if (at >= end || shift > 28) throw damaged('a posting is cut');
          b = bytes[at++]!;
          delta |= (b & 0x7f) << shift;
          shift += 7;
        } while (b >= 0x80);
        if (delta === 0 && ordinal >= 0) throw damaged('a repeated posting');
        ordinal = (ordinal < 0 ? 0 : ordinal) + delta;
        if (ordinal >= ordinals) throw damaged('a posting out of range');
      }
    }
  }
}

/** Code-unit order, the same in every JavaScript engine (unlike localeCompare). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

class VarintBuffer {
  private bytes = new Uint8Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    while (value >= 0x80) {
      this.bytes[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.bytes[this.length++] = value;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}
