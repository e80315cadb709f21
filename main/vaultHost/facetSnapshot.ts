import { SnapshotUnusable } from '../../shared/search';
// The search snapshot's varints and string lists: docs/record-facets.md uses the same encoding.
import { ByteReader, ByteWriter } from '../../shared/search/bytes';
import type { BrowseFacets } from './recordBrowse';
import type { RecordFacets } from './recordFacets';

/**
 * The facets of every record as bytes, for the vault to keep sealed (a saved state, like the
 * search index) so that a list filters at once after unlock instead of opening every record.
 * docs/record-facets.md specifies the layout.
 */
const magic = [0x63, 0x62, 0x72, 0x66]; // "cbrf"

/** The layout of the bytes. */
export const facetSnapshotFormat = 1;

/**
 * What facetsOf and browseFacetsOf take from a body. Facets saved under other rules would
 * filter differently from fresh ones, so they are refused and rebuilt: bump it with the rules.
 */
export const facetRulesVersion = 1;

/** The facets of each type's records, by record id. */
export type FacetsByType = ReadonlyMap<string, ReadonlyMap<string, RecordFacets>>;

class FacetSnapshotUnusable extends Error {
  constructor(detail: string) {
    super(`The saved record facets cannot be used (${detail}); rebuild them from the records.`);
    this.name = 'FacetSnapshotUnusable';
  }
}

/** Every string is written once, in a table, and referred to by its place in it. */
class ValueTable {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  of(value: string): number {
    let at = this.index.get(value);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(value);
      this.index.set(value, at);
    }
    return at;
  }

  /** An optional value: its place + 1, 0 for none. */
  optional(value: string | null): number {
    return value === null ? 0 : this.of(value) + 1;
  }
}

/**
 * `referencePaths` are the model's reference fields as `type:path`, sorted: facets written
 * under other fields (the model gained one) would miss references, so they are refused too.
 */
export function serialiseFacets(
  byType: FacetsByType,
  referencePaths: readonly string[],
): Uint8Array {
  // The table comes first in the bytes but is complete only once every row is written: the
  // rows are written apart, then appended.
  const table = new ValueTable();
  const rows = new ByteWriter();
  const types = [...byType].filter(([, records]) => records.size > 0);
  for (const [type, records] of types) {
    rows.varint(table.of(type));
    rows.varint(records.size);
    for (const [id, facets] of records) {
      rows.varint(table.of(id));
      rows.varint(table.optional(facets.caseType));
      rows.varint(table.optional(facets.earliest));
      rows.varint(table.optional(facets.latest));
      rows.varint(facets.refers.length);
      for (const ref of facets.refers) rows.varint(table.of(ref));
      const browse = facets.browse;
      rows.varint(browse ? 1 : 0);
      if (!browse) continue;
      rows.varint(browse.terms.size);
      for (const term of browse.terms) rows.varint(table.of(term));
      rows.varint(browse.span ? table.of(browse.span.earliest) + 1 : 0);
      if (browse.span) rows.varint(table.of(browse.span.latest));
      rows.varint(table.optional(browse.personId));
    }
  }
  const out = new ByteWriter();
  for (const b of magic) out.byte(b);
  out.byte(facetSnapshotFormat);
  out.byte(facetRulesVersion);
  out.strings(referencePaths);
  out.strings(table.values);
  out.varint(types.length);
  out.bytes(rows.finish());
  return out.finish();
}

/** Throws when the bytes are not saved facets this version can use: rebuild them then. */
function readFacets(
  bytes: Uint8Array,
  referencePaths: readonly string[],
): Map<string, Map<string, RecordFacets>> {
  if (bytes.length < magic.length + 2 || magic.some((b, i) => bytes[i] !== b))
    throw new FacetSnapshotUnusable('not saved record facets');
  const input = new ByteReader(bytes);
  for (let i = 0; i < magic.length; i++) input.byte();
  const format = input.byte();
  if (format !== facetSnapshotFormat)
    throw new FacetSnapshotUnusable(`format ${format}, not ${facetSnapshotFormat}`);
  const rules = input.byte();
  if (rules !== facetRulesVersion)
    throw new FacetSnapshotUnusable(`facet rules ${rules}, not ${facetRulesVersion}`);
  const paths = input.strings();
  if (paths.length !== referencePaths.length || paths.some((p, i) => p !== referencePaths[i]))
    throw new FacetSnapshotUnusable('taken under other reference fields');
  const values = input.strings();
  const value = () => {
    const at = input.varint();
    if (at >= values.length) throw new FacetSnapshotUnusable('a value index is out of range');
    return values[at]!;
  };
  const optional = () => {
    const at = input.varint();
    if (at === 0) return null;
    if (at > values.length) throw new FacetSnapshotUnusable('a value index is out of range');
    return values[at - 1]!;
  };
  const list = () => {
    const out = new Array<string>(input.count());
    for (let i = 0; i < out.length; i++) out[i] = value();
    return out;
  };
  const byType = new Map<string, Map<string, RecordFacets>>();
  for (let types = input.count(); types > 0; types--) {
    const type = value();
    if (byType.has(type)) throw new FacetSnapshotUnusable('a type comes twice');
    const records = new Map<string, RecordFacets>();
    for (let count = input.count(); count > 0; count--) {
      const id = value();
      const caseType = optional();
      const earliest = optional();
      const latest = optional();
      const refers = list();
      let browse: BrowseFacets | null = null;
      if (input.varint() !== 0) {
        const terms = new Set(list());
        const spanStart = optional();
        const span = spanStart === null ? null : { earliest: spanStart, latest: value() };
        browse = { terms, span, personId: optional() };
      }
      records.set(id, { caseType, earliest, latest, refers, browse });
    }
    byType.set(type, records);
  }
  if (!input.atEnd) throw new FacetSnapshotUnusable('bytes after the end');
  return byType;
}

/** The saved facets, or null when they cannot be used (missing, other version, damaged). */
export function deserialiseFacets(
  bytes: Uint8Array,
  referencePaths: readonly string[],
): Map<string, Map<string, RecordFacets>> | null {
  try {
    return readFacets(bytes, referencePaths);
  } catch (error) {
    if (error instanceof FacetSnapshotUnusable || error instanceof SnapshotUnusable) return null;
    throw error;
  }
}
