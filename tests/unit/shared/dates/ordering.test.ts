import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareFuzzyDates, parseEdtf, toEdtf, type FuzzyDate } from '../../../../shared/dates';
import { fuzzyDateArb } from './arbitraries';

const edtf = (text: string): FuzzyDate => {
  const result = parseEdtf(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

const sign = (n: number) => Math.sign(n) + 0;

describe('sorting fuzzy dates', () => {
  it('puts open starts first, then by earliest day, narrower spans before wider', () => {
    const sorted = [
      '2021',
      '2020-08~',
      '2020-08-09',
      '../2020',
      '2020',
      '2020-01',
      '2020-08',
      '2020/..',
    ]
      .map(edtf)
      .sort(compareFuzzyDates)
      .map(toEdtf);
    expect(sorted).toEqual([
      '../2020',
      '2020-01',
      '2020',
      '2020/..',
      '2020-08',
      '2020-08~',
      '2020-08-09',
      '2021',
    ]);
  });

  it('is a total order: reflexive, antisymmetric, transitive, 0 only for equal dates', () => {
    fc.assert(
      fc.property(fuzzyDateArb, fuzzyDateArb, fuzzyDateArb, (a, b, c) => {
        expect(compareFuzzyDates(a, a)).toBe(0);
        // === rather than toBe: Object.is would tell 0 from -0, which no sort cares about.
        expect(sign(compareFuzzyDates(a, b)) === -sign(compareFuzzyDates(b, a))).toBe(true);
        expect(compareFuzzyDates(a, b) === 0).toBe(toEdtf(a) === toEdtf(b));
        if (compareFuzzyDates(a, b) <= 0 && compareFuzzyDates(b, c) <= 0) {
          expect(compareFuzzyDates(a, c)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
