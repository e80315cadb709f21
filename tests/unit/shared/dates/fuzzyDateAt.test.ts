// The plain check of a fuzzy date (fuzzyDateAt, which the lists use) accepts exactly what the
// model's schema accepts, and reads the same days from it: the facets must filter as before,
// only faster.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { earliestDay, fuzzyDateAt, fuzzyDateSchema, latestDay } from '../../../../shared/dates';
import { calendarDateArb, fuzzyDateArb, pointArb } from './arbitraries';

/** Strings that are nearly calendar dates, and some that are not dates at all. */
const nearDateArb = fc.oneof(
  calendarDateArb,
  fc.constantFrom('2021-02-29', '2020-02-30', '2020-13', '2020-00', '2020-1', '20200', ' 2020'),
  fc.constantFrom('2020-08-09T00:00:00Z', '', '2020-08-', '0000', '9999-12-31', '２０２０'),
  fc.string({ maxLength: 12 }),
);

/** Anything a body's date field might hold: dates, broken dates and other JSON. */
const anythingArb = fc.letrec<{ value: unknown; point: unknown }>((tie) => ({
  point: fc.oneof(
    pointArb,
    fc.record(
      {
        date: fc.oneof(nearDateArb, fc.integer(), fc.constant(null)),
        approximate: fc.oneof(fc.constant(true), fc.constant(false), fc.constant('true')),
        extra: fc.string({ maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
  ),
  value: fc.oneof(
    fuzzyDateArb,
    tie('point'),
    // Ranges of any two points, in either order, with an end missing or something else there.
    fc.record(
      {
        from: fc.oneof(tie('point'), fc.constant(null), fc.string({ maxLength: 4 })),
        to: fc.oneof(tie('point'), fc.constant(null)),
        date: nearDateArb,
        note: fc.string({ maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
    fc.constantFrom(null, undefined, 2020, '2020-08', [], [{ date: '2020' }], {}),
  ),
}));

describe('the plain check of a fuzzy date', () => {
  it('accepts exactly what the schema accepts', () => {
    fc.assert(
      fc.property(anythingArb.value, (value) => {
        const parsed = fuzzyDateSchema.safeParse(value);
        const date = fuzzyDateAt(value);
        expect(date !== null, JSON.stringify(value)).toBe(parsed.success);
        if (date && parsed.success) {
          expect(earliestDay(date)).toBe(earliestDay(parsed.data));
          expect(latestDay(date)).toBe(latestDay(parsed.data));
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('accepts every valid date', () => {
    fc.assert(
      fc.property(fuzzyDateArb, (date) => {
        expect(fuzzyDateAt(date)).toEqual(date);
      }),
    );
  });

  it('refuses the cases the model documents as refused', () => {
    for (const refused of [
      { date: '2021-02-30' },
      { date: '2020', approximate: false },
      { date: '2020', from: { date: '2020' } },
      { from: { date: '2020-08-20' }, to: { date: '2020-08' } },
      {},
      { from: null },
    ]) {
      expect(fuzzyDateAt(refused), JSON.stringify(refused)).toBeNull();
      expect(fuzzyDateSchema.safeParse(refused).success).toBe(false);
    }
  });
});
