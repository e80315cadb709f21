import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { RecordConflictValue } from '../../../shared/ipc/conflicts';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useVocabularies } from '../vocabularies';
import { useConflictCount } from './conflictCount';
import { conflictFieldLabel, conflictSource, conflictValueText } from './conflictText';

/**
 * Records changed differently on two devices (after a bundle import): the list, and for one
 * record every conflicting field with the competing values side by side, to choose from.
 */
export function ConflictsScreen({ onHistory }: { onHistory: (id: string) => void }) {
  const { t } = useTranslation();
  const [records, setRecords] = useState<readonly RecordConflictValue[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [resolved, setResolved] = useState<{ id: string; label: string } | null>(null);
  const [error, setError] = useState<CasebookError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const result = await api().conflicts.list();
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setRecords(result.value.records);
    useConflictCount.getState().set(result.value.records.length);
  }, []);

  useEffect(() => {
    heading.current?.focus();
    void load();
  }, [load]);

  const record = records?.find((item) => item.id === open) ?? null;
  const done = (id: string, label: string) => {
    setOpen(null);
    setResolved({ id, label });
    void load().then(() => heading.current?.focus());
  };

  return (
    <div className="conflicts">
      <div className="page-heading">
        <h1 ref={heading} tabIndex={-1}>
          {record
            ? t('conflicts.recordTitle', { name: record.label || record.id })
            : t('conflicts.title')}
        </h1>
      </div>
      <ErrorMessage error={error} />
      {resolved ? (
        <div className="message message-info" role="status">
          <p>{t('conflicts.saved', { name: resolved.label || resolved.id })}</p>
          <button type="button" className="button" onClick={() => onHistory(resolved.id)}>
            {t('conflicts.history')}
          </button>
        </div>
      ) : null}
      {record ? (
        <ConflictResolver
          key={record.id}
          record={record}
          onBack={() => setOpen(null)}
          onResolved={() => done(record.id, record.label)}
        />
      ) : records === null ? (
        error ? null : (
          <p className="status" role="status">
            {t('common.loading')}
          </p>
        )
      ) : records.length === 0 ? (
        <p className="empty">{t('conflicts.none')}</p>
      ) : (
        <>
          <p className="lead">{t('conflicts.intro')}</p>
          <p className="count">{t('conflicts.count', { total: records.length })}</p>
          <ul className="conflict-records">
            {records.map((item) => (
              <li key={item.id} className="panel">
                <button
                  type="button"
                  className="button-link person-name"
                  dir="auto"
                  onClick={() => {
                    setResolved(null);
                    setOpen(item.id);
                  }}
                >
                  {item.label || item.id}
                </button>
                <p className="muted">
                  {t('conflicts.fields', {
                    fields: item.fields.map((field) => conflictFieldLabel(t, field)).join(', '),
                  })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ConflictResolver({
  record,
  onBack,
  onResolved,
}: {
  record: RecordConflictValue;
  onBack: () => void;
  onResolved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const vocabularies = useVocabularies();
  const [chosen, setChosen] = useState<Readonly<Record<string, string>>>({});
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<CasebookError | null>(null);
  const [saving, setSaving] = useState(false);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const choices = record.fields.flatMap((field) => {
      const revision = chosen[field.path];
      return revision === undefined ? [] : [{ path: field.path, revision }];
    });
    if (choices.length !== record.fields.length) {
      setMissing(true);
      return;
    }
    setSaving(true);
    const result = await api().conflicts.resolve({ id: record.id, choices });
    setSaving(false);
    if (result.ok) onResolved();
    else setError(result.error);
  };

  return (
    <form className="conflict-form" onSubmit={(event) => void save(event)} noValidate>
      <div className="toolbar">
        <button type="button" className="button" onClick={onBack}>
          {t('conflicts.back')}
        </button>
      </div>
      <p className="lead">{t('conflicts.choose')}</p>
      {record.fields.map((field, index) => (
        <fieldset key={field.path} className="panel conflict-field">
          <legend>{conflictFieldLabel(t, field)}</legend>
          <div className="conflict-choices">
            {field.values.map((value) => (
              <label key={value.revision} className="conflict-choice">
                <input
                  type="radio"
                  name={`conflict-${index}`}
                  value={value.revision}
                  checked={chosen[field.path] === value.revision}
                  onChange={() => {
                    setMissing(false);
                    setChosen((current) => ({ ...current, [field.path]: value.revision }));
                  }}
                />
                <span className="conflict-value" dir="auto">
                  {conflictValueText(t, vocabularies, record.type, field, value)}
                </span>
                <span className="muted conflict-source">
                  {t('conflicts.from', {
                    device: conflictSource(t, value),
                    time: when.format(new Date(value.at)),
                  })}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {missing ? (
        <p className="message message-error" role="alert">
          {t('conflicts.chooseEach')}
        </p>
      ) : null}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {t('conflicts.save')}
        </button>
      </div>
    </form>
  );
}
