import fc from 'fast-check';
import {
  fuzzyRangeSchema,
  type FuzzyDate,
  type FuzzyPoint,
  type FuzzyRange,
} from '../../../../shared/dates';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Mostly the years monitors deal with, sometimes any four-digit year (leap-year edges). */
export const yearArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1990, max: 2030 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 9999 }) },
);

export const dayArb = fc
  .tuple(yearArb, fc.integer({ min: 1, max: 12 }))
  .chain(([year, month]) =>
    fc
      .integer({ min: 1, max: daysIn(year, month) })
      .map((day) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`),
  );

export const calendarDateArb = fc.oneof(
  yearArb.map((year) => pad(year, 4)),
  fc.tuple(yearArb, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${pad(y, 4)}-${pad(m, 2)}`),
  dayArb,
);

export const pointArb: fc.Arbitrary<FuzzyPoint> = fc
  .tuple(calendarDateArb, fc.boolean())
  .map(([date, approximate]) => (approximate ? { date, approximate: true } : { date }));

export const rangeArb: fc.Arbitrary<FuzzyRange> = fc
  .tuple(fc.option(pointArb, { nil: undefined }), fc.option(pointArb, { nil: undefined }))
  .map(([from, to]) => {
    const range: FuzzyRange = {};
    if (from) range.from = from;
    if (to) range.to = to;
    return range;
  })
  .filter((range) => fuzzyRangeSchema.safeParse(range).success);

export const fuzzyDateArb: fc.Arbitrary<FuzzyDate> = fc.oneof(pointArb, rangeArb);
