import { useTranslation } from 'react-i18next';

import type { RecordRevisionValue } from '../../../shared/ipc/contract';
import { proceedingKinds, verdictOutcomes } from '../../../shared/model/proceeding';
import type { JsonObject } from '../../../shared/records';
import { EvidenceFiles } from '../attachments';
import { DatePrecisionInput } from '../components/DatePrecisionInput';
import { TermSelect } from '../components/TermSelect';
import { TextField } from '../components/TextField';
import { dateOfParts, partsOfDate, type DateParts } from '../forms/fuzzyDateParts';
import {
  LoadedRecord,
  numberOf,
  numberText,
  objectOf,
  textOf,
  useDraftForm,
  usePersonLabel,
  type DraftSpec,
  type LinkedEditorProps,
} from '../records/useDraftForm';
import { setOptional, topField } from '../records/useRecordEditor';
import { LinkedEditorFrame } from './LinkedEditorFrame';

interface ProceedingDraft {
  kind: string;
  court: string;
  charges: string[];
  verdictDate: DateParts;
  outcome: string;
  prisonMonths: string;
  fineAmount: string;
  fineCurrency: string;
  jailDays: string;
  communityServiceHours: string;
}

const sentenceFields = ['prisonMonths', 'jailDays', 'communityServiceHours'] as const;

function draftOf(body: JsonObject | null): ProceedingDraft {
  const verdict = objectOf(body?.verdict);
  const sentence = objectOf(body?.sentence);
  const fine = objectOf(sentence.fine);
  return {
    kind: textOf(body?.kind),
    court: textOf(body?.court),
    charges: Array.isArray(body?.charges) ? body.charges.map(textOf) : [],
    verdictDate: partsOfDate(verdict.date),
    outcome: textOf(verdict.outcome),
    prisonMonths: numberText(sentence.prisonMonths),
    fineAmount: numberText(fine.amount),
    fineCurrency: textOf(fine.currency) || 'BYN',
    jailDays: numberText(sentence.jailDays),
    communityServiceHours: numberText(sentence.communityServiceHours),
  };
}

function bodyOf(personId: string, draft: ProceedingDraft, base: JsonObject | null): JsonObject {
  // Fields the editor does not show (judge, hearings, appeal, a regime) are kept.
  const body: JsonObject = { ...(base ?? {}), personId: textOf(base?.personId) || personId };
  setOptional(body, 'kind', draft.kind);
  setOptional(body, 'court', draft.court.trim());
  setOptional(
    body,
    'charges',
    draft.charges.filter((charge) => charge !== ''),
  );
  const baseVerdict = objectOf(base?.verdict);
  const verdict: JsonObject = { ...baseVerdict };
  setOptional(verdict, 'date', dateOfParts(draft.verdictDate, baseVerdict.date));
  setOptional(verdict, 'outcome', draft.outcome);
  setOptional(body, 'verdict', Object.keys(verdict).length > 0 ? verdict : undefined);
  const baseSentence = objectOf(base?.sentence);
  const sentence: JsonObject = { ...baseSentence };
  for (const field of sentenceFields) setOptional(sentence, field, numberOf(draft[field]));
  const amount = numberOf(draft.fineAmount);
  setOptional(
    sentence,
    'fine',
    amount === undefined
      ? undefined
      : {
          ...objectOf(baseSentence.fine),
          amount,
          currency: draft.fineCurrency.trim().toUpperCase(),
        },
  );
  setOptional(body, 'sentence', Object.keys(sentence).length > 0 ? sentence : undefined);
  return body;
}

/** `verdict.date` -> `verdictDate`; `sentence.fine.currency` -> `fineCurrency` ... */
function fieldOf(path: string): string {
  if (path.startsWith('verdict.date')) return 'verdictDate';
  if (path.startsWith('verdict')) return 'outcome';
  if (path.startsWith('sentence.fine.currency')) return 'fineCurrency';
  if (path.startsWith('sentence.fine')) return 'fineAmount';
  if (path.startsWith('sentence.regime')) return 'prisonMonths';
  const inSentence = /^sentence\.(\w+)/.exec(path)?.[1];
  if (inSentence && (sentenceFields as readonly string[]).includes(inSentence)) return inSentence;
  const charge = /^charges\[(\d+)\]/.exec(path);
  if (charge) return `charges.${charge[1]}`;
  return topField(path);
}

