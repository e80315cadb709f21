import { describe, expect, it } from 'vitest';

import { parseRecord, recordErrorKind, type RecordErrorKind } from '../../../../shared/model';
import { defaultVocabularies, unknownTerms } from '../../../../shared/vocabularies';

/** The kind of each problem the model finds in a body, by path. */
function kinds(type: string, body: unknown): Record<string, RecordErrorKind> {
  const result = parseRecord(type, body);
  expect(result.ok).toBe(false);
  return Object.fromEntries(
    (result.ok ? [] : result.errors).map((error) => [error.path, recordErrorKind(error)]),
  );
}

// The UI says a model error in the reader's language by its kind, never by its English words:
// each message the model can write must fall in a kind the catalogs translate.
describe('recordErrorKind', () => {
  it('tells missing, empty, unknown, mistyped and out-of-range fields apart', () => {
    expect(
      kinds('person', {
        names: [{ value: ' ' }, { value: 'x', lnag: 'be' }, {}],
        sex: 'f',
        region: 7,
        statuses: null,
      }),
    ).toEqual({
      'names[0].value': 'empty',
      'names[1].lnag': 'unknown_field',
      'names[2].value': 'missing',
      sex: 'not_allowed',
      region: 'wrong_type',
      statuses: 'wrong_type',
    });
    expect(kinds('case', { title: 'x'.repeat(501), type: 'detention' })).toEqual({
      title: 'too_long',
    });
    expect(
      kinds('proceeding', {
        personId: 'p1',
        kind: 'criminal',
        sentence: { prisonMonths: -1, fine: { amount: 5, currency: 'rub' } },
      }),
    ).toEqual({ 'sentence.prisonMonths': 'too_small', 'sentence.fine.currency': 'format' });
  });

  it('knows the refinements: dates out of order, fields that need another, repeated ids', () => {
    expect(
      kinds('detention', {
        personId: 'p1',
        from: { date: '2021-07-20' },
        to: { date: '2021-07-14' },
      }),
    ).toEqual({ to: 'order' });
    expect(
      kinds('detention', { personId: 'p1', from: { date: '2021' }, releaseReason: 'pardon' }),
    ).toEqual({ releaseReason: 'needs_other' });
    expect(
      kinds('vocabulary', {
        name: 'regions',
        terms: [
          { id: 'a', labels: { en: 'A' } },
          { id: 'a', labels: { en: 'B' } },
        ],
      }),
    ).toEqual({ 'terms[1]': 'duplicate' });
    expect(kinds('source', { kind: 'photo', title: 'x', sha256: 'abc' })).toEqual({
      sha256: 'format',
    });
  });

  it("says a term missing from the vault's vocabulary is one", () => {
    const [error] = unknownTerms(
      'person',
      { names: [{ value: 'x' }], region: 'by-xx' },
      {
        ...defaultVocabularies(),
      },
    );
    expect(recordErrorKind(error!)).toBe('unknown_term');
  });
});
