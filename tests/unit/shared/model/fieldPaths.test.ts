import { describe, expect, it } from 'vitest';
import { valuesAt } from '../../../../shared/model';

describe('valuesAt', () => {
  const person = {
    names: [{ value: 'Ihar Losik' }, { value: 'Ігар Лосік', lang: 'be' }],
    contacts: { phones: ['1', '2'] },
    statuses: [],
  };

  it('reaches every element of every array on the path', () => {
    expect(valuesAt(person, 'names[].value')).toEqual([
      { path: 'names[0].value', keys: ['names', 0, 'value'], value: 'Ihar Losik' },
      { path: 'names[1].value', keys: ['names', 1, 'value'], value: 'Ігар Лосік' },
    ]);
    expect(valuesAt(person, 'contacts.phones[]')).toEqual([
      { path: 'contacts.phones[0]', keys: ['contacts', 'phones', 0], value: '1' },
      { path: 'contacts.phones[1]', keys: ['contacts', 'phones', 1], value: '2' },
    ]);
  });

  it('reaches nothing where a field is absent or empty', () => {
    expect(valuesAt(person, 'names[].kind')).toEqual([]);
    expect(valuesAt(person, 'statuses[].kind')).toEqual([]);
    expect(valuesAt(person, 'contacts.address')).toEqual([]);
    expect(valuesAt(null, 'names[].value')).toEqual([]);
  });

  it('does not follow inherited properties', () => {
    expect(valuesAt({}, 'constructor')).toEqual([]);
    expect(valuesAt({ names: 'x' }, 'names[].value')).toEqual([]);
  });
});
