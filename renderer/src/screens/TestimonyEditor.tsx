import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { RecordRevisionValue } from '../../../shared/ipc/contract';
import { consentMethods, consentUses, type ConsentUse } from '../../../shared/model/testimony';
import { adjustMarksForEdit, type StoredSpanMark } from '../../../shared/redaction/spans';
import type { JsonObject } from '../../../shared/records';
import { EvidenceFiles } from '../attachments';
import { DatePrecisionInput } from '../components/DatePrecisionInput';
import { RecordPicker } from '../components/RecordPicker';
import { TextAreaField, TextField } from '../components/TextField';
import { dateOfParts, partsOfDate, type DateParts } from '../forms/fuzzyDateParts';
import {
  LoadedRecord,
  objectOf,
  textOf,
  useDraftForm,
  usePersonLabel,
  type DraftSpec,
  type LinkedEditorProps,
} from '../records/useDraftForm';
import {
  intervieweeField,
  intervieweeOf,
  intervieweeProblems,
  setInterviewee,
  type IntervieweeDraft,
} from '../records/interviewee';
import { setOptional, topField } from '../records/useRecordEditor';
import { LinkedEditorFrame } from './LinkedEditorFrame';
import { MarkedPassages, marksOfField } from '../reports/MarkedPassages';

/** Per use: not allowed, allowed with the person's identity, or only anonymously. */
interface UseChoice {
  allowed: boolean;
  anonymous: boolean;
  /** `refused` as stored, kept when the use stays unticked. */
  refused: boolean;
}

interface TestimonyDraft extends IntervieweeDraft {
  interviewer: string;
  date: DateParts;
  language: string;
  transcript: string;
  /** Passages of the transcript marked for redaction (the record's `redactions`). */
  marks: StoredSpanMark[];
  uses: Record<ConsentUse, UseChoice>;
  givenOn: string;
  how: string;
  withdrawnOn: string;
}

function draftOf(body: JsonObject | null, personId: string): TestimonyDraft {
  const consent = objectOf(body?.consent);
  const uses = objectOf(consent.uses);
  return {
    ...intervieweeOf(body, personId),
    interviewer: textOf(body?.interviewer),
    date: partsOfDate(body?.date),
    language: textOf(body?.language),
    transcript: textOf(body?.transcript),
    marks: marksOfField(body?.redactions, 'transcript'),
    uses: Object.fromEntries(
      consentUses.map((use) => [
        use,
        {
          allowed: uses[use] === 'identifiable' || uses[use] === 'anonymous',
          anonymous: uses[use] === 'anonymous',
          refused: uses[use] === 'refused',
        },
      ]),
    ) as Record<ConsentUse, UseChoice>,
    givenOn: textOf(consent.givenOn),
    how: textOf(consent.how),
    withdrawnOn: textOf(consent.withdrawnOn),
  };
}

function bodyOf(draft: TestimonyDraft, base: JsonObject | null): JsonObject {
  // Fields the editor does not show (place, torture account, findings, cases) are kept.
  const body: JsonObject = { ...(base ?? {}) };
  setInterviewee(body, draft);
  setOptional(body, 'interviewer', draft.interviewer.trim());
  setOptional(body, 'date', dateOfParts(draft.date, base?.date));
  setOptional(body, 'language', draft.language.trim());
  // A transcript is kept as typed; only one of nothing but spaces is left out.
  setOptional(body, 'transcript', draft.transcript.trim() === '' ? '' : draft.transcript);
  // Marks of other fields (not edited here) are kept as they were.
  const marks = [
    ...(Array.isArray(base?.redactions) ? base.redactions : []).filter(
      (mark) => (mark as { field?: unknown } | null)?.field !== 'transcript',
    ),
    ...(draft.transcript.trim() === '' ? [] : draft.marks.map((mark) => ({ ...mark }))),
  ];
  if (marks.length > 0) body.redactions = marks as JsonObject[];
  else delete body.redactions;
  const baseConsent = objectOf(base?.consent);
  const uses: JsonObject = {};
  for (const use of consentUses) {
    const choice = draft.uses[use];
    if (choice.allowed) uses[use] = choice.anonymous ? 'anonymous' : 'identifiable';
    else if (choice.refused) uses[use] = 'refused';
  }
  const anyConsent =
    Object.keys(uses).length > 0 ||
    draft.givenOn.trim() !== '' ||
    draft.how !== '' ||
    draft.withdrawnOn.trim() !== '' ||
    base?.consent !== undefined;
  if (anyConsent) {
    const consent: JsonObject = { ...baseConsent, uses };
    setOptional(consent, 'givenOn', draft.givenOn.trim());
    setOptional(consent, 'how', draft.how);
    setOptional(consent, 'withdrawnOn', draft.withdrawnOn.trim());
    body.consent = consent;
  } else delete body.consent;
  return body;
}

