import { describe, expect, it } from 'vitest';
import {
  closedVocabularyNames,
  closedVocabularyValues,
  openVocabularyNames,
  parseRecord,
  vocabularyNames,
  type Vocabulary,
} from '../../../../shared/model';
import { isRecordId, isRecordType } from '../../../../shared/records';
import {
  defaultVocabularies,
  defaultVocabularyRecords,
  termLabel,
  unknownTerms,
} from '../../../../shared/vocabularies';

const ids = (vocabulary: Vocabulary) => vocabulary.terms.map((term) => term.id);

describe('default vocabularies', () => {
  it('come as valid vocabulary records with ids vocab-<name>, one per vocabulary', () => {
    const records = defaultVocabularyRecords();
    expect(records.map((r) => r.id).sort()).toEqual(
      vocabularyNames.map((name) => `vocab-${name}`).sort(),
    );
    for (const record of records) {
      expect(isRecordId(record.id) && isRecordType(record.type)).toBe(true);
      expect(parseRecord(record.type, record.body)).toEqual({ ok: true, value: record.body });
      expect(JSON.parse(JSON.stringify(record.body))).toEqual(record.body);
    }
  });

  it('label every term in English, Belarusian, Russian and Ukrainian', () => {
    for (const vocabulary of Object.values(defaultVocabularies())) {
      for (const term of vocabulary.terms) {
        expect(Object.keys(term.labels).sort(), `${vocabulary.name}/${term.id}`).toEqual([
          'be',
          'en',
          'ru',
          'uk',
        ]);
      }
    }
  });

  it('label exactly the values the model fixes, for closed vocabularies', () => {
    const defaults = defaultVocabularies();
    for (const name of closedVocabularyNames) {
      expect(ids(defaults[name])).toEqual([...closedVocabularyValues[name]]);
    }
  });

  it('cover Minsk and the six regions, and the articles and facilities monitors cite', () => {
    const defaults = defaultVocabularies();
    expect(ids(defaults.regions).sort()).toEqual(
      ['by-br', 'by-hm', 'by-ho', 'by-hr', 'by-ma', 'by-mi', 'by-vi'].sort(),
    );
    for (const article of ['cc-130', 'cc-293', 'cc-342', 'cc-361-1', 'cc-361-4', 'cc-367']) {
      expect(ids(defaults.articles)).toContain(article);
    }
    for (const article of ['cc-368', 'cc-369', 'cc-423-1', 'coao-19.11', 'coao-24.23']) {
      expect(ids(defaults.articles)).toContain(article);
    }
    for (const facility of ['sizo-1-minsk', 'ik-1-navapolack', 'ik-4-homiel', 'ik-24-zarechcha']) {
      expect(ids(defaults.facilities)).toContain(facility);
    }
    expect(ids(defaults.facilities)).toContain('prison-8-zhodzina');
    expect(ids(defaults.facilities)).toContain('akrestsina-minsk');
  });

  it('group articles under their code', () => {
    const { articles } = defaultVocabularies();
    for (const term of articles.terms) {
      if (term.id === 'cc' || term.id === 'coao') expect(term.parent).toBeUndefined();
      else expect(term.parent).toBe(term.id.split('-')[0]);
    }
  });

  it('are fresh copies, so changing one changes no other', () => {
    const first = defaultVocabularies();
    first.regions.terms.pop();
    expect(defaultVocabularies().regions.terms).toHaveLength(7);
    expect(openVocabularyNames).toContain('regions');
  });
});

describe('vocabulary schema', () => {
  const body = (terms: unknown[]) => ({ name: 'test', terms });
  const t = (id: string, parent?: string) => ({
    id,
    labels: { en: id },
    ...(parent ? { parent } : {}),
  });

  it('refuses repeated ids, unknown parents and cycles', () => {
    const errors = (terms: unknown[]) => {
      const result = parseRecord('vocabulary', body(terms));
      return result.ok ? [] : result.errors.map((e) => `${e.path} ${e.message}`);
    };
    expect(errors([t('a'), t('a')])).toEqual(['terms[1] repeats an id used by an earlier term']);
    expect(errors([t('a', 'b')])).toEqual([
      'terms[0] has a parent that is not a term of this vocabulary',
    ]);
    expect(errors([t('a', 'b'), t('b', 'a')])).toEqual(['terms[0] is its own ancestor']);
    expect(errors([t('a', 'a')])).toEqual(['terms[0] is its own ancestor']);
    expect(errors([t('a'), t('b', 'a'), t('c', 'b')])).toEqual([]);
  });

  it('needs an English label', () => {
    const result = parseRecord('vocabulary', body([{ id: 'a', labels: { be: 'а' } }]));
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['terms[0].labels.en']);
  });
});

describe('terms in records', () => {
  const vocabularies = defaultVocabularies();

  it('are checked against the vault vocabularies, retired ones accepted', () => {
    const regions: Vocabulary = {
      ...vocabularies.regions,
      terms: [
        ...vocabularies.regions.terms,
        { id: 'by-old', labels: { en: 'Old' }, retired: true },
      ],
    };
    const person = {
      names: [{ value: 'x' }],
      region: 'by-mn',
      statuses: [],
    };
    expect(unknownTerms('person', person, { ...vocabularies, regions })).toEqual([
      { path: 'region', message: 'is not a term of the vocabulary regions' },
    ]);
    expect(unknownTerms('person', { ...person, region: 'by-old' }, { regions })).toEqual([]);
    const proceeding = { personId: 'p', kind: 'criminal', charges: ['cc-342', 'cc-999'] };
    expect(unknownTerms('proceeding', proceeding, vocabularies)).toEqual([
      { path: 'charges[1]', message: 'is not a term of the vocabulary articles' },
    ]);
  });

  it('are shown in the reader language, else in English, else by id', () => {
    expect(termLabel(vocabularies.regions, 'by-ho', 'be')).toBe('Гомельская вобласць');
    const partial: Vocabulary = { name: 'x', terms: [{ id: 'a', labels: { en: 'A' } }] };
    expect(termLabel(partial, 'a', 'uk')).toBe('A');
    expect(termLabel(partial, 'gone', 'ru')).toBe('gone');
    expect(termLabel(undefined, 'gone', 'ru')).toBe('gone');
  });
});
