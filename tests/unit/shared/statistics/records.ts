import type { FuzzyDate } from '../../../../shared/dates';
import {
  parseRecord,
  type Detention,
  type Person,
  type Proceeding,
  type StatusEntry,
} from '../../../../shared/model';
import type { StatisticsRecord } from '../../../../shared/statistics';

/**
 * Small records for hand-written cases, each checked by the model's `parseRecord` so that an
 * example the engine passes is one the app would accept.
 */

function checked<T extends StatisticsRecord['type']>(type: T, id: string, body: unknown) {
  const parsed = parseRecord(type, body);
  if (!parsed.ok) throw new Error(`${id}: ${JSON.stringify(parsed.errors)}`);
  return { id, type, body: parsed.value } as StatisticsRecord;
}

/** `2024-02`, `2024-02-15~`, `2024-02-05/2024-02-20`, `../2024-02`, `2024-02-10/..`. */
export function date(edtf: string): FuzzyDate {
  const point = (text: string) =>
    text.endsWith('~') ? { date: text.slice(0, -1), approximate: true as const } : { date: text };
  if (!edtf.includes('/')) return point(edtf);
  const [from, to] = edtf.split('/') as [string, string];
  return {
    ...(from !== '..' && { from: point(from) }),
    ...(to !== '..' && { to: point(to) }),
  };
}

export function person(id: string, body: Partial<Person> = {}): StatisticsRecord {
  return checked('person', id, { names: [{ value: `Person ${id}` }], ...body });
}

export function status(
  kind: StatusEntry['kind'],
  validFrom: string,
  more: Partial<Omit<StatusEntry, 'validFrom' | 'validTo'>> & { validTo?: string } = {},
): StatusEntry {
  const { validTo, ...rest } = more;
  return {
    kind,
    validFrom: date(validFrom),
    ...(validTo !== undefined && { validTo: date(validTo) }),
    recordedAt: '2020-01-01T00:00:00Z',
    ...rest,
  };
}

export function proceeding(
  id: string,
  personId: string,
  kind: Proceeding['kind'],
  verdict: { outcome: NonNullable<Proceeding['verdict']>['outcome']; date?: string } | undefined,
  more: Partial<Proceeding> = {},
): StatisticsRecord {
  return checked('proceeding', id, {
    personId,
    kind,
    ...(verdict && {
      verdict: {
        outcome: verdict.outcome,
        ...(verdict.date !== undefined && { date: date(verdict.date) }),
      },
    }),
    ...more,
  });
}

export function convicted(id: string, personId: string, on?: string, charges = ['cc-342']) {
  return proceeding(
    id,
    personId,
    'criminal',
    { outcome: 'convicted', ...(on && { date: on }) },
    {
      charges,
    },
  );
}

export function detention(
  id: string,
  personId: string,
  from: string,
  to?: string,
  more: Omit<Partial<Detention>, 'from' | 'to'> = {},
): StatisticsRecord {
  return checked('detention', id, {
    personId,
    from: date(from),
    ...(to !== undefined && { to: date(to) }),
    ...more,
  });
}

export function caseRecord(id: string, type: string, on?: string): StatisticsRecord {
  return checked('case', id, {
    title: `Case ${id}`,
    type,
    ...(on !== undefined && { date: date(on) }),
  });
}