const spec = (personId: string): DraftSpec<ProceedingDraft> => ({
  type: 'proceeding',
  bodyOf: (draft, base) => bodyOf(personId, draft, base),
  fieldOf,
  dateFields: ['verdictDate'],
  messageOf: (field, key) =>
    field === 'fineCurrency'
      ? 'linked.errors.currency'
      : (sentenceFields as readonly string[]).includes(field) && key === 'forms.errors.field'
        ? 'linked.errors.wholeNumber'
        : field === 'outcome' && key === 'forms.errors.required'
          ? 'linked.errors.outcome'
          : key,
});

/** A trial of the person: kind, court, charges, verdict and sentence. */
export function ProceedingEditor(props: LinkedEditorProps) {
  return (
    <LoadedRecord id={props.id}>
      {(record) => <ProceedingForm key={record?.revision ?? 'new'} record={record} {...props} />}
    </LoadedRecord>
  );
}

function ProceedingForm({
  record,
  personId,
  savedNow,
  onHistory,
  onBack,
  onSaved,
}: LinkedEditorProps & { record: RecordRevisionValue | null }) {
  const { t } = useTranslation();
  const form = useDraftForm(record, draftOf, spec(personId), onSaved, savedNow);
  const { uid, draft, set, invalid, problem, problems } = form;
  const person = usePersonLabel(textOf(form.base?.personId) || personId);
  const numberField = (field: (typeof sentenceFields)[number] | 'fineAmount') => (
    <TextField
      form={form}
      field={field}
      label={field === 'fineAmount' ? t('linked.fineAmount') : t(`fields.${field}`)}
      inputMode="decimal"
    />
  );
  return (
    <LinkedEditorFrame
      title={t('linked.proceedingTitle')}
      person={person}
      recordId={record?.id ?? null}
      evidence={record ? <EvidenceFiles recordId={record.id} /> : null}
      form={form}
      onBack={onBack}
      onHistory={onHistory}
    >
      <div className="panel form-grid">
        <div className="field">
          <label htmlFor={`${uid}-kind`}>{t('fields.kind')}</label>
          <select
            value={draft.kind}
            onChange={(event) => set({ kind: event.target.value })}
            {...invalid('kind')}
          >
            <option value="">{t('common.notChosen')}</option>
            {proceedingKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`values.${kind}`)}
              </option>
            ))}
          </select>
          {problem('kind')}
        </div>
        <TextField form={form} field="court" label={t('fields.court')} dir="auto" wide />
      </div>
      <fieldset className="panel">
        <legend>{t('fields.charges')}</legend>
        {draft.charges.map((charge, index) => (
          <div className="name-row" key={index}>
            <div className="field field-grow">
              <label htmlFor={`${uid}-charges.${index}`}>
                {t('linked.chargeNumber', { number: index + 1 })}
              </label>
              <TermSelect
                vocabulary="articles"
                chosen={charge}
                value={charge}
                onChange={(event) =>
                  set({
                    charges: draft.charges.map((item, at) =>
                      at === index ? event.target.value : item,
                    ),
                  })
                }
                {...invalid(`charges.${index}`)}
              />
              {problem(`charges.${index}`)}
            </div>
            <button
              type="button"
              className="button button-remove"
              aria-label={t('linked.removeCharge', { number: index + 1 })}
              onClick={() => set({ charges: draft.charges.filter((_, at) => at !== index) })}
            >
              {t('common.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => {
            set({ charges: [...draft.charges, ''] });
            const next = draft.charges.length;
            setTimeout(() => document.getElementById(`${uid}-charges.${next}`)?.focus(), 0);
          }}
        >
          {t('linked.addCharge')}
        </button>
      </fieldset>
      <fieldset className="panel">
        <legend>{t('fields.verdict')}</legend>
        <div data-field={`${uid}-verdictDate`}>
          <DatePrecisionInput
            legend={t('linked.verdictDate')}
            value={draft.verdictDate}
            onChange={(verdictDate) => set({ verdictDate })}
            error={problems.get('verdictDate')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-outcome`}>{t('fields.outcome')}</label>
          <select
            value={draft.outcome}
            onChange={(event) => set({ outcome: event.target.value })}
            {...invalid('outcome')}
          >
            <option value="">{t('common.notChosen')}</option>
            {verdictOutcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`values.${outcome}`)}
              </option>
            ))}
          </select>
          {problem('outcome')}
        </div>
      </fieldset>
      <fieldset className="panel form-grid">
        <legend>{t('fields.sentence')}</legend>
        {numberField('prisonMonths')}
        {numberField('jailDays')}
        {numberField('communityServiceHours')}
        {numberField('fineAmount')}
        <TextField form={form} field="fineCurrency" label={t('fields.currency')} maxLength={3} />
      </fieldset>
    </LinkedEditorFrame>
  );
}
