import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { JsonObject } from '../../../shared/records';
import { api } from '../api';
import { DatePrecisionInput } from '../components/DatePrecisionInput';
import { ErrorMessage } from '../components/ErrorMessage';
import { describedBy, FieldError } from '../components/FieldError';
import { RecordPicker, type Picked } from '../components/RecordPicker';
import { TermSelect } from '../components/TermSelect';
import { dateOfParts, noDate, type DateParts } from '../forms/fuzzyDateParts';
import { newRecordId } from '../search';

type Problems = Partial<Record<'victim' | 'actType' | 'case' | 'caseType' | 'date', string>>;
type RecordWrite = ChannelInput<'records.putMany'>['records'][number];

/**
 * A violation in one flow: the victim (found or new), perhaps a perpetrator, what was done and
 * when, and the case it belongs to (found or new). Saved in one transaction: the new person,
 * the new case and the act, or nothing.
 */
export function ViolationForm({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [victim, setVictim] = useState<Picked | null>(null);
  const [perpetrator, setPerpetrator] = useState<Picked | null>(null);
  const [actType, setActType] = useState('');
  const [date, setDate] = useState<DateParts>(noDate);
  const [theCase, setTheCase] = useState<Picked | null>(null);
  const [caseType, setCaseType] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<CasebookError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ victimId: string; label: string } | null>(null);

  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(null);
    const found: Problems = {};
    if (!victim) found.victim = 'violation.errors.victim';
    if (!actType) found.actType = 'violation.errors.actType';
    if (!theCase) found.case = 'violation.errors.case';
    if (theCase?.kind === 'new' && !caseType) found.caseType = 'violation.errors.caseType';
    setProblems(found);
    if (!victim || !theCase || Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      document
        .getElementById(`${uid}-${first}`)
        ?.querySelector<HTMLElement>('input, select')
        ?.focus();
      return;
    }
    const records: RecordWrite[] = [];
    const idOf = (picked: Picked, type: 'person' | 'case', body: JsonObject): string => {
      if (picked.kind === 'existing') return picked.id;
      const id = newRecordId(type);
      records.push({ type, id, body });
      return id;
    };
    const victimId = idOf(victim, 'person', { names: [{ value: victim.label }] });
    const perpetratorId = perpetrator
      ? idOf(perpetrator, 'person', { names: [{ value: perpetrator.label }] })
      : null;
    const fuzzy = dateOfParts(date, undefined);
    const caseId = idOf(theCase, 'case', {
      title: theCase.label,
      type: caseType || 'detention',
      ...(fuzzy ? { date: fuzzy as unknown as JsonObject } : {}),
      involvements: [
        { personId: victimId, role: 'victim' },
        ...(perpetratorId ? [{ personId: perpetratorId, role: 'perpetrator' }] : []),
      ],
    });
    records.push({
      type: 'act',
      id: newRecordId('act'),
      body: {
        caseId,
        victimId,
        type: actType,
        ...(perpetratorId ? { perpetratorIds: [perpetratorId] } : {}),
        ...(fuzzy ? { date: fuzzy as unknown as JsonObject } : {}),
      },
    });
    setSaving(true);
    const result = await api().records.putMany({ records });
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      if (result.error.fields?.some((field) => /^records\[\d+\]\.date/.test(field.path))) {
        setProblems({ date: 'violation.errors.date' });
      }
      return;
    }
    setSaved({ victimId, label: victim.label });
    setVictim(null);
    setPerpetrator(null);
    setActType('');
    setDate(noDate);
    setTheCase(null);
    setCaseType('');
  };

  return (
    <form
      className="editor"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={`${uid}-title`}
    >
      <div className="page-heading">
        <h1 id={`${uid}-title`} ref={heading} tabIndex={-1}>
          {t('violation.title')}
        </h1>
      </div>
      <p className="lead">{t('violation.intro')}</p>
      <div className="panel">
        <div id={`${uid}-victim`}>
          <RecordPicker
            label={t('violation.victim')}
            type="person"
            value={victim}
            onChange={setVictim}
            newLabel={(text) => t('picker.newPerson', { name: text })}
            error={problems.victim}
          />
        </div>
        <RecordPicker
          label={t('violation.perpetrator')}
          type="person"
          value={perpetrator}
          onChange={setPerpetrator}
          newLabel={(text) => t('picker.newPerson', { name: text })}
        />
      </div>
      <div className="panel form-grid">
        <div className="field" id={`${uid}-actType`}>
          <label htmlFor={`${uid}-actType-select`}>{t('violation.actType')}</label>
          <TermSelect
            id={`${uid}-actType-select`}
            vocabulary="violation-types"
            chosen={actType}
            value={actType}
            onChange={(event) => setActType(event.target.value)}
            aria-invalid={problems.actType ? true : undefined}
            aria-describedby={describedBy(problems.actType && `${uid}-actType-error`) || undefined}
          />
          <FieldError id={`${uid}-actType-error`} message={problems.actType} />
        </div>
      </div>
      <DatePrecisionInput
        legend={t('violation.date')}
        value={date}
        onChange={setDate}
        error={problems.date}
      />
      <div className="panel">
        <div id={`${uid}-case`}>
          <RecordPicker
            label={t('violation.case')}
            type="case"
            value={theCase}
            onChange={setTheCase}
            newLabel={(text) => t('picker.newCase', { title: text })}
            error={problems.case}
          />
        </div>
        {theCase?.kind === 'new' ? (
          <div className="field" id={`${uid}-caseType`}>
            <label htmlFor={`${uid}-caseType-select`}>{t('violation.caseType')}</label>
            <TermSelect
              id={`${uid}-caseType-select`}
              vocabulary="case-types"
              chosen={caseType}
              value={caseType}
              onChange={(event) => setCaseType(event.target.value)}
              aria-invalid={problems.caseType ? true : undefined}
              aria-describedby={
                describedBy(problems.caseType && `${uid}-caseType-error`) || undefined
              }
            />
            <FieldError id={`${uid}-caseType-error`} message={problems.caseType} />
          </div>
        ) : null}
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {t('violation.save')}
        </button>
        <p className="status" role="status">
          {saving ? t('people.adding') : saved ? t('violation.saved', { name: saved.label }) : ''}
        </p>
      </div>
      {saved ? (
        <p>
          <button type="button" className="button-link" onClick={() => onOpen(saved.victimId)}>
            {t('violation.openVictim')}
          </button>
        </p>
      ) : null}
    </form>
  );
}
