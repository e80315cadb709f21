import type { ByteReader, ByteWriter } from './bytes';
import { damaged } from './snapshotError';
import { daysOf, earliestDay, latestDay } from './dates';
import type { SearchFacets, SearchOptions } from './document';
import { foldWord } from './words';

/**
 * One row per document ordinal: its id, type and facets as small integers, and its names as
 * name-key ids (for duplicate detection). A removed document leaves an empty slot until the
 * index is compacted, so ordinals, and the postings that refer to them, stay valid.
 */
export interface DocumentRow {
  readonly id: string;
  readonly type: number;
  readonly region: number;
  readonly sex: number;
  /** 0 when not known. */
  readonly birthYear: number;
  readonly articles: readonly number[];
  readonly status: readonly number[];
  /** Day-number pairs: earliest, latest, earliest, latest, ... */
  readonly dates: readonly number[];
  /** Each reading of each name (nameReadings) as the ids of its words' name keys. */
  readonly names: readonly (readonly number[])[];
}

const none = -1;
const empty: readonly number[] = [];

/** Facet values compare with case, diacritics and surrounding space folded. */
function facetValue(value: string): string {
  return foldWord(value.trim().replace(/\s+/g, ' '));
}

export type RowFilter = (row: DocumentRow) => boolean;

export class DocumentTable {
  rows: (DocumentRow | null)[] = [];
  private readonly ordinals = new Map<string, number>();
  private values: string[] = [];
  private readonly valueIds = new Map<string, number>();
  live = 0;

  ordinalOf(id: string): number | undefined {
    return this.ordinals.get(id);
  }

