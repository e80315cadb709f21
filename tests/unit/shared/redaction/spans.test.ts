import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultExportProfiles,
  redactForProfile,
  removePassages,
  type ExportProfile,
} from '../../../../shared/redaction';

const [publicProfile, un, , internal] = defaultExportProfiles as [
  ExportProfile,
  ExportProfile,
  ExportProfile,
  ExportProfile,
];
// A profile that shows testimonies' text, so that only the marks take anything out of it.
const showing: ExportProfile = { ...un, id: 'showing', fields: { 'testimony.transcript': 'show' } };

const testimony = (transcript: string, redactions?: unknown) => ({
  id: 't',
  type: 'testimony',
  body: {
    intervieweeCode: 'W-1',
    interviewer: 'D',
    date: { date: '2021' },
    transcript,
    consent: {
      uses: { un: 'identifiable', publication: 'identifiable' },
      givenOn: '2021-01-01',
      how: 'written',
    },
    ...(redactions === undefined ? {} : { redactions }),
  },
});

describe('marked passages', () => {
  it('are taken out, and the rest kept in order (property)', () => {
    const pieces = fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.boolean()), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(pieces, (parts) => {
        let text = '';
        const marks: { start: number; end: number }[] = [];
        parts.forEach(([piece, marked], i) => {
          const token = marked ? `⟦S${i}⟧${piece}` : piece;
          if (marked) marks.push({ start: text.length, end: text.length + token.length });
          text += token;
        });
        const { passages, removed } = removePassages(text, marks);
        const kept = passages.filter((p): p is string => p !== null).join('');
        for (const mark of marks)
          expect(kept).not.toContain(text.slice(mark.start, mark.start + 4));
        expect(removed.join('').length + kept.length).toBe(text.length);
      }),
    );
  });

  it('never split a character written with two UTF-16 units', () => {
    const text = 'a😀b';
    const { passages } = removePassages(text, [{ start: 2, end: 3 }]);
    expect(passages).toEqual(['a', null, 'b']);
  });

  it('are removed under every profile that does not show their class, and kept in internal use', () => {
    const text = 'He named Mikalai Statkievič as the one who beat him.';
    const start = text.indexOf('Mikalai');
    const marks = [{ field: 'transcript', start, end: start + 'Mikalai Statkievič'.length }];
    const shown = redactForProfile([testimony(text, marks)], showing, { onDay: '2024-01-01' });
    expect(JSON.stringify(shown.records)).not.toContain('Statkievič');
    expect(shown.byId.get('t')!.body.transcript).toEqual({
      $passages: ['He named ', null, ' as the one who beat him.'],
    });
    expect(shown.removed).toContainEqual(
      expect.objectContaining({ path: 'transcript', passage: true, value: 'Mikalai Statkievič' }),
    );
    const kept = redactForProfile([testimony(text, marks)], internal, { onDay: '2024-01-01' });
    expect(kept.byId.get('t')!.body.transcript).toBe(text);
  });

  it('given by the caller work like those in the body', () => {
    const text = 'Secret part. Open part.';
    const set = redactForProfile([testimony(text)], showing, {
      onDay: '2024-01-01',
      spanMarks: { t: [{ field: 'transcript', start: 0, end: 12 }] },
    });
    expect(set.byId.get('t')!.body.transcript).toEqual({ $passages: [null, ' Open part.'] });
  });

  it('that cannot be applied as written remove the whole text, never less', () => {
    for (const redactions of [
      [{ field: 'transcript', start: 5, end: 2 }],
      [{ field: 'transcript', start: 0, end: 999 }],
      [{ field: 'transcript', start: -1, end: 3 }],
      [{ start: 0, end: 3 }],
      'all of it',
    ]) {
      const set = redactForProfile([testimony('Whole transcript.', redactions)], showing, {
        onDay: '2024-01-01',
      });
      expect(JSON.stringify(set.records), JSON.stringify(redactions)).not.toContain(
        'Whole transcript',
      );
    }
  });

  it('leave no trace of the marks field itself in an export', () => {
    const set = redactForProfile(
      [testimony('Text.', [{ field: 'transcript', start: 0, end: 1 }])],
      publicProfile,
      { onDay: '2024-01-01' },
    );
    expect(JSON.stringify(set.records)).not.toContain('redactions');
  });
});
