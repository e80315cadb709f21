import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeBases, mergeFields, type GraphNode } from '../../../../db/bundles/merge';
import { canonicalJson, type JsonObject, type JsonValue } from '../../../../shared/records';

const value: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.nat(3),
  fc.constantFrom('a', 'b'),
  fc.constant<JsonValue>([1, 2]),
);
const body: fc.Arbitrary<JsonObject> = fc.dictionary(
  fc.constantFrom('a', 'b', 'c', '__proto__'),
  fc.oneof(value, fc.dictionary(fc.constantFrom('x', 'y'), value)),
  { maxKeys: 4 },
);

describe('three-way field merge', () => {
  it('takes a field changed on one side only, and reports a field changed differently on both', () => {
    const base = { name: 'A', notes: 'n', contacts: { phone: '1', city: 'Minsk' } };
    const left = { name: 'A', notes: 'left', contacts: { phone: '1', city: 'Minsk' } };
    const right = { name: 'B', notes: 'right', contacts: { phone: '2', city: 'Minsk' } };
    const merged = mergeFields(base, [left, right]);
    expect(merged.body).toEqual({
      name: 'B',
      notes: 'left',
      contacts: { phone: '2', city: 'Minsk' },
    });
    expect(merged.conflicts).toEqual([{ path: 'notes', keys: ['notes'], sides: [0, 1] }]);
  });

  it('a field removed on one side and untouched on the other is removed; removed against changed is a conflict', () => {
    expect(mergeFields({ a: 1, b: 2 }, [{ a: 1 }, { a: 5, b: 2 }])).toEqual({
      body: { a: 5 },
      conflicts: [],
    });
    expect(mergeFields({ a: 1, b: 2 }, [{ a: 1 }, { a: 1, b: 3 }]).conflicts).toEqual([
      { path: 'b', keys: ['b'], sides: [0, 1] },
    ]);
  });

  it('a key named __proto__ stays a field and never reaches a prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as JsonObject;
    const merged = mergeFields({}, [hostile, { a: 1 }]);
    expect(Object.hasOwn(merged.body, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged.body)).toBe(Object.prototype);
  });

  it('is idempotent, and the same whichever order the sides come in, up to which value stands in a conflict', () => {
    fc.assert(
      fc.property(body, body, body, (base, left, right) => {
        expect(mergeFields(base, [left, left]).body).toEqual(left);
        expect(mergeFields(base, [left, base])).toEqual({ body: left, conflicts: [] });
        const one = mergeFields(base, [left, right]);
        const other = mergeFields(base, [right, left]);
        expect(one.conflicts.map((c) => c.path).sort()).toEqual(
          other.conflicts.map((c) => c.path).sort(),
        );
        if (one.conflicts.length === 0)
          expect(canonicalJson(one.body)).toBe(canonicalJson(other.body));
      }),
      { numRuns: 500 },
    );
  });
});

describe('merge bases', () => {
  const graph: GraphNode[] = [
    { revisionId: 'o', parents: [] },
    { revisionId: 'a', parents: ['o'] },
    { revisionId: 'b', parents: ['o'] },
    { revisionId: 'c', parents: ['a', 'b'] },
    { revisionId: 'd', parents: ['a', 'b'] },
    { revisionId: 'e', parents: ['c'] },
    { revisionId: 'lonely', parents: ['missing'] },
  ];
  it('is the latest common ancestor, several after a criss-cross, none for unrelated revisions', () => {
    expect(mergeBases(graph, ['a', 'b'])).toEqual(['o']);
    expect(mergeBases(graph, ['e', 'a'])).toEqual(['a']);
    expect(mergeBases(graph, ['e', 'd'])).toEqual(['a', 'b']);
    expect(mergeBases(graph, ['a', 'lonely'])).toEqual([]);
  });
});