/** `consent.givenOn` -> `givenOn`; the record-wide "needs an interviewee" -> `code`. */
function fieldOf(path: string): string {
  const consent = /^consent\.(givenOn|how|withdrawnOn|uses)/.exec(path)?.[1];
  if (consent) return consent;
  if (path === '' || path.startsWith('intervieweeCode')) return 'code';
  if (path.startsWith('intervieweeId')) return intervieweeField;
  return topField(path);
}

const spec: DraftSpec<TestimonyDraft> = {
  type: 'testimony',
  bodyOf,
  fieldOf,
  dateFields: ['date'],
  // In the order of the form, so the first problem is the one focused.
  precheck: (draft) =>
    new Map([
      ...intervieweeProblems(draft),
      ...(draft.date.precision === '' ? [['date', 'forms.errors.required'] as const] : []),
    ]),
  messageOf: (field, key) =>
    field === 'code'
      ? 'linked.errors.code'
      : (field === 'givenOn' || field === 'withdrawnOn') && key === 'forms.errors.field'
        ? 'linked.errors.day'
        : field === 'language' && key === 'forms.errors.field'
          ? 'person.errors.lang'
          : key,
};

/** An interview with the person: who, by whom, when, the transcript and what they allowed. */
export function TestimonyEditor(props: LinkedEditorProps) {
  return (
    <LoadedRecord id={props.id}>
      {(record) => <TestimonyForm key={record?.revision ?? 'new'} record={record} {...props} />}
    </LoadedRecord>
  );
}

