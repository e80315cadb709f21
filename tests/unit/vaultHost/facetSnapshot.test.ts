// The lists' facets as saved in the vault (docs/record-facets.md): the worked example's bytes,
// a round trip for any facets, and saved facets that cannot be used are refused, never misread.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  deserialiseFacets,
  facetRulesVersion,
  facetSnapshotFormat,
  serialiseFacets,
  type FacetsByType,
} from '../../../main/vaultHost/facetSnapshot';
import {
  facetReferencePaths,
  facetsOf,
  type RecordFacets,
} from '../../../main/vaultHost/recordFacets';
import type { JsonObject } from '../../../shared/records';
import vector from '../../vectors/record-facets-v1.json';

/** docs/record-facets.md, "A worked example", and the fixed test vector. */
const example: FacetsByType = (() => {
  const byType = new Map<string, Map<string, RecordFacets>>();
  for (const { type, id, body } of vector.records) {
    if (!byType.has(type)) byType.set(type, new Map());
    byType.get(type)!.set(id, facetsOf(type, body as JsonObject));
  }
  return byType;
})();

const paths = facetReferencePaths();
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const dayArb = fc.option(fc.constantFrom('2020-08-01', '2021-02-28', '2024-12-31'), { nil: null });
const textArb = fc.string({ unit: 'grapheme', maxLength: 12 });
const facetsArb: fc.Arbitrary<RecordFacets> = fc.record({
  caseType: fc.option(textArb, { nil: null }),
  earliest: dayArb,
  latest: dayArb,
  refers: fc.uniqueArray(idArb, { maxLength: 3 }),
  browse: fc.option(
    fc.record({
      terms: fc.uniqueArray(textArb, { maxLength: 3 }).map((terms) => new Set(terms)),
      span: fc.option(
        fc.record({
          earliest: fc.constantFrom('', '2020-01-01', '\uffff'),
          latest: fc.constantFrom('2020-12-31', '\uffff'),
        }),
        { nil: null },
      ),
      personId: fc.option(idArb, { nil: null }),
    }),
    { nil: null },
  ),
});
const byTypeArb: fc.Arbitrary<FacetsByType> = fc
  .dictionary(
    fc.constantFrom('case', 'detention', 'person', 'testimony'),
    fc.dictionary(idArb, facetsArb, { maxKeys: 4 }),
  )
  .map(
    (types) =>
      new Map(
        Object.entries(types)
          // A type with no records is not written: nothing to tell it from one never seen.
          .filter(([, records]) => Object.keys(records).length > 0)
          .map(([type, records]) => [type, new Map(Object.entries(records))]),
      ),
  );

describe('saved record facets, format 1', () => {
  it('writes the worked example of docs/record-facets.md byte for byte, and reads it back', () => {
    expect(facetSnapshotFormat).toBe(1);
    expect(facetRulesVersion).toBe(1);
    // The vector names its own reference fields, so that it stays fixed as the model grows.
    for (const path of vector.referencePaths) expect(paths).toContain(path);
    const bytes = serialiseFacets(example, vector.referencePaths);
    expect(hex(bytes)).toBe(vector.bytes);
    expect(deserialiseFacets(bytes, vector.referencePaths)).toEqual(example);
  });

  it('reads back whatever facets it wrote, and writes the same facets as the same bytes', () => {
    fc.assert(
      fc.property(byTypeArb, (byType) => {
        const bytes = serialiseFacets(byType, paths);
        const read = deserialiseFacets(bytes, paths);
        expect(read).toEqual(byType);
        expect(hex(serialiseFacets(read!, paths))).toBe(hex(bytes));
      }),
    );
  });

  it('refuses bytes cut short anywhere, or with anything after the end, rather than misread them', () => {
    const bytes = serialiseFacets(example, paths);
    for (let length = 0; length < bytes.length; length++) {
      expect(deserialiseFacets(bytes.slice(0, length), paths), `cut at ${length}`).toBeNull();
    }
    expect(deserialiseFacets(Uint8Array.of(...bytes, 0), paths)).toBeNull();
  });

  it('refuses another format or other facet rules, so that they are rebuilt', () => {
    const bytes = serialiseFacets(example, paths);
    const otherFormat = bytes.slice();
    otherFormat[4] = facetSnapshotFormat + 1;
    const otherRules = bytes.slice();
    otherRules[5] = facetRulesVersion + 1;
    const notFacets = bytes.slice();
    notFacets[0] = 0x00;
    expect(deserialiseFacets(otherFormat, paths)).toBeNull();
    expect(deserialiseFacets(otherRules, paths)).toBeNull();
    expect(deserialiseFacets(notFacets, paths)).toBeNull();
  });

  it('refuses facets taken when the model had other reference fields', () => {
    const bytes = serialiseFacets(example, paths);
    expect(deserialiseFacets(bytes, [...paths, 'detention:witnessId'])).toBeNull();
    expect(deserialiseFacets(bytes, paths.slice(1))).toBeNull();
  });

  it('refuses a value index out of the table', () => {
    const bytes = serialiseFacets(example, paths);
    // The last byte is d1's person, 6 (p1 + 1): 11 is past the ten values.
    const outOfRange = bytes.slice();
    outOfRange[outOfRange.length - 1] = 11;
    expect(deserialiseFacets(outOfRange, paths)).toBeNull();
  });
});
