import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayNumber } from '../../../../shared/statistics/dayNumber';
import { dayArb } from '../dates/arbitraries';

/** `Date` as the reference, with setUTCFullYear so that years 0 to 99 stay themselves. */
function reference(day: string): number {
  const date = new Date(0);
  date.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8)));
  return Math.round(date.getTime() / 86_400_000);
}

describe('day numbers', () => {
  it('count days from 1970-01-01 for any day of years 0000 to 9999', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        expect(dayNumber(day)).toBe(reference(day));
      }),
    );
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('0000-03-01') - dayNumber('0000-02-28')).toBe(2); // 0000 is a leap year
  });

  it('put 4 March 2024 365 days after 5 March 2023, across a leap day', () => {
    expect(dayNumber('2024-03-04') - dayNumber('2023-03-05')).toBe(365);
  });
});
