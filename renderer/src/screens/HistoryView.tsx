import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { RecordRevisionValue } from '../../../shared/ipc/contract';
import { recordLabel } from '../../../shared/model';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';

/** Every revision of a record, newest first: history is never rewritten, only added to. */
export function HistoryView({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const [revisions, setRevisions] = useState<readonly RecordRevisionValue[] | null>(null);
  const [error, setError] = useState<CasebookError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    let live = true;
    void api()
      .records.history({ id })
      .then((result) => {
        if (!live) return;
        if (result.ok) setRevisions([...result.value.revisions].reverse());
        else setError(result.error);
      });
    return () => {
      live = false;
    };
  }, [id]);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <div className="history">
      <div className="page-heading">
        <h1 ref={heading} tabIndex={-1}>
          {t('history.title')}
        </h1>
      </div>
      <div className="toolbar">
        <button type="button" className="button" onClick={onBack}>
          {t('history.back')}
        </button>
      </div>
      <ErrorMessage error={error} />
      {revisions === null ? (
        error ? null : (
          <p className="status" role="status">
            {t('common.loading')}
          </p>
        )
      ) : (
        <>
          <p className="count">{t('history.count', { total: revisions.length })}</p>
          <ol className="revision-list">
            {revisions.map((revision, index) => (
              <li key={revision.revision} className="panel revision">
                <p className="revision-head">
                  <strong>{t('history.revision', { number: revisions.length - index })}</strong>{' '}
                  <time dateTime={revision.at}>{when.format(new Date(revision.at))}</time>
                  {index === 0 ? <span className="badge">{t('history.current')}</span> : null}
                </p>
                {revision.deleted ? (
                  <p className="muted">{t('history.deleted')}</p>
                ) : (
                  <RevisionFields revision={revision} />
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/** The fields of one revision, as text: names, then each other field as JSON. */
function RevisionFields({ revision }: { revision: RecordRevisionValue }) {
  const { t } = useTranslation();
  const body = revision.body ?? {};
  return (
    <>
      <p dir="auto" className="person-name">
        {recordLabel({ type: revision.type, body })}
      </p>
      <dl className="revision-fields">
        {Object.entries(body)
          .filter(
            ([key]) => key !== 'names' || (Array.isArray(body.names) && body.names.length > 1),
          )
          .map(([key, value]) => (
            <div key={key} className="revision-field">
              <dt>{t(`fields.${key as 'names'}`, { defaultValue: key })}</dt>
              <dd dir="auto">{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
            </div>
          ))}
      </dl>
    </>
  );
}
