import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parseRecord,
  statusEntrySchema,
  statusesValidOn,
  type StatusEntry,
} from '../../../../shared/model';
import { dayArb, fuzzyDateArb } from '../dates/arbitraries';

/** Recognised on 1 May 2021 (learned 20 May); released on 4 March 2024 (learned 6 March). */
const recognised: StatusEntry = {
  kind: 'political_prisoner',
  validFrom: { date: '2021-05-01' },
  validTo: { date: '2024-03-04' },
  recordedAt: '2021-05-20T10:00:00Z',
  endRecordedAt: '2024-03-06T08:00:00Z',
  recognisedBy: 'Viasna',
};

/** Entered on 1 Feb 2024, found wrong on 10 Feb 2024. */
const mistaken: StatusEntry = {
  kind: 'incommunicado',
  validFrom: { date: '2024-01' },
  recordedAt: '2024-02-01T10:00:00Z',
  retractedAt: '2024-02-10T10:00:00Z',
};

describe('statuses valid on a day', () => {
  it('hold from validFrom up to, not including, validTo', () => {
    expect(statusesValidOn([recognised], '2021-04-30')).toEqual([]);
    expect(statusesValidOn([recognised], '2021-05-01')).toEqual([recognised]);
    expect(statusesValidOn([recognised], '2024-03-03')).toEqual([recognised]);
    expect(statusesValidOn([recognised], '2024-03-04')).toEqual([]);
  });

  it('count a release only from the day it became known, when asked as known then', () => {
    expect(statusesValidOn([recognised], '2024-03-04', { knownOn: '2024-03-04' })).toEqual([
      recognised,
    ]);
    expect(statusesValidOn([recognised], '2024-03-04', { knownOn: '2024-03-05' })).toEqual([
      recognised,
    ]);
    expect(statusesValidOn([recognised], '2024-03-04', { knownOn: '2024-03-06' })).toEqual([]);
  });

  it('leave out what was not yet recorded on the day asked about', () => {
    expect(statusesValidOn([recognised], '2021-05-10', { knownOn: '2021-05-10' })).toEqual([]);
    expect(statusesValidOn([recognised], '2021-05-10')).toEqual([recognised]);
  });

  it('leave out retracted entries as known today, but not as known before the retraction', () => {
    expect(statusesValidOn([mistaken], '2024-02-05')).toEqual([]);
    expect(statusesValidOn([mistaken], '2024-02-05', { knownOn: '2024-02-05' })).toEqual([
      mistaken,
    ]);
    expect(statusesValidOn([mistaken], '2024-02-05', { knownOn: '2024-02-10' })).toEqual([]);
  });

  it('separate certain from possible when dates are imprecise', () => {
    const fromMarch: StatusEntry = {
      kind: 'detained',
      validFrom: { date: '2024-03' },
      recordedAt: '2024-04-01T00:00:00Z',
    };
    const untilMarch: StatusEntry = {
      kind: 'political_prisoner',
      validFrom: { date: '2021' },
      validTo: { date: '2024-03' },
      recordedAt: '2021-06-01T00:00:00Z',
    };
    const statuses = [fromMarch, untilMarch];
    expect(statusesValidOn(statuses, '2024-03-04')).toEqual([]);
    expect(statusesValidOn(statuses, '2024-03-04', { certainty: 'possible' })).toEqual(statuses);
    expect(statusesValidOn(statuses, '2024-02-29')).toEqual([untilMarch]);
    expect(statusesValidOn(statuses, '2024-04-01')).toEqual([fromMarch]);
  });

  it('let one status end the day the next begins, with no day in both or neither', () => {
    const held: StatusEntry = {
      kind: 'political_prisoner',
      validFrom: { date: '2021-05-01' },
      validTo: { date: '2024-03-04' },
      recordedAt: '2021-05-20T10:00:00Z',
    };
    const released: StatusEntry = {
      kind: 'released',
      validFrom: { date: '2024-03-04' },
      recordedAt: '2024-03-06T08:00:00Z',
    };
    for (const day of ['2021-05-01', '2024-03-03', '2024-03-04', '2030-01-01']) {
      expect(statusesValidOn([held, released], day), day).toHaveLength(1);
    }
  });
});

const timestampArb = fc
  .tuple(dayArb, fc.integer({ min: 0, max: 23 }))
  .map(([day, hour]) => `${day}T${String(hour).padStart(2, '0')}:00:00Z`);

const entryArb: fc.Arbitrary<StatusEntry> = fc
  .record(
    {
      kind: fc.constantFrom('political_prisoner', 'detained', 'incommunicado', 'released'),
      validFrom: fuzzyDateArb,
      validTo: fuzzyDateArb,
      recordedAt: timestampArb,
      endRecordedAt: timestampArb,
      retractedAt: timestampArb,
    },
    { requiredKeys: ['kind', 'validFrom', 'recordedAt'] },
  )
  .filter((entry) => statusEntrySchema.safeParse(entry).success) as fc.Arbitrary<StatusEntry>;

describe('statusesValidOn, for any history', () => {
  it('finds every certain entry among the possible ones', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 6 }), dayArb, (statuses, day) => {
        for (const knownOn of [undefined, day]) {
          const query = knownOn === undefined ? {} : { knownOn };
          const certain = statusesValidOn(statuses, day, query);
          const possible = statusesValidOn(statuses, day, { ...query, certainty: 'possible' });
          for (const entry of certain) expect(possible).toContain(entry);
        }
      }),
    );
  });

  it('answers as known today once everything recorded is known', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 6 }), dayArb, (statuses, day) => {
        expect(statusesValidOn(statuses, day, { knownOn: '9999-12-31' })).toEqual(
          statusesValidOn(statuses, day),
        );
      }),
    );
  });
});

describe('status entry schema', () => {
  const person = (entry: Record<string, unknown>) =>
    parseRecord('person', { names: [{ value: 'x' }], statuses: [entry] });
  const base = {
    kind: 'detained',
    validFrom: { date: '2021' },
    recordedAt: '2021-06-01T00:00:00Z',
  };

  it('refuses dates, times and fields that contradict each other', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, validTo: { date: '2020' } }, 'statuses[0].validTo'],
      [{ ...base, endRecordedAt: '2022-01-01T00:00:00Z' }, 'statuses[0].endRecordedAt'],
      [
        { ...base, validTo: { date: '2022' }, endRecordedAt: '2021-01-01T00:00:00Z' },
        'statuses[0].endRecordedAt',
      ],
      [{ ...base, retractedAt: '2021-05-31T23:00:00Z' }, 'statuses[0].retractedAt'],
      [{ ...base, recognisedBy: 'Viasna' }, 'statuses[0].recognisedBy'],
      [{ ...base, recordedAt: '2021-06-01' }, 'statuses[0].recordedAt'],
    ];
    for (const [entry, path] of cases) {
      const result = person(entry);
      expect(result.ok, path).toBe(false);
      if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual([path]);
    }
  });

  it('compares times across time zones by the moment, not the text', () => {
    // 02:00 in Minsk (+03:00) is 23:00 UTC the day before: retracted after it was recorded.
    const entry = {
      ...base,
      recordedAt: '2021-06-01T22:30:00Z',
      retractedAt: '2021-06-02T02:00:00+03:00',
    };
    expect(person(entry).ok).toBe(true);
  });
});
