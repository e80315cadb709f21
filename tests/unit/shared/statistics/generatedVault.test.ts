import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeReview, type Figure, type Review } from '../../../../shared/statistics';
import { expectedReview, type ReviewQuery } from './expectedReview';
import { firstStart, generateVault, isoOf } from './generatedVault';

/** Monthly reviews and longer periods, as published, and a few edges. */
const queries: ReviewQuery[] = [
  { asOf: '2024-03-04', from: '2024-02-01', to: '2024-03-01' },
  { asOf: '2024-03-04', from: '2020-08-09', to: '2024-03-05' },
  { asOf: '2021-06-30', from: '2021-01-01', to: '2022-01-01' },
  { asOf: '2022-11-15', from: '2022-11-01', to: '2022-12-01', incommunicadoDays: 180 },
  { asOf: '2023-12-31' },
  { asOf: '2025-01-01', from: '2024-01-01', to: '2025-01-01', incommunicadoDays: 0 },
];

function review(records: Parameters<typeof computeReview>[0]['records'], query: ReviewQuery) {
  return computeReview({ records, ...query });
}

/** Every figure of a review, by its path, to check the data exercises each of them. */
function figuresOf(value: unknown, path = ''): [string, Figure][] {
  if (typeof value !== 'object' || value === null) return [];
  if ('count' in value && 'uncertain' in value) return [[path, value as Figure]];
  return Object.entries(value).flatMap(([key, inner]) => figuresOf(inner, `${path}.${key}`));
}

describe('a generated vault of a few hundred people', () => {
  for (const seed of [1, 2, 3]) {
    const { records, ledger } = generateVault(seed);

    it(`gives every figure exactly as its ledger says (seed ${seed})`, () => {
      for (const query of queries) {
        expect(review(records, query), JSON.stringify(query)).toEqual(
          expectedReview(ledger, query),
        );
      }
    });
  }

  const { records, ledger } = generateVault(1);
  const reviews = queries.map((query) => review(records, query));

  it('holds statuses recorded late, ends learned late and retractions, so the two readings differ', () => {
    const statuses = ledger.persons.flatMap((p) => p.statuses);
    expect(statuses.some((s) => s.from.hi !== null && s.recorded - s.from.hi > 60)).toBe(true);
    expect(statuses.some((s) => s.endRecorded !== undefined)).toBe(true);
    expect(statuses.some((s) => s.retracted !== undefined)).toBe(true);
    const differs = reviews.filter(
      (r) =>
        JSON.stringify(r.politicalPrisoners.today.total.ids) !==
        JSON.stringify(r.politicalPrisoners.onAsOf.total.ids),
    );
    expect(differs.length).toBeGreaterThanOrEqual(queries.length - 1);
  });

  it('exercises every figure: counted, uncertain and approximate somewhere', () => {
    const all = reviews.flatMap((r) => figuresOf(r));
    const paths = new Set(all.map(([path]) => path.replace(/\.(by\w+)\..*$/, '.$1')));
    for (const path of paths) {
      const figures = all.filter(([p]) => p.startsWith(path)).map(([, f]) => f);
      expect(
        figures.some((f) => f.count > 0),
        `${path} counts someone`,
      ).toBe(true);
    }
    for (const path of [
      '.politicalPrisoners.today.total',
      '.period.convicted',
      '.heldIncommunicado',
    ]) {
      const figures = all.filter(([p]) => p === path).map(([, f]) => f);
      expect(
        figures.some((f) => f.uncertain.count > 0),
        `${path} has uncertain`,
      ).toBe(true);
      expect(
        figures.some((f) => f.approximateIds.length > 0),
        `${path} has approximate`,
      ).toBe(true);
    }
  });

  it('is plain JSON, the same after a round trip', () => {
    for (const r of reviews) expect(JSON.parse(JSON.stringify(r)) as Review).toEqual(r);
  });
});

describe('any generated vault, any as-of day and period', () => {
  const dayArb = fc.integer({ min: firstStart, max: firstStart + 1_800 }).map(isoOf);
  it('gives every figure exactly as its ledger says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        dayArb,
        fc.tuple(dayArb, dayArb).filter(([a, b]) => a !== b),
        fc.integer({ min: 0, max: 700 }),
        (seed, asOf, [a, b], incommunicadoDays) => {
          const { records, ledger } = generateVault(seed, 120);
          const query = { asOf, from: a < b ? a : b, to: a < b ? b : a, incommunicadoDays };
          expect(review(records, query)).toEqual(expectedReview(ledger, query));
        },
      ),
      { numRuns: 15 },
    );
  });
});
