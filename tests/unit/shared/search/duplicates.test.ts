import { describe, expect, it } from 'vitest';
import {
  SearchIndex,
  duplicateCandidates,
  duplicateThreshold,
  type SearchDocument,
} from '../../../../shared/search';
import { distractors, person } from './people';

function vault(...docs: SearchDocument[]): SearchIndex {
  const index = new SearchIndex();
  for (const doc of [...distractors(), ...docs]) index.add(doc);
  return index;
}

const kalesnikava = person('kalesnikava', ['Марыя Калеснікава'], {
  sex: 'female',
  birthYear: 1982,
});

describe('duplicate candidates for a person being entered or imported', () => {
  it.each([
    ['another script', 'Maria Kolesnikova'],
    ['Łacinka', 'Maryja Kaleśnikava'],
    ['the passport spelling', 'Maryia Kalesnikava'],
    ['the name order of a list', 'Калесникова Мария'],
    ['a typo', 'Maryja Kalesnikva'],
    ['the Russian given name', 'Мария Колесникова'],
  ])('finds the person written in %s', (_, name) => {
    const found = duplicateCandidates(vault(kalesnikava), person('new', [name]));
    expect(found[0]?.id).toBe('kalesnikava');
    expect(found[0]!.score).toBeGreaterThanOrEqual(duplicateThreshold);
    expect(found[0]!.score).toBeLessThanOrEqual(1);
  });

  it('scores the same name in another script as certain, and a typo as less so', () => {
    const index = vault(kalesnikava);
    const score = (name: string) =>
      duplicateCandidates(index, person('new', [name])).find((c) => c.id === 'kalesnikava')?.score;
    expect(score('Maria Kolesnikova')).toBe(1);
    expect(score('Maryja Kalesnikva')).toBeLessThan(1);
  });

  it('weighs the year of birth: the same raises the score, another lowers it below the threshold', () => {
    const index = vault(
      person('p', ['Марыя Калеснікава', 'Maryja Kalesnikva'], { birthYear: 1982 }),
    );
    const score = (birthYear: number) =>
      duplicateCandidates(index, person('new', ['Maryja Kalesnikva'], { birthYear }), {
        threshold: 0,
      })[0]!.score;
    const unknown = duplicateCandidates(index, person('new', ['Maryja Kalesnikva']))[0]!.score;
    expect(score(1982)).toBeGreaterThanOrEqual(unknown);
    expect(score(1990)).toBeLessThan(duplicateThreshold);
  });

  it('does not take a relative or a namesake-like person for the same one', () => {
    const index = vault(
      kalesnikava,
      person('sister', ['Тацяна Калеснікава'], { sex: 'female' }),
      person('father', ['Аляксандр Калеснікаў'], { sex: 'male' }),
    );
    const found = duplicateCandidates(index, person('new', ['Maria Kolesnikova']));
    expect(found.map((c) => c.id)).toEqual(['kalesnikava']);
    // Kalesnik (a distractor) is not her either.
    expect(
      duplicateCandidates(index, person('new', ['Hanna Kalesnik'])).map((c) => c.id),
    ).not.toContain('kalesnikava');
  });

  it('does not offer the record itself, nor records of another type', () => {
    const index = vault(kalesnikava, {
      id: 'case',
      type: 'case',
      names: ['Марыя Калеснікава'],
      text: [],
      facets: {},
    });
    expect(duplicateCandidates(index, kalesnikava)).toEqual([]);
  });
});
