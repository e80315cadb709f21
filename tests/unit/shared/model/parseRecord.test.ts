import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatRecordError,
  modelRecordTypes,
  parseRecord,
  recordSchemas,
  type RecordError,
} from '../../../../shared/model';
import { fullRecords, minimalRecords } from './fixtures';

function errorsOf(type: string, body: unknown): string[] {
  const result = parseRecord(type, body);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatRecordError);
}

describe('parseRecord', () => {
  it.each(modelRecordTypes)('accepts a full and a minimal %s, unchanged', (type) => {
    for (const body of [fullRecords[type], minimalRecords[type]]) {
      expect(parseRecord(type, body)).toEqual({ ok: true, value: body });
    }
  });

  it('has a schema for every record type and no other', () => {
    expect(Object.keys(recordSchemas).sort()).toEqual([...modelRecordTypes].sort());
  });

  it('refuses an unknown record type and lists the known ones', () => {
    expect(errorsOf('prisoner', {})).toEqual([
      'The record has a type that Casebook does not know; use one of: person, case, act, detention, proceeding, testimony, source, vocabulary, attachment, custody',
    ]);
  });

  it('says what is wrong with each field, by path, in plain English', () => {
    expect(
      errorsOf('person', {
        names: [{ vlaue: 'x' }, { value: ' ' }],
        sex: 'f',
        birthDate: { date: '2021-02-30' },
        contacts: { phones: [375] },
        nmae: 'x',
      }),
    ).toEqual([
      'names[0].value is missing',
      'names[0].vlaue is not a field Casebook knows here; did you mean "value"?',
      'names[1].value must not be empty',
      'sex must be one of: female, male, other, unknown',
      'birthDate.date is not a day of the calendar (that month has fewer days)',
      'contacts.phones[0] must be text',
      'nmae is not a field Casebook knows here; did you mean "names"?',
    ]);
  });

  it('asks for at least one name', () => {
    expect(errorsOf('person', { names: [] })).toEqual(['names needs at least one name']);
    expect(errorsOf('person', {})).toEqual(['names is missing']);
    expect(errorsOf('person', { names: null })).toEqual([
      'names must be a list, like ["a", "b"], not null (leave the field out instead)',
    ]);
  });

  it('refuses a record that is not an object', () => {
    expect(errorsOf('case', 'Coordination Council arrests')).toEqual([
      'The record must be an object, like {"key": "value"}',
    ]);
    expect(errorsOf('case', null)).toEqual([
      'The record must be an object, like {"key": "value"}, not null',
    ]);
  });

  it('explains a fuzzy date given in the wrong shape', () => {
    expect(errorsOf('case', { title: 't', type: 'search', date: '2020-08-09' })).toEqual([
      'date must be a date such as {"date": "2020-08"} or a range such as {"from": {"date": "2020"}, "to": {"date": "2021-03"}}',
    ]);
    expect(
      errorsOf('case', { title: 't', type: 'search', date: { from: { date: '2020-13' } } }),
    ).toEqual(['date.from.date has a month outside 01 to 12']);
  });

  it('checks references, terms and numbers', () => {
    expect(
      errorsOf('proceeding', {
        personId: 'Ihar Losik',
        kind: 'criminal',
        charges: ['Art. 342'],
        sentence: { prisonMonths: 1.5, jailDays: -1, regime: 'general' },
      }),
    ).toEqual([
      'personId must be a record id: 1 to 64 Latin letters, digits, "-" or "_" (for example person-0042)',
      'charges[0] must be a vocabulary term id: lower-case Latin letters, digits, ".", "-" or "_" (for example cc-342)',
      'sentence.prisonMonths must be a whole number',
      'sentence.jailDays must be 0 or more',
    ]);
  });

  it('applies the rules that tie fields together', () => {
    expect(
      errorsOf('detention', {
        personId: 'p',
        from: { date: '2021' },
        to: { date: '2020' },
      }),
    ).toEqual(['to is before from']);
    expect(
      errorsOf('detention', { personId: 'p', from: { date: '2021' }, releaseReason: 'served' }),
    ).toEqual(['releaseReason needs the day of release in "to"']);
    expect(errorsOf('testimony', { interviewer: 'x', date: { date: '2024' } })).toEqual([
      'The record needs intervieweeId or intervieweeCode',
    ]);
    expect(
      errorsOf('proceeding', { personId: 'p', kind: 'criminal', sentence: { regime: 'strict' } }),
    ).toEqual(['sentence.regime needs prisonMonths']);
  });

  it('never repeats a field value in its messages', () => {
    const planted = 'Каляснікава-Kaleśnikava';
    const corrupt = fc.constantFrom<(body: Record<string, unknown>) => [string, unknown]>(
      (b) => ['person', { ...b, names: [{ value: 5, lang: planted }] }],
      (b) => ['person', { ...b, sex: planted }],
      (b) => ['person', { ...b, birthDate: { date: planted } }],
      (b) => ['person', { ...b, region: planted }],
      (b) => ['person', { ...b, statuses: [{ kind: planted }] }],
      (b) => ['person', { ...b, contacts: { phones: planted } }],
    );
    fc.assert(
      fc.property(corrupt, (make) => {
        const [type, body] = make(fullRecords.person as Record<string, unknown>);
        const result = parseRecord(type, body);
        expect(result.ok).toBe(false);
        const errors: RecordError[] = result.ok ? [] : result.errors;
        for (const error of errors) expect(formatRecordError(error)).not.toContain(planted);
      }),
    );
  });
});
