import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { RecordRevisionValue } from '../../../shared/ipc/contract';
import { fieldReferences, isModelRecordType, recordLabel, valuesAt } from '../../../shared/model';
import { api } from '../api';
import type { JsonObject } from '../../../shared/records';
import { ErrorMessage } from '../components/ErrorMessage';
import { fieldLabel, valueText } from '../records/formatValue';
import { useVocabularies } from '../vocabularies';

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
  const names = useReferencedNames(revisions);
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
      {revisions === null || names === null ? (
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
                {revision.parents.length > 1 ? (
                  <p className="muted">{t('history.merges', { total: revision.parents.length })}</p>
                ) : null}
                {revision.deleted ? (
                  <p className="muted">{t('history.deleted')}</p>
                ) : (
                  <RevisionChanges
                    revision={withNames(revision, names)}
                    previous={withNames(revisions[index + 1] ?? null, names)}
                  />
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/** The ids a revision refers to (a person, a case), each with the model path that holds it. */
function references(revision: RecordRevisionValue): { path: string; id: string }[] {
  if (!revision.body || !isModelRecordType(revision.type)) return [];
  return Object.keys(fieldReferences(revision.type)).flatMap((fieldPath) =>
    valuesAt(revision.body, fieldPath).flatMap(({ path, value }) =>
      typeof value === 'string' ? [{ path, id: value }] : [],
    ),
  );
}

/**
 * The names of the records the revisions refer to, by id: a history says "Person: Ігар Лосік",
 * not an id. An id that cannot be read (deleted since) stays as it is.
 */
function useReferencedNames(
  revisions: readonly RecordRevisionValue[] | null,
): ReadonlyMap<string, string> | null {
  const [names, setNames] = useState<{ key: string; names: ReadonlyMap<string, string> } | null>(
    null,
  );
  const ids = [...new Set((revisions ?? []).flatMap((r) => references(r).map((ref) => ref.id)))];
  const key = ids.join(',');
  useEffect(() => {
    if (key === '') return;
    let live = true;
    void Promise.all(
      key.split(',').map(async (id) => {
        const result = await api().records.get({ id });
        const label = result.ok && !result.value.deleted ? recordLabel(result.value) : '';
        return [id, label] as const;
      }),
    ).then((found) => {
      if (live) setNames({ key, names: new Map(found.filter(([, label]) => label !== '')) });
    });
    return () => {
      live = false;
    };
  }, [key]);
  // Null until the names of these revisions are known: ids are not shown even for a moment.
  if (revisions === null) return null;
  if (key === '') return new Map();
  return names?.key === key ? names.names : null;
}

/** The revision with each id it refers to replaced by that record's name, for reading. */
function withNames<R extends RecordRevisionValue | null>(
  revision: R,
  names: ReadonlyMap<string, string>,
): R {
  if (!revision?.body || names.size === 0) return revision;
  const body = structuredClone(revision.body);
  for (const { path, id } of references(revision)) {
    const name = names.get(id);
    if (name === undefined) continue;
    // `involvements[0].personId`: walk to the holder of the last key and replace the value.
    const keys = path.match(/[^.[\]]+/g) ?? [];
    let holder: unknown = body;
    for (const key of keys.slice(0, -1)) holder = (holder as Record<string, unknown>)[key];
    (holder as Record<string, unknown>)[keys[keys.length - 1]!] = name;
  }
  return { ...revision, body };
}

/** Top-level fields whose value differs between two bodies, in the newer body's order. */
function changedFields(body: JsonObject, before: JsonObject | null): string[] {
  const keys = [...Object.keys(body), ...Object.keys(before ?? {}).filter((k) => !(k in body))];
  return keys.filter(
    (key) => before === null || JSON.stringify(body[key]) !== JSON.stringify(before[key]),
  );
}

/**
 * What one revision changed, field by field, by the fields' translated labels; values as text
 * (terms by their labels, dates readable). The first revision shows every field it set.
 */
function RevisionChanges({
  revision,
  previous,
}: {
  revision: RecordRevisionValue;
  previous: RecordRevisionValue | null;
}) {
  const { t } = useTranslation();
  const vocabularies = useVocabularies();
  const body = revision.body ?? {};
  const before = previous === null || previous.deleted ? null : (previous.body ?? {});
  const changed = changedFields(body, before);
  return (
    <>
      <p dir="auto" className="person-name">
        {recordLabel({ type: revision.type, body })}
      </p>
      <p className="muted">{before === null ? t('history.created') : t('history.changed')}</p>
      {changed.length === 0 ? (
        <p className="muted">{t('history.noChanges')}</p>
      ) : (
        <dl className="revision-fields">
          {changed.map((key) => (
            <div key={key} className="revision-field">
              <dt>{fieldLabel(t, key)}</dt>
              <dd dir="auto">
                {key in body ? (
                  valueText(t, vocabularies, revision.type, key, body[key])
                ) : (
                  <span className="muted">{t('history.removed')}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
