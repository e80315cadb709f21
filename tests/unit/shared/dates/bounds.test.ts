import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  certainlyAfter,
  certainlyOnOrBefore,
  earliestDay,
  isFuzzyRange,
  latestDay,
  possiblyAfter,
  possiblyOnOrBefore,
  type FuzzyDate,
} from '../../../../shared/dates';
import { dayArb, fuzzyDateArb, pointArb, rangeArb } from './arbitraries';

describe('earliest and latest day of a fuzzy date', () => {
  it('spans what the date may mean', () => {
    expect([earliestDay({ date: '2020-02' }), latestDay({ date: '2020-02' })]).toEqual([
      '2020-02-01',
      '2020-02-29',
    ]);
    const range: FuzzyDate = { from: { date: '2020-08-09' }, to: { date: '2021' } };
    expect([earliestDay(range), latestDay(range)]).toEqual(['2020-08-09', '2021-12-31']);
  });

  it('leaves an open end open', () => {
    expect(earliestDay({ to: { date: '2021' } })).toBeNull();
    expect(latestDay({ from: { date: '2020' } })).toBeNull();
  });

  it('does not widen approximate dates', () => {
    expect(latestDay({ date: '2020-08', approximate: true })).toBe('2020-08-31');
  });

  it('never ends before it starts', () => {
    fc.assert(
      fc.property(fuzzyDateArb, (date) => {
        const [earliest, latest] = [earliestDay(date), latestDay(date)];
        if (earliest !== null && latest !== null) expect(earliest <= latest).toBe(true);
      }),
    );
  });

  it('contains the whole of each end of a range', () => {
    fc.assert(
      fc.property(rangeArb, (range) => {
        for (const end of [range.from, range.to]) {
          if (!end) continue;
          const [earliest, latest] = [earliestDay(range), latestDay(range)];
          if (earliest !== null) expect(earliest <= earliestDay(end)!).toBe(true);
          if (latest !== null) expect(latestDay(end)! <= latest).toBe(true);
        }
      }),
    );
  });

  it('makes a single point a range of one end, with the same span', () => {
    fc.assert(
      fc.property(pointArb, (point) => {
        const range = { from: point, to: point };
        expect(isFuzzyRange(range)).toBe(true);
        expect([earliestDay(range), latestDay(range)]).toEqual([
          earliestDay(point),
          latestDay(point),
        ]);
      }),
    );
  });
});

describe('on or before a day', () => {
  it('is certain only when the whole span is on or before it', () => {
    expect(certainlyOnOrBefore({ date: '2024-03' }, '2024-03-04')).toBe(false);
    expect(possiblyOnOrBefore({ date: '2024-03' }, '2024-03-04')).toBe(true);
    expect(certainlyOnOrBefore({ date: '2024-02' }, '2024-03-04')).toBe(true);
    expect(possiblyOnOrBefore({ date: '2024-03-05' }, '2024-03-04')).toBe(false);
    expect(certainlyOnOrBefore({ from: { date: '2020' } }, '2030-01-01')).toBe(false);
    expect(possiblyOnOrBefore({ to: { date: '2030' } }, '1900-01-01')).toBe(true);
  });

  it('certain implies possible, and after is the negation of on-or-before', () => {
    fc.assert(
      fc.property(fuzzyDateArb, dayArb, (date, day) => {
        if (certainlyOnOrBefore(date, day)) expect(possiblyOnOrBefore(date, day)).toBe(true);
        if (certainlyAfter(date, day)) expect(possiblyAfter(date, day)).toBe(true);
        expect(certainlyAfter(date, day)).toBe(!possiblyOnOrBefore(date, day));
        expect(possiblyAfter(date, day)).toBe(!certainlyOnOrBefore(date, day));
      }),
    );
  });

  it('stays true for every later day once true', () => {
    fc.assert(
      fc.property(fuzzyDateArb, dayArb, dayArb, (date, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        if (certainlyOnOrBefore(date, early)) expect(certainlyOnOrBefore(date, late)).toBe(true);
        if (possiblyOnOrBefore(date, early)) expect(possiblyOnOrBefore(date, late)).toBe(true);
      }),
    );
  });

  it('is exact for an exact day', () => {
    fc.assert(
      fc.property(dayArb, dayArb, (date, day) => {
        expect(certainlyOnOrBefore({ date }, day)).toBe(date <= day);
        expect(possiblyOnOrBefore({ date }, day)).toBe(date <= day);
      }),
    );
  });
});
