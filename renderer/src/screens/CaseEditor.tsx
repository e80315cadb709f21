import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { RecordRevisionValue } from '../../../shared/ipc/contract';
import { recordLabel } from '../../../shared/model';
import type { JsonObject } from '../../../shared/records';
import { api } from '../api';
import { EvidenceFiles } from '../attachments';
import { DatePrecisionInput } from '../components/DatePrecisionInput';
import { EditorFrame } from '../components/EditorFrame';
import { ErrorMessage } from '../components/ErrorMessage';
import { describedBy, FieldError } from '../components/FieldError';
import { RecordPicker } from '../components/RecordPicker';
import { TermSelect } from '../components/TermSelect';
import { TextAreaField, TextField } from '../components/TextField';
import { dateOfParts, partsOfDate, type DateParts } from '../forms/fuzzyDateParts';
import {
  saveRecord,
  setOptional,
  topField,
  useLoadedRecord,
  type Problems,
} from '../records/useRecordEditor';

interface Involvement {
  personId: string;
  /** The person's name, looked up for the screen; not stored in the case. */
  label: string;
  role: string;
  /** Kept as it was: the editor does not show it. */
  note?: string;
}

interface CaseDraft {
  title: string;
  type: string;
  date: DateParts;
  region: string;
  locality: string;
  summary: string;
  involvements: Involvement[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const object = (value: unknown): JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};

function draftOf(body: JsonObject | null): CaseDraft {
  const place = object(body?.place);
  const involvements = Array.isArray(body?.involvements) ? body.involvements : [];
  return {
    title: text(body?.title),
    type: text(body?.type),
    date: partsOfDate(body?.date),
    region: text(place.region),
    locality: text(place.locality),
    summary: text(body?.summary),
    involvements: involvements.map((item) => {
      const involvement = object(item);
      return {
        personId: text(involvement.personId),
        label: text(involvement.personId),
        role: text(involvement.role),
        ...(typeof involvement.note === 'string' ? { note: involvement.note } : {}),
      };
    }),
  };
}

/** The case body for the draft, over the stored one (fields not shown are kept). */
function bodyOf(draft: CaseDraft, base: JsonObject | null): JsonObject {
  const body: JsonObject = { ...(base ?? {}) };
  body.title = draft.title.trim();
  body.type = draft.type;
  setOptional(body, 'date', dateOfParts(draft.date, base?.date));
  setOptional(body, 'summary', draft.summary.trim());
  const place: JsonObject = { ...object(base?.place) };
  setOptional(place, 'region', draft.region);
  setOptional(place, 'locality', draft.locality.trim());
  setOptional(body, 'place', Object.keys(place).length > 0 ? place : undefined);
  setOptional(
    body,
    'involvements',
    draft.involvements.map(({ personId, role, note }) => ({
      personId,
      role,
      ...(note !== undefined ? { note } : {}),
    })),
  );
  return body;
}

/** `involvements[2].role` -> `involvements.2`; `place.region` -> `region`. */
function fieldOf(path: string): string {
  const involvement = /^involvements\[(\d+)\]/.exec(path);
  if (involvement) return `involvements.${involvement[1]}`;
  if (path.startsWith('place.')) return path.slice('place.'.length).replace(/\W.*$/, '');
  return topField(path);
}

export function CaseEditor({
  id,
  onOpenPerson,
  onHistory,
  onBack,
  onSaved,
  savedNow = false,
}: {
  /** null: a new case. */
  id: string | null;
  /** Just saved: say so. */
  savedNow?: boolean;
  onOpenPerson: (id: string) => void;
  onHistory: (id: string) => void;
  onBack: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const loaded = useLoadedRecord(id);
  if (loaded.state === 'loading') {
    return (
      <p className="status" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (loaded.state === 'failed') return <ErrorMessage error={loaded.error} />;
  return (
    <CaseForm
      key={loaded.record?.revision ?? 'new'}
      record={loaded.record}
      savedNow={savedNow}
      onOpenPerson={onOpenPerson}
      onHistory={onHistory}
      onBack={onBack}
      onSaved={onSaved}
    />
  );
}

function CaseForm({
  record,
  savedNow,
  onOpenPerson,
  onHistory,
  onBack,
  onSaved,
}: {
  record: RecordRevisionValue | null;
  savedNow: boolean;
  onOpenPerson: (id: string) => void;
  onHistory: (id: string) => void;
  onBack: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const base = record?.body ?? null;
  const [draft, setDraft] = useState<CaseDraft>(() => draftOf(base));
  const [problems, setProblems] = useState<Problems>(new Map());
  const [error, setError] = useState<CasebookError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(savedNow);
  const set = (change: Partial<CaseDraft>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...change }));
  };

  // The names of the people involved, for the screen: the case stores only their ids.
  const involvedKey = draft.involvements.map((item) => item.personId).join(',');
  useEffect(() => {
    let live = true;
    const ids = involvedKey === '' ? [] : involvedKey.split(',');
    void Promise.all(ids.map((personId) => api().records.get({ id: personId }))).then((results) => {
      if (!live) return;
      const names = new Map<string, string>();
      results.forEach((result, index) => {
        if (result.ok) names.set(ids[index]!, recordLabel(result.value));
      });
      setDraft((current) => ({
        ...current,
        involvements: current.involvements.map((item) => ({
          ...item,
          label: names.get(item.personId) || item.label,
        })),
      }));
    });
    return () => {
      live = false;
    };
  }, [involvedKey]);

  const submit = async () => {
    setError(null);
    setSaving(true);
    const outcome = await saveRecord('case', record?.id ?? null, bodyOf(draft, base), fieldOf, [
      'date',
    ]);
    setSaving(false);
    if (!outcome.ok) {
      setProblems(outcome.problems);
      setError(outcome.error);
      const first = [...outcome.problems.keys()][0];
      document.getElementById(`${uid}-${first}`)?.focus();
      return;
    }
    setProblems(new Map());
    onSaved(outcome.id);
  };

  const invalid = (field: string) => ({
    id: `${uid}-${field}`,
    'aria-invalid': problems.has(field) ? true : undefined,
    'aria-describedby': describedBy(problems.has(field) && `${uid}-${field}-error`) || undefined,
  });
  const problem = (field: string) => (
    <FieldError id={`${uid}-${field}-error`} message={problems.get(field)} />
  );
  const form = { uid, draft, set, invalid, problem };
  const title = record ? text(base?.title) : '';

  return (
    <EditorFrame
      title={
        <>
          {record ? t('cases.editTitle') : t('cases.newTitle')}
          {title ? (
            <>
              {': '}
              <span dir="auto">{title}</span>
            </>
          ) : null}
        </>
      }
      recordId={record?.id ?? null}
      evidence={record ? <EvidenceFiles recordId={record.id} /> : null}
      backLabel={t('common.back')}
      onBack={onBack}
      onHistory={onHistory}
      onSubmit={() => void submit()}
      saving={saving}
      saved={saved}
      error={error}
    >
      <div className="panel form-grid">
        <TextField form={form} field="title" label={t('fields.title')} dir="auto" wide />
        <div className="field">
          <label htmlFor={`${uid}-type`}>{t('fields.type')}</label>
          <TermSelect
            vocabulary="case-types"
            chosen={draft.type}
            value={draft.type}
            onChange={(event) => set({ type: event.target.value })}
            {...invalid('type')}
          />
          {problem('type')}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-region`}>{t('fields.region')}</label>
          <TermSelect
            vocabulary="regions"
            chosen={draft.region}
            value={draft.region}
            onChange={(event) => set({ region: event.target.value })}
            {...invalid('region')}
          />
          {problem('region')}
        </div>
        <TextField form={form} field="locality" label={t('fields.locality')} dir="auto" />
      </div>
      <DatePrecisionInput
        legend={t('fields.date')}
        value={draft.date}
        onChange={(date) => set({ date })}
        error={problems.get('date')}
      />
      <div className="panel">
        <TextAreaField
          form={form}
          field="summary"
          label={t('fields.summary')}
          rows={5}
          dir="auto"
        />
      </div>
      <fieldset className="panel">
        <legend>{t('fields.involvements')}</legend>
        {draft.involvements.length === 0 ? (
          <p className="muted">{t('cases.noInvolvements')}</p>
        ) : (
          <ul className="involvements">
            {draft.involvements.map((involvement, index) => (
              <li key={`${involvement.personId}-${index}`} className="involvement-row">
                <button
                  type="button"
                  className="button-link"
                  onClick={() => onOpenPerson(involvement.personId)}
                >
                  <span dir="auto">{involvement.label}</span>
                </button>
                <div className="field">
                  <label htmlFor={`${uid}-involvements.${index}`}>
                    {t('cases.roleOf', { name: involvement.label })}
                  </label>
                  <TermSelect
                    vocabulary="roles"
                    chosen={involvement.role}
                    value={involvement.role}
                    onChange={(event) =>
                      set({
                        involvements: draft.involvements.map((item, at) =>
                          at === index ? { ...item, role: event.target.value } : item,
                        ),
                      })
                    }
                    {...invalid(`involvements.${index}`)}
                  />
                  {problem(`involvements.${index}`)}
                </div>
                <button
                  type="button"
                  className="button button-remove"
                  aria-label={t('cases.removeInvolvement', { name: involvement.label })}
                  onClick={() =>
                    set({ involvements: draft.involvements.filter((_, at) => at !== index) })
                  }
                >
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <RecordPicker
          label={t('cases.addPerson')}
          type="person"
          value={null}
          onChange={(picked) => {
            if (picked?.kind !== 'existing') return;
            set({
              involvements: [
                ...draft.involvements,
                { personId: picked.id, label: picked.label, role: '' },
              ],
            });
          }}
        />
      </fieldset>
    </EditorFrame>
  );
}
