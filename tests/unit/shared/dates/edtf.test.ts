import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzyDateSchema, parseEdtf, toEdtf, type FuzzyDate } from '../../../../shared/dates';
import { fuzzyDateArb } from './arbitraries';

describe('EDTF', () => {
  it.each<[string, FuzzyDate]>([
    ['2020-08-09', { date: '2020-08-09' }],
    ['2020-08', { date: '2020-08' }],
    ['2020', { date: '2020' }],
    ['2020-08~', { date: '2020-08', approximate: true }],
    ['2020-08-09/2020-09', { from: { date: '2020-08-09' }, to: { date: '2020-09' } }],
    ['../2021', { to: { date: '2021' } }],
    ['2020/..', { from: { date: '2020' } }],
    ['2019~/2021-03', { from: { date: '2019', approximate: true }, to: { date: '2021-03' } }],
  ])('reads and writes %s', (text, value) => {
    expect(parseEdtf(text)).toEqual({ ok: true, value });
    expect(toEdtf(value)).toBe(text);
  });

  it.each([
    ['2021-02-30', 'not a day of the calendar'],
    ['2020-13', 'month outside'],
    ['2020?', 'uncertain'],
    ['2020-XX', 'unknown digits'],
    ['2020-21', 'season'],
    ['2020-08-09T10:00:00', 'time of day'],
    ['2020/', 'empty (unknown) end'],
    ['../..', 'at least one end'],
    ['2021/2020', 'ends before it starts'],
    ['2020/2021/2022', 'more than one'],
    ['9 August 2020', 'must look like'],
    ['-0100', 'outside the years'],
  ])('refuses %s and says why', (text, why) => {
    const result = parseEdtf(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(why);
  });

  it('round-trips every fuzzy date', () => {
    fc.assert(
      fc.property(fuzzyDateArb, (date) => {
        expect(parseEdtf(toEdtf(date))).toEqual({ ok: true, value: date });
      }),
      { numRuns: 500 },
    );
  });

  it('gives equal strings only for equal dates', () => {
    fc.assert(
      fc.property(fuzzyDateArb, fuzzyDateArb, (a, b) => {
        expect(toEdtf(a) === toEdtf(b)).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
  });

  it('never throws, and reads only valid dates, whatever the text', () => {
    const edtfish = fc
      .array(fc.constantFrom(...'0123456789-/.~?%X'.split('')), { maxLength: 24 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), edtfish), (text) => {
        const result = parseEdtf(text);
        if (result.ok) {
          expect(fuzzyDateSchema.safeParse(result.value).success).toBe(true);
          expect(toEdtf(result.value)).toBe(text);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
