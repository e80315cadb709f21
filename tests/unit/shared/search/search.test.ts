import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDocument } from '../../../../shared/search';
import { distractors, person, spellingLists, typos } from './people';

const given: Record<keyof typeof spellingLists, string> = {
  kalesnikava: 'Марыя',
  bialiacki: 'Алесь',
  cichanouski: 'Сяргей',
  lukashenka: 'Аляксандр',
  statkevich: 'Мікола',
};

function indexWith(...docs: SearchDocument[]): SearchIndex {
  const index = new SearchIndex();
  for (const doc of [...distractors(), ...docs]) index.add(doc);
  return index;
}

const people = Object.keys(spellingLists) as (keyof typeof spellingLists)[];

describe('searching for a person by name', () => {
  it.each(people)(
    'finds %s first among 1000 others, stored and searched in any spelling',
    (who) => {
      for (const stored of spellingLists[who]) {
        const index = indexWith(person('target', [`${given[who]} ${stored}`]));
        for (const query of spellingLists[who]) {
          const hits = index.search(query);
          expect(hits[0]?.id, `${query} for ${stored}`).toBe('target');
          expect(
            hits.filter((h) => h.score === hits[0]!.score),
            query,
          ).toHaveLength(1);
        }
      }
    },
  );

  it.each(people)('finds %s first with a typo in the query', (who) => {
    const index = indexWith(person('target', [`${given[who]} ${spellingLists[who][0]}`]));
    for (const typo of typos[who]) {
      const hits = index.search(typo);
      expect(hits[0]?.id, typo).toBe('target');
    }
  });

  it('ranks an exact spelling over another script over a typo over a mention in text', () => {
    const index = new SearchIndex();
    [
      person('exact', ['Maryja Kaleśnikava']),
      person('script', ['Марыя Калеснікава']),
      person('typo', ['Maryja Kalesnikva']),
      { id: 'case', type: 'case', names: [], text: ['Суд над Kalesnikava пачаўся'], facets: {} },
    ].forEach((doc) => index.add(doc));
    const hits = index.search('Kalesnikava');
    expect(hits.map((h) => [h.id, h.matched])).toEqual([
      ['exact', 'exact'],
      ['script', 'transliterated'],
      ['typo', 'fuzzy'],
      ['case', 'text'],
    ]);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('does not let a similar name outrank the person (Kalesnik, Kalesnikau for Kaleśnikava)', () => {
    const index = indexWith(person('target', ['Марыя Калеснікава']));
    for (const query of spellingLists.kalesnikava) {
      const hits = index.search(query);
      const rank = (id: string) => hits.findIndex((h) => h.id === id);
      expect(rank('target')).toBe(0);
      expect(hits.every((h) => h.id === 'target' || h.score < hits[0]!.score)).toBe(true);
    }
    // Kalesnik is not one typo from Kaleśnikava at all.
    expect(index.search('Kaleśnikava').map((h) => h.id)).not.toContain('d0');
  });

  it('needs every word of the query, and finds names written in any order', () => {
    const index = new SearchIndex();
    index.add(person('target', ['Kalesnikava Maryja']));
    index.add(person('other', ['Alena Kalesnikava']));
    expect(index.search('Марыя Калеснікава').map((h) => h.id)).toEqual(['target']);
    // Equal scores come in the order the documents were indexed.
    expect(index.search('Kolesnikova').map((h) => h.id)).toEqual(['target', 'other']);
  });

  it('finds words in text across scripts and inflections, below names', () => {
    const index = new SearchIndex();
    index.add(person('p', ['Марыя Калеснікава']));
    index.add({
      id: 'c',
      type: 'case',
      names: [],
      text: ['Затрыманне Калеснікавай у Мінску'],
      facets: {},
    });
    expect(index.search('Minsk').map((h) => [h.id, h.matched])).toEqual([['c', 'text']]);
    expect(index.search('Kalesnikava').map((h) => h.id)).toEqual(['p', 'c']);
  });

  it('answers an empty query, or one of initials only, with nothing', () => {
    const index = indexWith(person('target', ['Марыя Калеснікава']));
    expect(index.search('')).toEqual([]);
    expect(index.search('M. K.')).toEqual([]);
  });

  it('returns at most `limit` hits', () => {
    const index = indexWith();
    expect(index.search('Kalesnik', { limit: 3 })).toHaveLength(3);
  });
});

describe('filters', () => {
  const docs: SearchDocument[] = [
    {
      id: 'p1',
      type: 'person',
      names: ['Марыя Калеснікава'],
      text: [],
      facets: { region: 'Minsk', sex: 'female', status: ['political_prisoner'] },
    },
    {
      id: 'p2',
      type: 'person',
      names: ['Аляксандр Калеснікаў'],
      text: [],
      facets: { region: 'Homiel', sex: 'male', status: ['released'] },
    },
    {
      id: 'c1',
      type: 'case',
      names: [],
      text: ['Суд над Калеснікавай'],
      facets: {
        region: 'Minsk',
        articles: ['342', '361-1'],
        dates: [{ earliest: '2021-09-01', latest: '2021-09-30' }],
      },
    },
    {
      id: 'c2',
      type: 'case',
      names: [],
      text: ['Вобшук у Калеснікава'],
      facets: {
        region: 'Homiel',
        articles: ['130'],
        dates: [{ earliest: '2020-08-09', latest: '2020-08-09' }],
      },
    },
  ];
  const index = new SearchIndex();
  for (const doc of docs) index.add(doc);
  const ids = (options: Parameters<SearchIndex['search']>[1]) =>
    index
      .search('Kalesnikava Kalesnikau', { ...options })
      .map((h) => h.id)
      .concat(index.search('Калеснікава', options).map((h) => h.id))
      .filter((id, i, all) => all.indexOf(id) === i)
      .sort();

  it('by record type', () => {
    expect(ids({ types: ['case'] })).toEqual(['c1', 'c2']);
    expect(ids({ types: ['person', 'case'] })).toEqual(['c1', 'c2', 'p1', 'p2']);
    expect(ids({ types: ['testimony'] })).toEqual([]);
  });

  it('by region, sex, status and article, ignoring case', () => {
    expect(ids({ region: 'minsk' })).toEqual(['c1', 'p1']);
    expect(ids({ sex: 'female' })).toEqual(['p1']);
    expect(ids({ status: 'released' })).toEqual(['p2']);
    expect(ids({ article: '361-1' })).toEqual(['c1']);
    expect(ids({ region: 'Minsk', article: '130' })).toEqual([]);
    expect(ids({ region: 'Brest' })).toEqual([]);
  });

  it('by a date range that overlaps what the record may mean', () => {
    expect(ids({ from: '2021-09-15' })).toEqual(['c1']);
    expect(ids({ to: '2020-12' })).toEqual(['c2']);
    expect(ids({ from: '2020', to: '2021' })).toEqual(['c1', 'c2']);
    expect(ids({ from: '2022-01-01' })).toEqual([]);
  });
});

describe('changing the index', () => {
  it('forgets a removed document and finds a replaced one by its new name only', () => {
    const index = indexWith(person('target', ['Марыя Калеснікава']));
    expect(index.remove('target')).toBe(true);
    expect(index.remove('target')).toBe(false);
    expect(index.search('Kalesnikava').map((h) => h.id)).not.toContain('target');

    index.add(person('target', ['Алесь Бяляцкі']));
    index.replace(person('target', ['Сяргей Ціханоўскі']));
    expect(index.search('Bialiacki')).toEqual([]);
    expect(index.search('Tsikhanouski').map((h) => h.id)).toEqual(['target']);
    expect(index.size).toBe(1001);
  });

  it('refuses to add an id twice, so that a missed replace is a loud bug', () => {
    const index = indexWith(person('target', ['Марыя Калеснікава']));
    expect(() => index.add(person('target', ['Марыя Калеснікава']))).toThrow(/replace/);
  });

  it('answers the same after compaction', () => {
    const index = indexWith(person('target', ['Марыя Калеснікава']));
    for (let i = 0; i < 1000; i += 3) index.remove(`d${i}`);
    const queries = [...spellingLists.kalesnikava, 'Kalesnik', 'Bialik', 'Павел', 'Łosik'];
    const before = queries.map((q) => index.search(q));
    index.compact();
    expect(queries.map((q) => index.search(q))).toEqual(before);
  });
});
