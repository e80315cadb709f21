import { useEffect, useId, useRef, useState } from 'react';
import {
  Controller,
  useFieldArray,
  useForm,
  useWatch,
  type FieldErrors,
  type Resolver,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { DuplicateCandidateValue, RecordRevisionValue } from '../../../shared/ipc/contract';
import type { JsonObject } from '../../../shared/records';
import { api } from '../api';
import { EvidenceFiles } from '../attachments';
import { DatePrecisionInput } from '../components/DatePrecisionInput';
import { DuplicateWarning } from '../components/DuplicateWarning';
import { ErrorMessage } from '../components/ErrorMessage';
import { describedBy, FieldError } from '../components/FieldError';
import { TermSelect } from '../components/TermSelect';
import {
  checkPerson,
  emptyPerson,
  nameKinds,
  personBodyOf,
  personFormOf,
  personProblems,
  sexes,
  type PersonForm,
} from '../forms/personForm';
import { newRecordId } from '../search';
import { PersonRecords, type LinkedType } from './PersonRecords';

/** Errors keyed by dotted field path, in the shape react-hook-form reads them. */
function formErrors(problems: ReadonlyMap<string, string>): FieldErrors<PersonForm> {
  const errors: Record<string, unknown> = {};
  for (const [field, message] of problems) {
    const parts = field.split('.');
    let node = errors;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = { type: 'model', message };
  }
  return errors as FieldErrors<PersonForm>;
}

/** Where the record stands: loading, loaded (null body when new), or unreadable. */
type Loaded =
  { state: 'loading' } | { state: 'ready'; record: RecordRevisionValue | null; saved?: boolean };

export function PersonEditor({
  id,
  onOpen,
  onHistory,
  onClose,
  backLabel,
  onOpenLinked,
}: {
  /** null: a new person. */
  id: string | null;
  onOpen: (id: string) => void;
  /** Opens (null id: adds) one of the person's detentions, trials or testimonies. */
  onOpenLinked?: (type: LinkedType, id: string | null, personId: string) => void;
  onHistory: (id: string) => void;
  onClose: () => void;
  /** What the back button says: back to the list, or to the record the user came from. */
  backLabel?: string;
}) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>(
    id ? { state: 'loading' } : { state: 'ready', record: null },
  );
  const [error, setError] = useState<CasebookError | null>(null);

  useEffect(() => {
    if (!id) return;
    let live = true;
    void api()
      .records.get({ id })
      .then((result) => {
        if (!live) return;
        if (result.ok) setLoaded({ state: 'ready', record: result.value });
        else setError(result.error);
      });
    return () => {
      live = false;
    };
  }, [id]);

  if (loaded.state === 'loading') {
    return error ? (
      <ErrorMessage error={error} />
    ) : (
      <p className="status" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const personId = loaded.record?.id;
  return (
    <>
      <PersonForm
        key={loaded.record?.revision ?? 'new'}
        record={loaded.record}
        savedNow={loaded.saved === true}
        onSaved={(record) => setLoaded({ state: 'ready', record, saved: true })}
        onOpen={onOpen}
        onHistory={onHistory}
        onClose={onClose}
        backLabel={backLabel ?? t('common.backToList')}
      />
      {personId && onOpenLinked ? (
        <PersonRecords
          personId={personId}
          onOpen={(type, at) => onOpenLinked(type, at, personId)}
        />
      ) : null}
      {personId ? <EvidenceFiles recordId={personId} /> : null}
    </>
  );
}

function PersonForm({
  record,
  savedNow,
  onSaved,
  onOpen,
  onHistory,
  onClose,
  backLabel,
}: {
  record: RecordRevisionValue | null;
  savedNow: boolean;
  onSaved: (record: RecordRevisionValue) => void;
  onOpen: (id: string) => void;
  onHistory: (id: string) => void;
  onClose: () => void;
  backLabel: string;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const base = (record?.body ?? null) as JsonObject | null;
  const [error, setError] = useState<CasebookError | null>(null);
  const [saved, setSaved] = useState(savedNow);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [duplicates, setDuplicates] = useState<readonly DuplicateCandidateValue[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);

  const resolver: Resolver<PersonForm> = (values) => {
    const { problems } = checkPerson(values, base);
    return problems.size === 0
      ? { values, errors: {} }
      : { values: {}, errors: formErrors(problems) };
  };
  const form = useForm<PersonForm>({
    resolver,
    defaultValues: personFormOf(base),
    shouldFocusError: true,
  });
  const names = useFieldArray({ control: form.control, name: 'names' });
  const { errors, isSubmitting } = form.formState;
  const watchedNames = useWatch({ control: form.control, name: 'names' });
  const nameKey = watchedNames.map((name) => name.value.trim()).join('\n');

  useEffect(() => {
    if (!savedNow) heading.current?.focus();
  }, [savedNow]);

  // Who may already be in the vault under another spelling: asked as the names are typed.
  useEffect(() => {
    if (nameKey.replace(/\s/g, '') === '') {
      setDuplicates([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const body = personBodyOf(form.getValues(), base);
      void api()
        .records.duplicates({ type: 'person', ...(record ? { id: record.id } : {}), body })
        .then((result) => {
          if (live && result.ok) setDuplicates(result.value.candidates);
        });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [nameKey, base, record, form]);

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setSaved(false);
    const body = personBodyOf(values, base);
    const result = await api().records.put({
      type: 'person',
      id: record?.id ?? newRecordId('person'),
      body,
    });
    if (!result.ok) {
      setError(result.error);
      if (result.error.fields) {
        for (const [field, message] of personProblems(result.error.fields)) {
          form.setError(field as 'sex', { type: 'vault', message });
        }
      }
      return;
    }
    const again = await api().records.get({ id: result.value.id });
    setSaved(true);
    if (again.ok) onSaved(again.value);
  });

  const remove = async () => {
    if (!record) return;
    const result = await api().records.delete({ id: record.id });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onClose();
  };

  const fieldError = (id: string, message: string | undefined) => ({
    'aria-invalid': message ? true : undefined,
    'aria-describedby': describedBy(message && `${id}-error`) || undefined,
  });
  const title = record ? base && watchedNames[0]?.value : null;

  return (
    <form className="editor" onSubmit={submit} noValidate aria-labelledby={`${uid}-title`}>
      <div className="page-heading">
        <h1 id={`${uid}-title`} ref={heading} tabIndex={-1}>
          {record ? t('person.editTitle') : t('person.newTitle')}
          {title ? (
            <>
              {': '}
              <span dir="auto">{title}</span>
            </>
          ) : null}
        </h1>
      </div>
      <div className="toolbar">
        <button type="button" className="button" onClick={onClose}>
          {backLabel}
        </button>
        {record ? (
          <button type="button" className="button" onClick={() => onHistory(record.id)}>
            {t('person.history')}
          </button>
        ) : null}
      </div>

      <fieldset className="panel">
        <legend>{t('person.names')}</legend>
        <p className="hint">{t('person.namesHint')}</p>
        {names.fields.map((field, index) => {
          const base = `${uid}-name-${index}`;
          const message = errors.names?.[index]?.value?.message;
          const langMessage = errors.names?.[index]?.lang?.message;
          return (
            <div className="name-row" key={field.id}>
              <div className="field field-grow">
                <label htmlFor={base}>{t('person.nameValue', { number: index + 1 })}</label>
                <input
                  id={base}
                  type="text"
                  dir="auto"
                  autoComplete="off"
                  {...fieldError(base, message)}
                  {...form.register(`names.${index}.value`)}
                />
                <FieldError id={`${base}-error`} message={message} />
              </div>
              <div className="field field-lang">
                <label htmlFor={`${base}-lang`}>{t('person.nameLang')}</label>
                <input
                  id={`${base}-lang`}
                  type="text"
                  autoComplete="off"
                  list={`${uid}-langs`}
                  {...fieldError(`${base}-lang`, langMessage)}
                  {...form.register(`names.${index}.lang`)}
                />
                <FieldError id={`${base}-lang-error`} message={langMessage} />
              </div>
              <div className="field">
                <label htmlFor={`${base}-kind`}>{t('person.nameKind')}</label>
                <select id={`${base}-kind`} {...form.register(`names.${index}.kind`)}>
                  <option value="">{t('common.notChosen')}</option>
                  {nameKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`person.kinds.${kind}`)}
                    </option>
                  ))}
                </select>
              </div>
              {names.fields.length > 1 ? (
                <button
                  type="button"
                  className="button button-remove"
                  aria-label={t('person.removeName', { number: index + 1 })}
                  onClick={() => names.remove(index)}
                >
                  {t('common.remove')}
                </button>
              ) : null}
            </div>
          );
        })}
        <datalist id={`${uid}-langs`}>
          {['be', 'be-Latn', 'ru', 'uk', 'pl', 'en'].map((lang) => (
            <option key={lang} value={lang} />
          ))}
        </datalist>
        <button
          type="button"
          className="button"
          onClick={() => names.append({ ...emptyPerson.names[0]! }, { shouldFocus: true })}
        >
          {t('person.addName')}
        </button>
      </fieldset>

      <DuplicateWarning candidates={duplicates} onOpen={onOpen} />

      <div className="panel form-grid">
        <div className="field">
          <label htmlFor={`${uid}-sex`}>{t('person.sex')}</label>
          <select id={`${uid}-sex`} {...form.register('sex')}>
            <option value="">{t('common.notChosen')}</option>
            {sexes.map((sex) => (
              <option key={sex} value={sex}>
                {t(`person.sexes.${sex}`)}
              </option>
            ))}
          </select>
        </div>
        <Controller
          control={form.control}
          name="region"
          render={({ field }) => (
            <div className="field">
              <label htmlFor={`${uid}-region`}>{t('person.region')}</label>
              <TermSelect
                id={`${uid}-region`}
                vocabulary="regions"
                chosen={field.value}
                ref={field.ref}
                value={field.value}
                onChange={(event) => field.onChange(event.target.value)}
                onBlur={field.onBlur}
                {...fieldError(`${uid}-region`, errors.region?.message)}
              />
              <FieldError id={`${uid}-region-error`} message={errors.region?.message} />
            </div>
          )}
        />
        <div className="field">
          <label htmlFor={`${uid}-locality`}>{t('person.locality')}</label>
          <input
            id={`${uid}-locality`}
            type="text"
            dir="auto"
            autoComplete="off"
            {...form.register('locality')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-occupation`}>{t('person.occupation')}</label>
          <input
            id={`${uid}-occupation`}
            type="text"
            dir="auto"
            autoComplete="off"
            {...form.register('occupation')}
          />
        </div>
      </div>

      <Controller
        control={form.control}
        name="birth"
        render={({ field }) => (
          <DatePrecisionInput
            legend={t('person.birthDate')}
            value={field.value}
            onChange={field.onChange}
            error={errors.birth?.message}
          />
        )}
      />

      {errors.root?.message ? (
        <FieldError id={`${uid}-root`} message={errors.root.message} />
      ) : null}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {record ? t('person.saveRevision') : t('person.save')}
        </button>
        <p className="status" role="status">
          {isSubmitting ? t('people.adding') : saved ? t('person.saved') : ''}
        </p>
      </div>

      {record ? (
        <div className="danger-zone">
          {confirmDelete ? (
            <div className="message message-warning" role="alert">
              <p>{t('person.deleteConfirm')}</p>
              <div className="actions">
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() => void remove()}
                >
                  {t('person.deleteYes')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => setConfirmDelete(false)}
                  autoFocus
                >
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="button button-danger"
              onClick={() => setConfirmDelete(true)}
            >
              {t('person.delete')}
            </button>
          )}
        </div>
      ) : null}
    </form>
  );
}
