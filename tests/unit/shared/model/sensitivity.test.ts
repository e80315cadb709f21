import { describe, expect, it } from 'vitest';
import {
  describeFields,
  fieldReferences,
  fieldSensitivities,
  fieldVocabularies,
  isModelRecordType,
  isWithinClearance,
  modelRecordTypes,
  sensitivityClasses,
  valuesAt,
  vocabularyNames,
} from '../../../../shared/model';
import { fullRecords } from './fixtures';

/** Every JSON leaf of a body, with `[]` for array positions: `names[].value`. */
function leafPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => leafPaths(item, `${path}[]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) =>
      leafPaths(child, path ? `${path}.${key}` : key),
    );
  }
  return [path];
}

describe('sensitivity classes', () => {
  it.each(modelRecordTypes)('classify every leaf field of %s', (type) => {
    const unclassified = describeFields(type).filter((field) => field.sensitivity === undefined);
    expect(unclassified.map((field) => field.path)).toEqual([]);
    expect(() => fieldSensitivities(type)).not.toThrow();
  });

  it.each(modelRecordTypes)('cover every value a full %s can hold', (type) => {
    const paths = describeFields(type).map((field) => field.path);
    for (const leaf of leafPaths(fullRecords[type])) {
      const covering = paths.find(
        (path) => leaf === path || leaf.startsWith(`${path}.`) || leaf.startsWith(`${path}[`),
      );
      expect(covering, `${type}: ${leaf}`).toBeDefined();
    }
    for (const path of paths) {
      expect(valuesAt(fullRecords[type], path).length, `${type}: ${path}`).toBeGreaterThan(0);
    }
  });

  it('keep contacts, health and testimony secret', () => {
    const person = fieldSensitivities('person');
    for (const path of [
      'contacts.phones[]',
      'contacts.emails[]',
      'contacts.messengers[].handle',
      'contacts.address',
      'contacts.relatives[].name',
      'contacts.relatives[].phones[]',
      'healthNotes[].note',
      'lastContact.note',
    ]) {
      expect(person[path], path).toBe('secret');
    }
    const testimony = fieldSensitivities('testimony');
    expect(testimony['transcript']).toBe('secret');
    expect(testimony['torture.methods']).toBe('secret');
    expect(testimony['intervieweeId']).toBe('secret');
    expect(fieldSensitivities('source')['obtainedBy']).toBe('secret');
  });

  it('treat names and free text as confidential, dates and regions as restricted', () => {
    const person = fieldSensitivities('person');
    expect(person['names[].value']).toBe('confidential');
    expect(person['names[].lang']).toBe('restricted');
    expect(person['region']).toBe('restricted');
    expect(person['statuses[].validFrom']).toBe('restricted');
    expect(person['statuses[].note']).toBe('confidential');
    const kase = fieldSensitivities('case');
    expect(kase['title']).toBe('confidential');
    expect(kase['date']).toBe('restricted');
    expect(kase['place.locality']).toBe('confidential');
  });

  it('leave what an anonymous publication may say public', () => {
    expect(fieldSensitivities('case')['type']).toBe('public');
    expect(fieldSensitivities('act')['type']).toBe('public');
    expect(fieldSensitivities('proceeding')['charges[]']).toBe('public');
    expect(fieldSensitivities('proceeding')['kind']).toBe('public');
  });

  it('are ordered from public to secret', () => {
    expect(sensitivityClasses).toEqual(['public', 'restricted', 'confidential', 'secret']);
    expect(isWithinClearance('restricted', 'confidential')).toBe(true);
    expect(isWithinClearance('secret', 'confidential')).toBe(false);
    expect(isWithinClearance('public', 'public')).toBe(true);
  });
});

describe('vocabulary and reference fields', () => {
  it('name only vocabularies and record types that exist', () => {
    for (const type of modelRecordTypes) {
      for (const name of Object.values(fieldVocabularies(type))) {
        expect(vocabularyNames).toContain(name);
      }
      for (const target of Object.values(fieldReferences(type))) {
        expect(isModelRecordType(target)).toBe(true);
      }
    }
  });

  it('say where each picker draws its terms from', () => {
    expect(fieldVocabularies('person')).toEqual({ region: 'regions' });
    expect(fieldVocabularies('proceeding')).toEqual({
      'charges[]': 'articles',
      'sentence.regime': 'regimes',
    });
    expect(fieldReferences('act')).toEqual({
      caseId: 'case',
      victimId: 'person',
      'perpetratorIds[]': 'person',
    });
  });
});
