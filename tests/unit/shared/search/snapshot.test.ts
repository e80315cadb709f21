import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SearchIndex,
  SnapshotUnusable,
  deserialise,
  serialise,
  type SearchDocument,
  type SearchOptions,
} from '../../../../shared/search';
import { person } from './people';

const fullNames = [
  'Марыя Калеснікава',
  'Maria Kolesnikova',
  'Алесь Бяляцкі',
  'Ales Bialiatski',
  'Сяргей Ціханоўскі',
  'Siarhiej Cichanoŭski',
  'Мікалай Статкевіч',
  'Nikolai Statkevich',
  'Kalesnik Ivan',
  'Ігар Лосік',
  'Ihar Łosik',
  'Віктар Бабарыка',
];
const textWords = ['суд', 'Мінск', 'арышт', 'адвокат', 'Homiel', 'калонія', '342', 'اعتقال'];
const queries = [
  ...fullNames,
  ...fullNames.flatMap((n) => n.split(' ')),
  ...textWords,
  'Kalesnikva',
  'Bialiaski',
  'Minsk sud',
];
const optionSets: SearchOptions[] = [
  {},
  { types: ['case'] },
  { region: 'Minsk' },
  { sex: 'female' },
  { article: '342' },
  { status: 'released' },
  { from: '2020-08', to: '2021' },
  { limit: 2 },
];

const dateRange = fc
  .tuple(fc.integer({ min: 2015, max: 2024 }), fc.integer({ min: 0, max: 400 }))
  .map(([year, days]) => ({
    earliest: `${year}-01-01`,
    latest: `${year + Math.floor(days / 365)}-${String(1 + (days % 12)).padStart(2, '0')}-28`,
  }));

const doc: fc.Arbitrary<SearchDocument> = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  type: fc.constantFrom('person', 'case'),
  names: fc.array(fc.constantFrom(...fullNames), { maxLength: 3 }),
  text: fc.array(
    fc.array(fc.constantFrom(...textWords), { maxLength: 6 }).map((w) => w.join(' ')),
    { maxLength: 3 },
  ),
  facets: fc.record(
    {
      region: fc.constantFrom('Minsk', 'Homiel', 'Брэст'),
      sex: fc.constantFrom('female', 'male'),
      articles: fc.array(fc.constantFrom('342', '361-1', '130'), { maxLength: 2 }),
      status: fc.array(fc.constantFrom('political_prisoner', 'released'), { maxLength: 2 }),
      dates: fc.array(dateRange, { maxLength: 2 }),
      birthYear: fc.integer({ min: 1940, max: 2005 }),
    },
    { requiredKeys: [] },
  ),
});

type Change = { replace: SearchDocument } | { remove: string };
const change: fc.Arbitrary<Change> = fc.oneof(
  doc.map((d) => ({ replace: d })),
  fc.constantFrom('a', 'b', 'c', 'd').map((id) => ({ remove: id })),
);

function apply(index: SearchIndex, changes: readonly Change[]): void {
  for (const c of changes) {
    if ('replace' in c) index.replace(c.replace);
    else index.remove(c.remove);
  }
}

function answers(index: SearchIndex) {
  return queries.flatMap((q) => optionSets.map((o) => index.search(q, o)));
}

describe('the index snapshot', () => {
  it('answers every query exactly as the index it was taken of, before and after more changes', () => {
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 25 }),
        fc.array(change, { maxLength: 6 }),
        (history, later) => {
          const index = new SearchIndex();
          apply(index, history);
          const bytes = serialise(index);
          const loaded = deserialise(bytes);
          expect(loaded.size).toBe(index.size);
          expect(answers(loaded)).toEqual(answers(index));
          // The same index gives the same bytes, however it was reached.
          expect(serialise(loaded)).toEqual(bytes);
          // Catching up after a load: the same changes give the same answers.
          apply(index, later);
          apply(loaded, later);
          expect(answers(loaded)).toEqual(answers(index));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('starts with "cbsi", the format and the name-key version', () => {
    const bytes = serialise(new SearchIndex());
    expect([...bytes.slice(0, 6)]).toEqual([0x63, 0x62, 0x73, 0x69, 1, 1]);
  });

  it('keeps its layout: a fixed index serialises to fixed bytes (docs/search.md)', () => {
    const index = new SearchIndex();
    index.add(person('p1', ['Марыя Калеснікава'], { sex: 'female', birthYear: 1982 }));
    index.add({
      id: 'c1',
      type: 'case',
      names: [],
      text: ['Суд у Мінску'],
      facets: {
        region: 'Minsk',
        articles: ['342'],
        dates: [{ earliest: '2021-09-06', latest: '2021-09-06' }],
      },
    });
    expect(Buffer.from(serialise(index)).toString('hex')).toBe(snapshotVector);
  });

  it('refuses another format or name-key version, and bytes that are not a snapshot', () => {
    const bytes = serialise(new SearchIndex());
    const problem = (b: Uint8Array) => {
      try {
        deserialise(b);
      } catch (e) {
        return e instanceof SnapshotUnusable ? e.problem : 'another error';
      }
      return 'loaded';
    };
    expect(problem(Uint8Array.from([...bytes.slice(0, 4), 2, ...bytes.slice(5)]))).toBe(
      'other_version',
    );
    expect(problem(Uint8Array.from([...bytes.slice(0, 5), 9, ...bytes.slice(6)]))).toBe(
      'other_version',
    );
    expect(problem(new TextEncoder().encode('{"docs":[]}'))).toBe('not_a_snapshot');
    expect(problem(new Uint8Array(0))).toBe('not_a_snapshot');
  });

  it('refuses a cut or damaged snapshot with SnapshotUnusable, or loads something searchable', () => {
    const index = new SearchIndex();
    apply(index, [
      { replace: person('a', ['Марыя Калеснікава', 'Maria Kolesnikova'], { region: 'Minsk' }) },
      {
        replace: {
          id: 'b',
          type: 'case',
          names: [],
          text: ['суд Мінск 342'],
          facets: { articles: ['342'] },
        },
      },
    ]);
    const bytes = serialise(index);
    for (let length = 0; length < bytes.length; length++)
      expect(() => deserialise(bytes.slice(0, length))).toThrow(SnapshotUnusable);
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (at, flip) => {
          const damaged = bytes.slice();
          damaged[at]! ^= flip;
          let loaded: SearchIndex;
          try {
            loaded = deserialise(damaged);
          } catch (e) {
            expect(e).toBeInstanceOf(SnapshotUnusable);
            return;
          }
          for (const q of queries) for (const o of optionSets) loaded.search(q, o);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Decoded byte by byte in docs/search.md ("A worked example"). */
const snapshotVector =
  '636273690101' +
  '050606040503706572736f6e66656d616c65636173656d696e736b333432' +
  '02020270316331' +
  '000002be0f00000001020100' +
  '0204000001040002dac9d109dac9d10900' +
  '020b05d0bad0b0d0bbd0b5d181d0bdd196d0bad0b0d0b2d0b0d0bcd0b0d180d18bd18f01010000' +
  '020b046b616c61736e696b6176616d61726101010000' +
  '0206036d696e736b7573756401010101';
