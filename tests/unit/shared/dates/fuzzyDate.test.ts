import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzyDateSchema, isoDaySchema } from '../../../../shared/dates';
import { fuzzyDateArb } from './arbitraries';

const accepts = (value: unknown) => fuzzyDateSchema.safeParse(value).success;

describe('fuzzy date schema', () => {
  it('accepts a day, a month, a year, approximate or not', () => {
    expect(accepts({ date: '2020-08-09' })).toBe(true);
    expect(accepts({ date: '2020-08', approximate: true })).toBe(true);
    expect(accepts({ date: '2020' })).toBe(true);
  });

  it('accepts ranges with either end open, but not with both', () => {
    expect(accepts({ from: { date: '2020-08-09' }, to: { date: '2020-09' } })).toBe(true);
    expect(accepts({ to: { date: '2021' } })).toBe(true);
    expect(accepts({ from: { date: '2020' } })).toBe(true);
    expect(accepts({})).toBe(false);
  });

  it('refuses a range whose end could lie outside it', () => {
    expect(accepts({ from: { date: '2020-09' }, to: { date: '2020-08' } })).toBe(false);
    // August 2020 may mean the 1st, before the 20th.
    expect(accepts({ from: { date: '2020-08-20' }, to: { date: '2020-08' } })).toBe(false);
    expect(accepts({ from: { date: '2020-08' }, to: { date: '2020-08-20' } })).toBe(false);
    expect(accepts({ from: { date: '2020-08' }, to: { date: '2020-08' } })).toBe(true);
  });

  it('refuses impossible days, approximate: false, plain strings and extra fields', () => {
    expect(accepts({ date: '2021-02-30' })).toBe(false);
    expect(accepts({ date: '2020', approximate: false })).toBe(false);
    expect(accepts('2020-08-09')).toBe(false);
    expect(accepts({ date: '2020', note: 'about' })).toBe(false);
    expect(accepts({ date: '2020', from: { date: '2019' } })).toBe(false);
  });

  it('keeps every generated value exactly as it is', () => {
    fc.assert(
      fc.property(fuzzyDateArb, (date) => {
        expect(fuzzyDateSchema.parse(date)).toEqual(date);
      }),
    );
  });

  it('takes only whole days where a day is needed', () => {
    expect(isoDaySchema.safeParse('2024-03-04').success).toBe(true);
    expect(isoDaySchema.safeParse('2024-03').success).toBe(false);
    expect(isoDaySchema.safeParse('2024-02-30').success).toBe(false);
  });
});
