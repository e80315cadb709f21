import { describe, expect, it } from 'vitest';
import { SearchIndex, documentFromRecord } from '../../../../shared/search';

describe('a search document from a record', () => {
  const person = documentFromRecord({
    id: 'kalesnikava',
    type: 'person',
    body: {
      names: [
        { value: 'Марыя Калеснікава', lang: 'be', kind: 'primary' },
        { value: 'Maria Kolesnikova', lang: 'en', kind: 'press' },
      ],
      sex: 'female',
      birthDate: { date: '1982-04-24' },
      region: 'minsk',
      statuses: [
        { kind: 'political_prisoner', validFrom: { date: '2020-09' } },
        { kind: 'incommunicado', validFrom: { date: '2023-02' }, note: 'Няма звестак з лютага' },
      ],
      notes: 'Затрыманая на мяжы з Украінай',
      caseIds: ['case-7'],
    },
  });

  it('takes the names from names[].value', () => {
    expect(person.names).toEqual(['Марыя Калеснікава', 'Maria Kolesnikova']);
  });

  it('takes every other string as text, but not links to records, language tags or bare dates', () => {
    expect(person.text).toContain('Затрыманая на мяжы з Украінай');
    expect(person.text).toContain('Няма звестак з лютага');
    expect(person.text).not.toContain('case-7');
    expect(person.text).not.toContain('be');
    expect(person.text).not.toContain('1982-04-24');
    expect(person.text).not.toContain('Марыя Калеснікава');
  });

  it('takes facets from region, sex, statuses[].kind, dates and the date of birth', () => {
    expect(person.facets).toEqual({
      region: 'minsk',
      sex: 'female',
      status: ['political_prisoner', 'incommunicado'],
      dates: [
        { earliest: '1982-04-24', latest: '1982-04-24' },
        { earliest: '2020-09-01', latest: '2020-09-30' },
        { earliest: '2023-02-01', latest: '2023-02-28' },
      ],
      birthYear: 1982,
    });
  });

  it('reads charges or articles as strings or { article }, and open date ranges', () => {
    const doc = documentFromRecord({
      id: 'proceeding-1',
      type: 'proceeding',
      body: {
        charges: ['342', { article: '361-1', part: '3' }],
        detention: { from: { date: '2020-09-07' } },
        hearing: { from: '2021-08-04', to: '2021-09-06' },
      },
    });
    expect(doc.facets.articles).toEqual(['342', '361-1']);
    expect(doc.facets.dates).toEqual([
      { earliest: '2020-09-07', latest: '9999-12-31' },
      { earliest: '2021-08-04', latest: '2021-09-06' },
    ]);
  });

  it('makes a document the index finds by any spelling and filters by its facets', () => {
    const index = new SearchIndex();
    index.add(person);
    expect(index.search('Kaleśnikava', { status: 'political_prisoner', from: '2020-10' })).toEqual([
      { id: 'kalesnikava', type: 'person', score: 0.7, matched: 'transliterated' },
    ]);
  });

  it('makes an empty document of a tombstone', () => {
    expect(documentFromRecord({ id: 'x', type: 'person', body: null })).toEqual({
      id: 'x',
      type: 'person',
      names: [],
      text: [],
      facets: {},
    });
  });
});
