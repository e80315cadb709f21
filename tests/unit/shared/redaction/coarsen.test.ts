import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  earliestDay,
  isFuzzyRange,
  latestDay,
  precisionOf,
  type FuzzyDate,
} from '../../../../shared/dates';
import {
  coarsenDayOrTimestamp,
  coarsenFuzzyDate,
  defaultExportProfiles,
  redactForProfile,
} from '../../../../shared/redaction';
import { day } from './arbitraries';

const calendarDate = () =>
  fc.tuple(day(), fc.constantFrom(4, 7, 10)).map(([d, length]) => d.slice(0, length));
const point = () =>
  fc.record(
    { date: calendarDate(), approximate: fc.constant(true as const) },
    { requiredKeys: ['date'] },
  );
const fuzzyDate = (): fc.Arbitrary<FuzzyDate> =>
  fc.oneof(
    point(),
    fc
      .tuple(fc.option(point(), { nil: undefined }), fc.option(point(), { nil: undefined }))
      .filter(([from, to]) => from !== undefined || to !== undefined)
      .map(([from, to]) => {
        if (
          from &&
          to &&
          (earliestDay(from)! > earliestDay(to)! || latestDay(from)! > latestDay(to)!)
        )
          return { from: to, to: from };
        return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      }),
  );

function precisions(date: FuzzyDate): string[] {
  if (!isFuzzyRange(date)) return [precisionOf(date.date)];
  return [date.from, date.to].filter((p) => p !== undefined).map((p) => precisionOf(p.date));
}

describe('coarsening', () => {
  it('keeps every day the date may mean, no finer than the granularity (property)', () => {
    fc.assert(
      fc.property(
        fuzzyDate(),
        fc.constantFrom('month' as const, 'year' as const),
        (date, granularity) => {
          const coarse = coarsenFuzzyDate(date, granularity);
          const [e, l, ce, cl] = [
            earliestDay(date),
            latestDay(date),
            earliestDay(coarse),
            latestDay(coarse),
          ];
          if (e === null) expect(ce).toBeNull();
          else expect(ce! <= e).toBe(true);
          if (l === null) expect(cl).toBeNull();
          else expect(cl! >= l).toBe(true);
          for (const p of precisions(coarse))
            expect(granularity === 'year' ? p === 'year' : p !== 'day').toBe(true);
          expect(coarsenFuzzyDate(coarse, granularity)).toEqual(coarse);
          expect(coarsenFuzzyDate(coarsenFuzzyDate(date, 'month'), 'year')).toEqual(
            coarsenFuzzyDate(date, 'year'),
          );
        },
      ),
    );
  });

  it('turns days and record times into their month or year', () => {
    expect(coarsenDayOrTimestamp('2024-03-04T23:10:00+03:00', 'month')).toBe('2024-03');
    expect(coarsenDayOrTimestamp('2024-03-04', 'year')).toBe('2024');
    expect(
      coarsenFuzzyDate({ from: { date: '2020-08-09' }, to: { date: '2020-08-20' } }, 'month'),
    ).toEqual({ date: '2020-08' });
  });

  it('drops a locality and keeps the region under a profile that coarsens places', () => {
    const publicProfile = {
      ...defaultExportProfiles[0]!,
      classes: { ...defaultExportProfiles[0]!.classes, confidential: 'coarsen' as const },
    };
    const set = redactForProfile(
      [
        {
          id: 'c',
          type: 'case',
          body: {
            title: 'T',
            type: 'detention',
            date: { date: '2020-08-09' },
            place: { country: 'BY', region: 'by-hr', locality: 'Navahrudak' },
          },
        },
      ],
      publicProfile,
      { onDay: '2024-01-01' },
    );
    expect(set.byId.get('c')!.body).toEqual({
      type: 'detention',
      date: { date: '2020-08' },
      place: { country: 'BY', region: 'by-hr' },
    });
    expect(set.removed.map((r) => r.path).sort()).toEqual(['place.locality', 'title']);
  });
});