  private valueId(value: string): number {
    let id = this.valueIds.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.valueIds.set(value, id);
    }
    return id;
  }

  typeName(row: DocumentRow): string {
    return this.values[row.type]!;
  }

  value(id: number): string {
    return this.values[id]!;
  }

  /** Appends a row and returns its ordinal. */
  append(
    id: string,
    type: string,
    facets: SearchFacets,
    names: readonly (readonly number[])[],
  ): number {
    const optional = (value: string | undefined) =>
      value === undefined ? none : this.valueId(facetValue(value));
    const dates: number[] = [];
    for (const range of facets.dates ?? []) {
      const days = daysOf(range);
      if (days !== null) dates.push(days[0], days[1]);
    }
    const row: DocumentRow = {
      id,
      type: this.valueId(type),
      region: optional(facets.region),
      sex: optional(facets.sex),
      birthYear: facets.birthYear ?? 0,
      articles: facets.articles?.length
        ? facets.articles.map((a) => this.valueId(facetValue(a)))
        : empty,
      status: facets.status?.length ? facets.status.map((s) => this.valueId(facetValue(s))) : empty,
      dates: dates.length > 0 ? dates : empty,
      names,
    };
    const ordinal = this.rows.length;
    this.rows.push(row);
    this.ordinals.set(id, ordinal);
    this.live++;
    return ordinal;
  }

  remove(id: string): number | undefined {
    const ordinal = this.ordinals.get(id);
    if (ordinal === undefined) return undefined;
    this.ordinals.delete(id);
    this.rows[ordinal] = null;
    this.live--;
    return ordinal;
  }

  /** The search options as a test on rows, or null when they can match nothing (an unknown value). */
  filter(options: SearchOptions): RowFilter | null {
    const tests: RowFilter[] = [];
    const known = (value: string) => this.valueIds.get(value);
    if (options.types !== undefined) {
      const types = new Set(options.types.map(known).filter((t) => t !== undefined));
      if (types.size === 0) return null;
      tests.push((row) => types.has(row.type));
    }
    for (const [option, field] of [
      ['region', 'region'],
      ['sex', 'sex'],
    ] as const) {
      const wanted = options[option];
      if (wanted === undefined) continue;
      const id = known(facetValue(wanted));
      if (id === undefined) return null;
      tests.push((row) => row[field] === id);
    }
    for (const [option, field] of [
      ['article', 'articles'],
      ['status', 'status'],
    ] as const) {
      const wanted = options[option];
      if (wanted === undefined) continue;
      const id = known(facetValue(wanted));
      if (id === undefined) return null;
      tests.push((row) => row[field].includes(id));
    }
    if (options.from !== undefined || options.to !== undefined) {
      const from = options.from === undefined ? -Infinity : earliestDay(options.from);
      const to = options.to === undefined ? Infinity : latestDay(options.to);
      if (from === null || to === null)
        throw new RangeError('from and to are YYYY[-MM[-DD]] dates');
      tests.push((row) => {
        for (let i = 0; i < row.dates.length; i += 2)
          if (row.dates[i]! <= to && row.dates[i + 1]! >= from) return true;
        return false;
      });
    }
    return (row) => tests.every((test) => test(row));
  }

  /** Each ordinal's number once removed documents are dropped (-1 for those). */
  ordinalRemap(): Int32Array {
    const remap = new Int32Array(this.rows.length).fill(-1);
    let next = 0;
    this.rows.forEach((row, ordinal) => {
      if (row !== null) remap[ordinal] = next++;
    });
    return remap;
  }

  /** The live rows renumbered by `remap`, with name-key ids mapped through `keyIds`. */
  compacted(remap: Int32Array, keyIds: Int32Array): DocumentTable {
    const table = new DocumentTable();
    table.values = this.values;
    this.values.forEach((value, id) => table.valueIds.set(value, id));
    this.rows.forEach((row, ordinal) => {
      if (row === null) return;
      table.ordinals.set(row.id, remap[ordinal]!);
      table.rows.push({ ...row, names: row.names.map((name) => name.map((k) => keyIds[k]!)) });
      table.live++;
    });
    return table;
  }

  /** Writes a compacted table (no empty slots). */
  write(out: ByteWriter): void {
    out.strings(this.values);
    const rows = this.rows.map((row) => {
      if (row === null) throw new Error('write() needs a compacted DocumentTable');
      return row;
    });
    out.strings(rows.map((row) => row.id));
    const list = (items: readonly number[]) => {
      out.varint(items.length);
      for (const item of items) out.varint(item);
    };
    for (const row of rows) {
      out.varint(row.type);
      out.varint(row.region + 1);
      out.varint(row.sex + 1);
      out.varint(row.birthYear);
      list(row.articles);
      list(row.status);
      list(row.dates);
      out.varint(row.names.length);
      for (const name of row.names) list(name);
    }
  }

  static read(input: ByteReader): DocumentTable {
    const table = new DocumentTable();
    table.values = input.strings();
    table.values.forEach((value, id) => table.valueIds.set(value, id));
    const ids = input.strings();
    const valueCount = table.values.length;
    const value = (optional: boolean) => {
      const v = input.varint() - (optional ? 1 : 0);
      if (v >= valueCount || v < (optional ? none : 0)) throw damaged('a facet value');
      return v;
    };
    const values = () => {
      const n = input.count();
      const out = new Array<number>(n);
      for (let i = 0; i < n; i++) out[i] = value(false);
      return out;
    };
    const numbers = () => {
      const n = input.count();
      const out = new Array<number>(n);
      for (let i = 0; i < n; i++) out[i] = input.varint();
      return out;
    };
    for (const id of ids) {
      const type = value(false);
      const region = value(true);
      const sex = value(true);
      const birthYear = input.varint();
      const articles = values();
      const status = values();
      const dates = numbers();
      if (dates.length % 2 !== 0) throw damaged('a date without its end');
      const names = Array.from({ length: input.count() }, numbers);
      if (table.ordinals.has(id)) throw damaged('a repeated document id');
      table.ordinals.set(id, table.rows.length);
      table.rows.push({ id, type, region, sex, birthYear, articles, status, dates, names });
    }
    table.live = table.rows.length;
    return table;
  }
}
