// Marks made in the testimony editor, as the text around them is edited, and as redaction reads
// them from the record: a mark follows its passage, is dropped when its passage changes, and a
// mark that no longer covers its passage (the text was changed elsewhere) removes the whole field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseRecord } from '../../../../shared/model';
import {
  adjustMarksForEdit,
  defaultExportProfiles,
  redactForProfile,
  type ExportProfile,
  type StoredSpanMark,
} from '../../../../shared/redaction';

const un = defaultExportProfiles[1]!;
const internal = defaultExportProfiles[3]!;
// Shows transcripts, so that only the marks take anything out of them.
const showing: ExportProfile = { ...un, id: 'showing', fields: { 'testimony.transcript': 'show' } };

const markOf = (text: string, start: number, end: number): StoredSpanMark => ({
  field: 'transcript',
  start,
  end,
  text: text.slice(start, end),
});

/** A text, marks that do not overlap, and one edit: [from, to) replaced by `inserted`. */
const editCase = fc
  .tuple(
    fc.string({
      unit: fc.constantFrom('a', 'б', 'c', ' ', 'ў', '😀'),
      minLength: 1,
      maxLength: 40,
    }),
    fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
    fc.tuple(fc.nat(), fc.nat()),
    fc.string({ unit: fc.constantFrom('a', 'б', ' ', 'x'), maxLength: 6 }),
  )
  .map(([text, cuts, [p, q], inserted]) => {
    const marks: StoredSpanMark[] = [];
    let at = 0;
    for (const [gap, length] of cuts) {
      const start = at + (gap % 5);
      const end = start + 1 + (length % 6);
      if (end > text.length) break;
      marks.push(markOf(text, start, end));
      at = end;
    }
    const from = p % (text.length + 1);
    const to = from + (q % (text.length - from + 1));
    return { text, marks, from, to, inserted };
  });

describe('marks as the text is edited', () => {
  it('keep covering their passage, move with it, and are dropped only when it changed (property)', () => {
    fc.assert(
      fc.property(editCase, ({ text, marks, from, to, inserted }) => {
        const after = text.slice(0, from) + inserted + text.slice(to);
        const { kept, dropped } = adjustMarksForEdit(text, after, marks);
        expect(kept.length + dropped.length).toBe(marks.length);
        // Every mark kept covers the very passage it was made on.
        for (const mark of kept) expect(after.slice(mark.start, mark.end)).toBe(mark.text);
        // A mark the edit did not touch is kept, moved by what the edit added or took away.
        const shift = inserted.length - (to - from);
        for (const mark of marks) {
          if (mark.end <= from) expect(kept).toContainEqual(mark);
          else if (mark.start >= to) {
            expect(kept).toContainEqual({
              ...mark,
              start: mark.start + shift,
              end: mark.end + shift,
            });
          }
        }
      }),
    );
  });

  it('say which were dropped when typing inside a passage', () => {
    const text = 'The guard Piatro Zialionka beat me.';
    const mark = markOf(text, 10, 26);
    const after = text.replace('Zialionka', 'Zialonka');
    expect(adjustMarksForEdit(text, after, [mark])).toEqual({ kept: [], dropped: [mark] });
    const before = `Report. ${text}`;
    expect(adjustMarksForEdit(text, before, [mark]).kept).toEqual([
      { ...mark, start: 18, end: 34 },
    ]);
  });
});

describe('marks in the record', () => {
  const transcript = 'They held me in Akrestsina. The guard Piatro Zialionka beat me.';
  const start = transcript.indexOf('Piatro Zialionka');
  const testimony = (body: Record<string, unknown>) => ({
    id: 't',
    type: 'testimony',
    body: {
      intervieweeCode: 'W-1',
      interviewer: 'D',
      date: { date: '2021' },
      transcript,
      consent: { uses: { un: 'identifiable' }, givenOn: '2021-01-01', how: 'written' },
      ...body,
    },
  });
  const mark = { field: 'transcript', start, end: start + 16, text: 'Piatro Zialionka' };
  const shown = (profile: ExportProfile, body: Record<string, unknown>) => {
    const set = redactForProfile([testimony(body)], profile, { onDay: '2024-01-01' });
    return { body: set.records[0]!.body, removed: set.removed.map((value) => value.value) };
  };

  it('are part of the model: a mark must cover its text', () => {
    expect(parseRecord('testimony', testimony({ redactions: [mark] }).body).ok).toBe(true);
    const wrong = parseRecord(
      'testimony',
      testimony({ redactions: [{ ...mark, end: start + 3 }] }).body,
    );
    expect(wrong.ok).toBe(false);
  });

  it('take the passage out under a profile that shows the text, and never print themselves', () => {
    const { body, removed } = shown(showing, { redactions: [mark] });
    expect(body.transcript).toEqual({
      $passages: ['They held me in Akrestsina. The guard ', null, ' beat me.'],
    });
    expect(body.redactions).toBeUndefined();
    expect(removed).toContain('Piatro Zialionka');
    expect(shown(internal, { redactions: [mark] }).body.transcript).toBe(transcript);
    expect(shown(internal, { redactions: [mark] }).body.redactions).toBeUndefined();
  });

  it('remove the whole text when the passage is no longer where it was marked', () => {
    const moved = { ...mark, start: start - 1, end: start + 15 };
    const { body, removed } = shown(showing, { redactions: [moved] });
    expect(body.transcript).toEqual({ $passages: [null] });
    expect(removed).toContain(transcript);
  });
});
