import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import { api } from '../api';
import { ErrorMessage } from './ErrorMessage';

/**
 * The frame every record editor shares: the heading (focused on arrival), back and history,
 * the fields, save with its status, and delete after a confirmation.
 */
export function EditorFrame({
  title,
  recordId,
  backLabel,
  onBack,
  onHistory,
  onSubmit,
  saving,
  saved,
  error,
  children,
  deletable = true,
  evidence,
}: {
  title: ReactNode;
  /** null for a new record: no history, nothing to delete. */
  recordId: string | null;
  backLabel: string;
  onBack: () => void;
  onHistory: (id: string) => void;
  onSubmit: () => void;
  saving: boolean;
  saved: boolean;
  error: CasebookError | null;
  children: ReactNode;
  /** False for records that must never go (a vocabulary: its terms are retired instead). */
  deletable?: boolean;
  /** The record's evidence files panel, after the record's own controls. */
  evidence?: ReactNode;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<CasebookError | null>(null);
  const savedOnArrival = useRef(saved);
  // A new editor takes the focus to its heading; one reloaded after a save leaves it be.
  useEffect(() => {
    if (!savedOnArrival.current) heading.current?.focus();
  }, []);

  const remove = async () => {
    if (!recordId) return;
    const result = await api().records.delete({ id: recordId });
    if (result.ok) onBack();
    else setDeleteError(result.error);
  };

  return (
    <form
      className="editor"
      noValidate
      aria-labelledby={`${uid}-title`}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <div className="page-heading">
        <h1 id={`${uid}-title`} ref={heading} tabIndex={-1}>
          {title}
        </h1>
      </div>
      <div className="toolbar">
        <button type="button" className="button" onClick={onBack}>
          {backLabel}
        </button>
        {recordId ? (
          <button type="button" className="button" onClick={() => onHistory(recordId)}>
            {t('person.history')}
          </button>
        ) : null}
      </div>
      {children}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {recordId ? t('person.saveRevision') : t('person.save')}
        </button>
        <p className="status" role="status">
          {saving ? t('people.adding') : saved ? t('person.saved') : ''}
        </p>
      </div>
      {recordId && deletable ? (
        <div className="danger-zone">
          <ErrorMessage error={deleteError} />
          {confirmDelete ? (
            <div className="message message-warning" role="alert">
              <p>{t('forms.deleteConfirm')}</p>
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
              {t('forms.delete')}
            </button>
          )}
        </div>
      ) : null}
      {evidence}
    </form>
  );
}
