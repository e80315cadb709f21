import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex, nameKey, nameKeys, typoEdits } from '../../../../shared/search';
import { spellingLists, typos } from './people';

describe('the name key', () => {
  it.each(Object.entries(spellingLists))('is one for every spelling of %s', (_, spellings) => {
    const keys = new Set(spellings.map((s) => nameKey(s)));
    expect([...keys]).toHaveLength(1);
  });

  it.each([
    ['Марыя', 'Мария', 'Maryja', 'Maria', 'Mariya'],
    ['Уладзімір', 'Владимир', 'Uładzimir', 'Vladimir'],
    ['Таццяна', 'Татьяна', 'Tatsiana', 'Tatiana', "Tat'yana"],
    ['Шчарбакоў', 'Щербаков', 'Shcherbakov', 'Ščarbakoŭ', 'Szczerbakow'],
    ['Ганна', 'Анна', 'Hanna', 'Anna'],
    ['Мікалай', 'Николай', 'Mikałaj', 'Nikolai'],
  ])('makes Belarusian and Russian forms of a name one: %s', (...spellings) => {
    expect(new Set(spellings.map((s) => nameKey(s))).size).toBe(1);
  });

  it('reads ch as х in a Łacinka name and as ч in an English one', () => {
    expect(nameKey('Cichanoŭski')).toBe(nameKey('Ціханоўскі'));
    expect(nameKey('Statkevich')).toBe(nameKey('Статкевіч'));
    // The given name's j marks the whole name as Łacinka.
    expect(nameKey('Chmialenka', 'Nadzieja Chmialenka')).toBe(nameKey('Хмяленка'));
  });

  it('reads ch both ways when the name does not tell, and finds both', () => {
    expect(nameKeys('Zacharau')).toEqual([nameKey('Зачараў'), nameKey('Захараў')]);
    expect(nameKeys('Zakharau')).toEqual([nameKey('Захараў')]);
    const index = new SearchIndex();
    index.add({ id: 'p', type: 'person', names: ['Міхаіл Захараў'], text: [], facets: {} });
    expect(index.search('Michail Zacharau').map((h) => [h.id, h.matched])).toEqual([
      ['p', 'transliterated'],
    ]);
  });

  it('keeps different names apart', () => {
    expect(nameKey('Kalesnik')).not.toBe(nameKey('Kaleśnikava'));
    expect(nameKey('Kalesnikau')).not.toBe(nameKey('Kaleśnikava'));
    expect(nameKey('Лосік')).not.toBe(nameKey('Ласкоў'));
  });

  it.each(Object.entries(typos))('puts a typo in %s within reach', (person, misspelt) => {
    const key = nameKey(spellingLists[person as keyof typeof spellingLists][0]);
    for (const typo of misspelt) {
      const typoKey = nameKey(typo);
      expect(typoKey === key || typoEdits(typoKey, key) !== null, typo).toBe(true);
    }
  });

  it('does not take a different name for a typo', () => {
    const apart = (a: string, b: string) => typoEdits(nameKey(a), nameKey(b));
    expect(apart('Kalesnik', 'Kaleśnikava')).toBeNull();
    expect(apart('Лось', 'Лосік')).toBeNull();
    expect(apart('Ivan', 'Ivanov')).toBeNull();
    expect(apart('Марыя', 'Юрый')).toBeNull();
  });

  it('weighs a dropped vowel less than a changed consonant', () => {
    const apart = (a: string, b: string) => typoEdits(nameKey(a), nameKey(b))!;
    expect(apart('Kalesnikva', 'Kalesnikava')).toBeLessThan(apart('Kalesnikva', 'Kalesnikau'));
  });

  it('ignores case, composition and apostrophes, and is ASCII', () => {
    const letters = fc.constantFrom(
      ...'абвгдеёжзійклмнопрстуўфхцчшыьэюяłśćźžčšŭabcdehijkz’'.split(''),
    );
    fc.assert(
      fc.property(fc.array(letters, { minLength: 1, maxLength: 14 }), (chars) => {
        const word = chars.join('');
        const key = nameKey(word);
        expect(key).toMatch(/^[\x20-\x7e]*$/);
        expect(nameKey(word.toUpperCase())).toBe(key);
        expect(nameKey(word.normalize('NFD'))).toBe(key);
        expect(nameKey(word.replace(/’/g, "'"))).toBe(key);
      }),
      { numRuns: 500 },
    );
  });
});
