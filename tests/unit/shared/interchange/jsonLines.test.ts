import { describe, expect, it } from 'vitest';
import {
  describeProblem,
  entityLine,
  headerLine,
  parseLine,
  type FieldValidator,
} from '../../../../shared/interchange';

const accept: FieldValidator = () => [];
const requireName: FieldValidator = (_type, fields) =>
  typeof fields.name === 'string' ? [] : [{ path: 'name', message: 'is required' }];

describe('interchange lines', () => {
  it('reads what it writes', () => {
    const entity = { type: 'person', id: 'p-1', fields: { names: [{ value: 'Ігар Лосік' }] } };
    expect(parseLine(entityLine(entity), 1, accept)).toEqual({ kind: 'entity', entity });
    expect(parseLine(headerLine(), 1, accept)).toMatchObject({ kind: 'header' });
    expect(parseLine('   ', 3, accept)).toEqual({ kind: 'blank' });
  });

  it('says what is wrong with a line, and where, without quoting its content', () => {
    const cases: [string, RegExp][] = [
      [
        '{"type": "person", "id": "Марыя Калеснікава", "fields": {}}',
        /line 4, id: must be 1 to 64 Latin letters/,
      ],
      ['{"type": "person", "id": "p1", "fields": []}', /line 4, fields: must be a JSON object/],
      ['{"id": "p1", "fields": {}}', /line 4, type: is missing/],
      [
        '{"type": "person", "id": "p1", "fields": {}, "extra": 1}',
        /line 4, extra: is not part of the format/,
      ],
      ['{"type": "person", "id": "p1", "fields": {}}', /line 4, fields.name: is required/],
      [
        '{"type": "person", "id": "p1", "fields": {"name": "Калеснікава"',
        /line 4: is not valid JSON/,
      ],
      [
        '{"format": "casebook-interchange", "version": 9}',
        /line 4: is a header of another format or version/,
      ],
    ];
    for (const [text, pattern] of cases) {
      const parsed = parseLine(text, 4, requireName);
      expect(parsed.kind).toBe('problems');
      const messages = parsed.kind === 'problems' ? parsed.problems.map(describeProblem) : [];
      expect(messages.join('\n')).toMatch(pattern);
      expect(messages.join('\n')).not.toMatch(/Калеснікава/);
    }
  });
});
