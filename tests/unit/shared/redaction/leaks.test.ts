import { describe, expect, it } from 'vitest';
import { findLeaks, leakNeedles, type RemovedValue } from '../../../../shared/redaction';

const removed = (
  value: string,
  kind: RemovedValue['kind'] = 'name',
  path = 'names[0].value',
): RemovedValue => ({
  recordId: 'p-1',
  type: 'person',
  path,
  kind,
  value,
});

const check = (
  text: string,
  values: RemovedValue[],
  shownNames: string[] = [],
  wording: string[] = [],
) => findLeaks(text, leakNeedles(values, { shownNames, wording }), 'page 1');

describe('the leak check', () => {
  it('finds a removed name written in another script or transliteration, in either order', () => {
    for (const text of [
      'Марыя Калеснікава',
      'Maria Kolesnikova spoke',
      'KALESNIKAVA Maryja',
      'Мария Колесникова',
    ]) {
      expect(check(`The report says ${text}.`, [removed('Марыя Калеснікава')]), text).toEqual([
        { recordId: 'p-1', type: 'person', path: 'names[0].value', how: 'name', where: 'page 1' },
      ]);
    }
  });

  it('finds a distinctive part of a removed name alone', () => {
    expect(check('interviewed Kolesnikova in 2021', [removed('Марыя Калеснікава')])[0]?.how).toBe(
      'name-variant',
    );
  });

  it('does not take a word the report shows on purpose for a leak', () => {
    expect(check('Judge Maria Ivanova', [removed('Марыя Калеснікава')], ['Maria Ivanova'])).toEqual(
      [],
    );
    expect(
      check('Minsk region', [removed('Minsk', 'locality', 'locality')], [], ['Minsk region']),
    ).toEqual([]);
  });

  it('finds removed names in Arabic script', () => {
    expect(check('شهادة محمد عبد الله الأحمد', [removed('محمد عبد الله الأحمد')])).toHaveLength(1);
    expect(check('شهادة محمد عبد الله الاحمد', [removed('محمد عبد الله الأحمد')])).toHaveLength(1);
  });

  it('finds removed text, case, accents and spacing aside, by whole words', () => {
    expect(
      check('call +375 29 123-45-67 now', [
        removed('+375 29 123-45-67', 'text', 'contacts.phones[0]'),
      ]),
    ).toHaveLength(1);
    expect(
      check('Lives at  VULICA  Kalinoŭskaha 7', [
        removed('vulica Kalinouskaha 7', 'text', 'contacts.address'),
      ]),
    ).toHaveLength(1);
    expect(check('Minskaja', [removed('Minsk', 'locality', 'locality')])).toEqual([]);
  });

  it('finds eight words in a row of a long removed text', () => {
    const transcript =
      'They took me at night to the station on the edge of town and kept me there for three days without water.';
    const leaked = 'Another account: kept me there for three days without water, he said.';
    expect(check(leaked, [removed(transcript, 'text', 'transcript')])[0]?.how).toBe('text');
    expect(
      check('kept me there for two days', [removed(transcript, 'text', 'transcript')]),
    ).toEqual([]);
  });

  it('never quotes the value it found', () => {
    const [finding] = check('Kolesnikova', [removed('Марыя Калеснікава')]);
    expect(JSON.stringify(finding)).not.toMatch(/Kales|Kales|Калес/);
  });
});
