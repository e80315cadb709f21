import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  firstDayOf,
  isCalendarDate,
  isIsoDay,
  lastDayOf,
  precisionOf,
} from '../../../../shared/dates';
import { dayArb } from './arbitraries';

describe('calendar dates', () => {
  it('accepts a year, a month or a day', () => {
    for (const date of ['2020', '2020-08', '2020-08-09']) expect(isCalendarDate(date)).toBe(true);
    expect(precisionOf('2020')).toBe('year');
    expect(precisionOf('2020-08')).toBe('month');
    expect(precisionOf('2020-08-09')).toBe('day');
  });

  it('refuses days that the calendar does not have', () => {
    for (const date of [
      '2021-02-29',
      '2021-02-30',
      '2021-04-31',
      '1900-02-29',
      '2020-00',
      '2020-13',
    ]) {
      expect(isCalendarDate(date), date).toBe(false);
    }
    for (const date of ['2020-02-29', '2000-02-29', '2021-12-31']) {
      expect(isCalendarDate(date), date).toBe(true);
    }
  });

  it('refuses other spellings: slashes, short years, times, spaces', () => {
    for (const date of [
      '09.08.2020',
      '2020/08/09',
      '20-08-09',
      '2020-8-9',
      '2020-08-09T10:00',
      ' 2020',
      '',
    ]) {
      expect(isCalendarDate(date), date).toBe(false);
    }
  });

  it('agrees with the JavaScript calendar on every day it accepts', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const parsed = new Date(`${day}T00:00:00Z`);
        expect(parsed.toISOString().slice(0, 10)).toBe(day);
        expect(isIsoDay(day)).toBe(true);
      }),
    );
  });

  it('spans a month or a year from its first to its last day', () => {
    expect([firstDayOf('2020'), lastDayOf('2020')]).toEqual(['2020-01-01', '2020-12-31']);
    expect([firstDayOf('2020-02'), lastDayOf('2020-02')]).toEqual(['2020-02-01', '2020-02-29']);
    expect([firstDayOf('2021-02'), lastDayOf('2021-02')]).toEqual(['2021-02-01', '2021-02-28']);
    expect([firstDayOf('2020-08-09'), lastDayOf('2020-08-09')]).toEqual([
      '2020-08-09',
      '2020-08-09',
    ]);
  });
});
