import type { JsonObject } from '../../../shared/records';

/**
 * Who was interviewed, as the testimony editor holds it: a person on record or only a code.
 * Both are kept while the other is chosen, so switching back restores what was there.
 */
export interface IntervieweeDraft {
  readonly who: 'person' | 'code';
  /** The person on record; '' while none is chosen (a code-only testimony opened from a list). */
  readonly personId: string;
  readonly code: string;
}

/** The field the person picker reports its problem under. */
export const intervieweeField = 'interviewee';

const stringOf = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The interviewee of a stored testimony (or of a new one), opened from the page of
 * `contextPersonId` ('' when opened from a list): the stored person wins; without one, "this
 * person" means the person whose page it was opened from.
 */
export function intervieweeOf(body: JsonObject | null, contextPersonId: string): IntervieweeDraft {
  const stored = stringOf(body?.intervieweeId);
  const code = stringOf(body?.intervieweeCode);
  return {
    who: stored === '' && code !== '' ? 'code' : 'person',
    personId: stored || contextPersonId,
    code,
  };
}

/**
 * Writes the interviewee into a testimony body: the person's id or the code, never both, since a
 * code is kept precisely so that nothing links the testimony to a person.
 */
export function setInterviewee(body: JsonObject, draft: IntervieweeDraft): void {
  if (draft.who === 'person') {
    if (draft.personId === '') delete body.intervieweeId;
    else body.intervieweeId = draft.personId;
    delete body.intervieweeCode;
  } else {
    delete body.intervieweeId;
    const code = draft.code.trim();
    if (code === '') delete body.intervieweeCode;
    else body.intervieweeCode = code;
  }
}

/** Before saving: "a person" with none chosen is the picker's problem, said in its words. */
export function intervieweeProblems(draft: IntervieweeDraft): Map<string, string> {
  return draft.who === 'person' && draft.personId === ''
    ? new Map([[intervieweeField, 'linked.errors.interviewee']])
    : new Map();
}