function TestimonyForm({
  record,
  personId,
  savedNow,
  onHistory,
  onBack,
  onSaved,
}: LinkedEditorProps & { record: RecordRevisionValue | null }) {
  const { t } = useTranslation();
  const form = useDraftForm(record, (base) => draftOf(base, personId), spec, onSaved, savedNow);
  const { uid, draft, set, invalid, problem, problems } = form;
  // The person it was opened with is looked up; one chosen in the picker brings its own name.
  const openedWith = intervieweeOf(form.base, personId).personId;
  const openedWithLabel = usePersonLabel(openedWith || null);
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  const person =
    draft.personId === ''
      ? ''
      : draft.personId === picked?.id
        ? picked.label
        : draft.personId === openedWith
          ? openedWithLabel
          : '';
  const [droppedMarks, setDroppedMarks] = useState(0);
  // Typing moves the marks with their passages; a mark whose passage changed is dropped.
  const transcriptForm = {
    ...form,
    set: (change: Partial<TestimonyDraft>) => {
      if (change.transcript === undefined || change.transcript === draft.transcript) {
        set(change);
        return;
      }
      const { kept, dropped } = adjustMarksForEdit(
        draft.transcript,
        change.transcript,
        draft.marks,
      );
      if (dropped.length > 0) setDroppedMarks((total) => total + dropped.length);
      set({ ...change, marks: kept });
    },
  };
  const setUse = (use: ConsentUse, change: Partial<UseChoice>) =>
    set({ uses: { ...draft.uses, [use]: { ...draft.uses[use], ...change } } });
  return (
    <LinkedEditorFrame
      title={t('linked.testimonyTitle')}
      person={person && draft.who === 'person' ? person : null}
      recordId={record?.id ?? null}
      evidence={record ? <EvidenceFiles recordId={record.id} /> : null}
      form={form}
      onBack={onBack}
      onHistory={onHistory}
    >
      <fieldset className="panel">
        <legend>{t('linked.interviewee')}</legend>
        <div className="field-check">
          <input
            id={`${uid}-who-person`}
            type="radio"
            name={`${uid}-who`}
            checked={draft.who === 'person'}
            onChange={() => set({ who: 'person' })}
          />
          <label htmlFor={`${uid}-who-person`}>
            {draft.personId === ''
              ? t('linked.aPerson')
              : t('linked.thisPerson', { name: person || '…' })}
          </label>
        </div>
        <div className="field-check">
          <input
            id={`${uid}-who-code`}
            type="radio"
            name={`${uid}-who`}
            checked={draft.who === 'code'}
            onChange={() => set({ who: 'code' })}
          />
          <label htmlFor={`${uid}-who-code`}>
            {draft.personId === '' ? t('linked.anonymousCodeNoPerson') : t('linked.anonymousCode')}
          </label>
        </div>
        {draft.who === 'person' ? (
          <div data-field={`${uid}-${intervieweeField}`}>
            <RecordPicker
              label={t('linked.intervieweePerson')}
              type="person"
              value={
                draft.personId === ''
                  ? null
                  : { kind: 'existing', id: draft.personId, label: person || '…' }
              }
              onChange={(choice) => {
                const chosen = choice?.kind === 'existing' ? choice : null;
                setPicked(chosen);
                set({ personId: chosen?.id ?? '' });
              }}
              error={problems.get(intervieweeField)}
            />
          </div>
        ) : (
          <TextField
            form={form}
            field="code"
            label={t('linked.code')}
            aria-describedby={`${uid}-code-hint${problems.has('code') ? ` ${uid}-code-error` : ''}`}
          >
            <p className="hint" id={`${uid}-code-hint`}>
              {t('linked.codeHint')}
            </p>
          </TextField>
        )}
      </fieldset>
      <div className="panel form-grid">
        <TextField form={form} field="interviewer" label={t('fields.interviewer')} dir="auto" />
        <TextField form={form} field="language" label={t('fields.language')} list={`${uid}-langs`}>
          <datalist id={`${uid}-langs`}>
            {['be', 'ru', 'uk', 'pl', 'en'].map((lang) => (
              <option key={lang} value={lang} />
            ))}
          </datalist>
        </TextField>
      </div>
      <div data-field={`${uid}-date`}>
        <DatePrecisionInput
          legend={t('fields.date')}
          value={draft.date}
          onChange={(date) => set({ date })}
          error={problems.get('date')}
        />
      </div>
      <div className="panel">
        <TextAreaField
          form={transcriptForm}
          field="transcript"
          label={t('fields.transcript')}
          rows={8}
          dir="auto"
        />
        <MarkedPassages
          text={draft.transcript}
          field="transcript"
          marks={draft.marks}
          textareaId={`${uid}-transcript`}
          dropped={droppedMarks}
          onChange={(marks) => set({ marks })}
        />
      </div>
      <fieldset className="panel">
        <legend>{t('fields.consent')}</legend>
        <fieldset
          className="consent-uses"
          id={`${uid}-uses`}
          aria-describedby={problems.has('uses') ? `${uid}-uses-error` : undefined}
        >
          <legend>{t('linked.consentUses')}</legend>
          {consentUses.map((use) => (
            <div className="consent-use" key={use}>
              <div className="field-check">
                <input
                  id={`${uid}-use-${use}`}
                  type="checkbox"
                  checked={draft.uses[use].allowed}
                  onChange={(event) => setUse(use, { allowed: event.target.checked })}
                />
                <label htmlFor={`${uid}-use-${use}`}>{t(`values.${use}`)}</label>
              </div>
              {draft.uses[use].allowed ? (
                <div className="field-check">
                  <input
                    id={`${uid}-anonymous-${use}`}
                    type="checkbox"
                    checked={draft.uses[use].anonymous}
                    aria-label={`${t('linked.consentAnonymous')} (${t(`values.${use}`)})`}
                    onChange={(event) => setUse(use, { anonymous: event.target.checked })}
                  />
                  <label htmlFor={`${uid}-anonymous-${use}`}>{t('linked.consentAnonymous')}</label>
                </div>
              ) : null}
            </div>
          ))}
          {problem('uses')}
        </fieldset>
        <div className="form-grid">
          <TextField
            form={form}
            field="givenOn"
            label={t('linked.consentGivenOn')}
            inputMode="numeric"
            placeholder="2024-03-04"
          />
          <div className="field">
            <label htmlFor={`${uid}-how`}>{t('fields.how')}</label>
            <select
              value={draft.how}
              onChange={(event) => set({ how: event.target.value })}
              {...invalid('how')}
            >
              <option value="">{t('common.notChosen')}</option>
              {consentMethods.map((how) => (
                <option key={how} value={how}>
                  {t(`values.${how}`)}
                </option>
              ))}
            </select>
            {problem('how')}
          </div>
          <TextField
            form={form}
            field="withdrawnOn"
            label={t('linked.withdrawnOn')}
            inputMode="numeric"
            placeholder="2024-03-04"
          />
        </div>
      </fieldset>
    </LinkedEditorFrame>
  );
}
