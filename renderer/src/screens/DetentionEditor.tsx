import { useTranslation } from 'react-i18next';

import type { RecordRevisionValue } from '../../../shared/ipc/contract';
import type { JsonObject } from '../../../shared/records';
import { DatePrecisionInput } from '../components/DatePrecisionInput';
import { TermSelect } from '../components/TermSelect';
import { dateOfParts, partsOfDate, type DateParts } from '../forms/fuzzyDateParts';
import {
  LoadedRecord,
  textOf,
  useDraftForm,
  usePersonLabel,
  type DraftSpec,
  type LinkedEditorProps,
} from '../records/useDraftForm';
import { setOptional, topField } from '../records/useRecordEditor';
import { LinkedEditorFrame } from './LinkedEditorFrame';

interface DetentionDraft {
  facility: string;
  from: DateParts;
  to: DateParts;
  regime: string;
  releaseReason: string;
}

const draftOf = (body: JsonObject | null): DetentionDraft => ({
  facility: textOf(body?.facility),
  from: partsOfDate(body?.from),
  to: partsOfDate(body?.to),
  regime: textOf(body?.regime),
  releaseReason: textOf(body?.releaseReason),
});

const spec = (personId: string): DraftSpec<DetentionDraft> => ({
  type: 'detention',
  bodyOf: (draft, base) => {
    // Fields the editor does not show (case, incommunicado periods, note) are kept.
    const body: JsonObject = { ...(base ?? {}), personId: textOf(base?.personId) || personId };
    setOptional(body, 'facility', draft.facility);
    setOptional(body, 'from', dateOfParts(draft.from, base?.from));
    setOptional(body, 'to', dateOfParts(draft.to, base?.to));
    setOptional(body, 'regime', draft.regime);
    setOptional(body, 'releaseReason', draft.releaseReason);
    return body;
  },
  fieldOf: topField,
  dateFields: ['from', 'to'],
  precheck: (draft) =>
    draft.from.precision === '' ? new Map([['from', 'forms.errors.required']]) : new Map(),
  messageOf: (field, key) => (field === 'releaseReason' ? 'linked.errors.releaseNeedsTo' : key),
});

/** One stay in custody of the person: facility, from and until, regime, why released. */
export function DetentionEditor(props: LinkedEditorProps) {
  return (
    <LoadedRecord id={props.id}>
      {(record) => <DetentionForm key={record?.revision ?? 'new'} record={record} {...props} />}
    </LoadedRecord>
  );
}

function DetentionForm({
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
  return (
    <LinkedEditorFrame
      title={t('linked.detentionTitle')}
      person={person}
      recordId={record?.id ?? null}
      form={form}
      onBack={onBack}
      onHistory={onHistory}
    >
      <div className="panel form-grid">
        <div className="field">
          <label htmlFor={`${uid}-facility`}>{t('fields.facility')}</label>
          <TermSelect
            vocabulary="facilities"
            chosen={draft.facility}
            value={draft.facility}
            onChange={(event) => set({ facility: event.target.value })}
            {...invalid('facility')}
          />
          {problem('facility')}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-regime`}>{t('fields.regime')}</label>
          <TermSelect
            vocabulary="regimes"
            chosen={draft.regime}
            value={draft.regime}
            onChange={(event) => set({ regime: event.target.value })}
            {...invalid('regime')}
          />
          {problem('regime')}
        </div>
      </div>
      <div data-field={`${uid}-from`}>
        <DatePrecisionInput
          legend={t('fields.from')}
          value={draft.from}
          onChange={(from) => set({ from })}
          error={problems.get('from')}
        />
      </div>
      <div data-field={`${uid}-to`}>
        <DatePrecisionInput
          legend={t('fields.to')}
          value={draft.to}
          onChange={(to) => set({ to })}
          error={problems.get('to')}
        />
      </div>
      <div className="panel form-grid">
        <div className="field">
          <label htmlFor={`${uid}-releaseReason`}>{t('fields.releaseReason')}</label>
          <TermSelect
            vocabulary="release-reasons"
            chosen={draft.releaseReason}
            value={draft.releaseReason}
            onChange={(event) => set({ releaseReason: event.target.value })}
            {...invalid('releaseReason')}
          />
          {problem('releaseReason')}
        </div>
      </div>
    </LinkedEditorFrame>
  );
}
