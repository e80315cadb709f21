// Who a testimony is about, as the editor turns it into the stored body: a person's id or a
// code, never both; "this person" is the stored one, else the page it was opened from; and
// "a person" with nobody chosen is refused before anything is written.
import { describe, expect, it } from 'vitest';

import {
  intervieweeOf,
  intervieweeProblems,
  setInterviewee,
  type IntervieweeDraft,
} from '../../../renderer/src/records/interviewee';
import { parseRecord } from '../../../shared/model';
import type { JsonObject } from '../../../shared/records';

const coded: JsonObject = {
  intervieweeCode: 'W-2024-017',
  interviewer: 'Н. К.',
  date: { date: '2024-02' },
};
const ofPerson: JsonObject = {
  intervieweeId: 'losik',
  interviewer: 'Н. К.',
  date: { date: '2024-01-10' },
};

/** The body the editor would save, over the stored one. */
function saved(base: JsonObject, change: Partial<IntervieweeDraft>) {
  const draft: IntervieweeDraft = { ...intervieweeOf(base, ''), ...change };
  const body = { ...base };
  setInterviewee(body, draft);
  return { draft, body };
}

describe('the interviewee of a testimony in the editor', () => {
  it('a code-only testimony opened from a list has a code and nobody to point at', () => {
    expect(intervieweeOf(coded, '')).toEqual({ who: 'code', personId: '', code: 'W-2024-017' });
  });

  it("a new testimony from a person's page, or a stored one, is that person's", () => {
    expect(intervieweeOf(null, 'bialiatski')).toEqual({
      who: 'person',
      personId: 'bialiatski',
      code: '',
    });
    expect(intervieweeOf(ofPerson, 'losik')).toEqual({
      who: 'person',
      personId: 'losik',
      code: '',
    });
    // The stored person wins over the page: the record says whose it is.
    expect(intervieweeOf(ofPerson, 'bialiatski').personId).toBe('losik');
    // A code-only one opened from a page: switching to "this person" means that person.
    expect(intervieweeOf(coded, 'bialiatski')).toEqual({
      who: 'code',
      personId: 'bialiatski',
      code: 'W-2024-017',
    });
  });

  it('a code-only testimony given a person keeps its other fields and loses the code', () => {
    const { draft, body } = saved(coded, { who: 'person', personId: 'losik' });
    expect(intervieweeProblems(draft).size).toBe(0);
    expect(body).toEqual({
      intervieweeId: 'losik',
      interviewer: 'Н. К.',
      date: { date: '2024-02' },
    });
    expect(parseRecord('testimony', body).ok).toBe(true);
  });

  it('"a person" with nobody chosen is refused with the picker\'s own message', () => {
    const { draft, body } = saved(coded, { who: 'person' });
    expect([...intervieweeProblems(draft)]).toEqual([['interviewee', 'linked.errors.interviewee']]);
    // The model would refuse it too: neither a person nor a code.
    expect(body).not.toHaveProperty('intervieweeId');
    expect(body).not.toHaveProperty('intervieweeCode');
    expect(parseRecord('testimony', body).ok).toBe(false);
  });

  it('a person replaced by a code keeps no link to them; a code is trimmed', () => {
    const { draft, body } = saved(ofPerson, { who: 'code', code: ' W-2024-100 ' });
    expect(intervieweeProblems(draft).size).toBe(0);
    expect(body).toEqual({
      intervieweeCode: 'W-2024-100',
      interviewer: 'Н. К.',
      date: { date: '2024-01-10' },
    });
    // The person is kept in the draft, so switching back restores them.
    expect(draft.personId).toBe('losik');
    const back = { ...draft, who: 'person' as const };
    const restored = { ...body };
    setInterviewee(restored, back);
    expect(restored).toEqual(ofPerson);
  });

  it('an empty code is left for the model to refuse, next to the code field', () => {
    const { draft, body } = saved(ofPerson, { who: 'code', code: '  ' });
    expect(intervieweeProblems(draft).size).toBe(0);
    expect(body).not.toHaveProperty('intervieweeCode');
    expect(parseRecord('testimony', body).ok).toBe(false);
  });
});
