import { useTranslation } from 'react-i18next';

import type { RecordRevisionValue } from '../../../shared/ipc/contract';
import { sourceKinds } from '../../../shared/model';
import type { JsonObject } from '../../../shared/records';
import { EvidenceFiles } from '../attachments';
import { DatePrecisionInput } from '../components/DatePrecisionInput';
import { TermSelect } from '../components/TermSelect';
import { ChoiceField, TextAreaField, TextField } from '../components/TextField';
import { dateOfParts, partsOfDate, type DateParts } from '../forms/fuzzyDateParts';
import { LoadedRecord, textOf, useDraftForm, type DraftSpec } from '../records/useDraftForm';
import { setOptional } from '../records/useRecordEditor';
import { LinkedEditorFrame } from './LinkedEditorFrame';

interface SourceDraft {
  kind: string;
  title: string;
  obtainedBy: string;
  obtainedOn: DateParts;
  how: string;
  reliability: string;
  sha256: string;
  note: string;
}

const draftOf = (body: JsonObject | null): SourceDraft => ({
  kind: textOf(body?.kind),
  title: textOf(body?.title),
  obtainedBy: textOf(body?.obtainedBy),
  obtainedOn: partsOfDate(body?.obtainedOn),
  how: textOf(body?.how),
  reliability: textOf(body?.reliability),
  sha256: textOf(body?.sha256),
  note: textOf(body?.note),
});

const spec: DraftSpec<SourceDraft> = {
  type: 'source',
  bodyOf: (draft, base) => {
    // What the editor does not show (the records it substantiates, the custody log) is kept.
    const body: JsonObject = { ...(base ?? {}) };
    setOptional(body, 'kind', draft.kind);
    setOptional(body, 'title', draft.title.trim());
    setOptional(body, 'obtainedBy', draft.obtainedBy.trim());
    setOptional(body, 'obtainedOn', dateOfParts(draft.obtainedOn, base?.obtainedOn));
    setOptional(body, 'how', draft.how.trim());
    setOptional(body, 'reliability', draft.reliability);
    setOptional(body, 'sha256', draft.sha256.trim().toLowerCase());
    setOptional(body, 'note', draft.note.trim());
    return body;
  },
  // Not topField: `sha256` has digits in its name.
  fieldOf: (path) => /^[A-Za-z0-9]+/.exec(path)?.[0] ?? 'root',
  dateFields: ['obtainedOn'],
  messageOf: (field, key) =>
    field === 'sha256' && key === 'forms.errors.field' ? 'sources.errors.sha256' : key,
};

/** A source: what it is, who obtained it, when and how, how far it can be trusted. */
export function SourceEditor({
  id,
  savedNow,
  onHistory,
  onBack,
  onSaved,
}: {
  id: string | null;
  savedNow: boolean;
  onHistory: (id: string) => void;
  onBack: () => void;
  onSaved: (id: string) => void;
}) {
  return (
    <LoadedRecord id={id}>
      {(record) => (
        <SourceForm
          key={record?.revision ?? 'new'}
          record={record}
          savedNow={savedNow}
          onHistory={onHistory}
          onBack={onBack}
          onSaved={onSaved}
        />
      )}
    </LoadedRecord>
  );
}

function SourceForm({
  record,
  savedNow,
  onHistory,
  onBack,
  onSaved,
}: {
  record: RecordRevisionValue | null;
  savedNow: boolean;
  onHistory: (id: string) => void;
  onBack: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const form = useDraftForm(record, draftOf, spec, onSaved, savedNow);
  const { uid, draft, set, invalid, problem, problems } = form;
  return (
    <LinkedEditorFrame
      title={record ? t('sources.editTitle') : t('sources.newTitle')}
      person={null}
      recordId={record?.id ?? null}
      evidence={record ? <EvidenceFiles recordId={record.id} /> : null}
      form={form}
      onBack={onBack}
      onHistory={onHistory}
    >
      <div className="panel form-grid">
        <TextField form={form} field="title" label={t('fields.title')} dir="auto" wide />
        <ChoiceField
          form={form}
          field="kind"
          label={t('fields.kind')}
          notChosen={t('common.notChosen')}
          options={sourceKinds.map((kind) => ({ value: kind, label: t(`sources.kinds.${kind}`) }))}
        />
        <div className="field">
          <label htmlFor={`${uid}-reliability`}>{t('sources.reliability')}</label>
          <TermSelect
            vocabulary="source-reliability"
            chosen={draft.reliability}
            value={draft.reliability}
            onChange={(event) => set({ reliability: event.target.value })}
            {...invalid('reliability')}
          />
          {problem('reliability')}
        </div>
        <TextField form={form} field="obtainedBy" label={t('sources.obtainedBy')} dir="auto" />
      </div>
      <div data-field={`${uid}-obtainedOn`}>
        <DatePrecisionInput
          legend={t('sources.obtainedOn')}
          value={draft.obtainedOn}
          onChange={(obtainedOn) => set({ obtainedOn })}
          error={problems.get('obtainedOn')}
        />
      </div>
      <div className="panel form-grid">
        <TextAreaField form={form} field="how" label={t('sources.how')} dir="auto" wide />
        <TextField form={form} field="sha256" label={t('sources.sha256')} spellCheck={false} wide />
        <TextAreaField form={form} field="note" label={t('fields.note')} dir="auto" wide />
      </div>
    </LinkedEditorFrame>
  );
}
