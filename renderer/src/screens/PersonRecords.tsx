import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';

import type { CasebookError } from '../../../shared/errors';
import type { RecordHead } from '../../../shared/ipc/contract';
import type { JsonObject } from '../../../shared/records';
import { termLabel } from '../../../shared/vocabularies';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { currentLanguage } from '../i18n';
import { dateText } from '../records/formatValue';
import { objectOf, textOf } from '../records/useDraftForm';
import { useVocabularies, type Vocabularies } from '../vocabularies';

export const linkedTypes = ['detention', 'proceeding', 'testimony'] as const;
export type LinkedType = (typeof linkedTypes)[number];

const sections = {
  detention: { heading: 'linked.detentions', add: 'linked.addDetention' },
  proceeding: { heading: 'linked.proceedings', add: 'linked.addProceeding' },
  testimony: { heading: 'linked.testimonies', add: 'linked.addTestimony' },
} as const;

/** A row's text: what tells one detention, trial or interview from another, as plain text. */
function rowText(
  t: TFunction,
  vocabularies: Vocabularies | null,
  type: LinkedType,
  body: JsonObject,
): string {
  const language = currentLanguage();
  const term = (vocabulary: string, value: unknown) =>
    typeof value === 'string' ? termLabel(vocabularies?.[vocabulary], value, language) : '';
  const parts: string[] = [];
  if (type === 'detention') {
    const from = dateText(body.from);
    const to = dateText(body.to);
    parts.push(term('facilities', body.facility));
    if (from) parts.push(to ? `${from} – ${to}` : from);
    parts.push(term('regimes', body.regime));
  } else if (type === 'proceeding') {
    const verdict = objectOf(body.verdict);
    if (typeof body.kind === 'string') parts.push(t(`values.${body.kind}` as 'values.criminal'));
    parts.push(textOf(body.court));
    parts.push(dateText(verdict.date) ?? '');
    if (typeof verdict.outcome === 'string')
      parts.push(t(`values.${verdict.outcome}` as 'values.convicted'));
  } else {
    parts.push(dateText(body.date) ?? '');
    parts.push(textOf(body.interviewer));
  }
  return parts.filter((part) => part.trim() !== '').join(' · ');
}

/**
 * The person's detentions, trials and testimonies (records.referring), each section with its
 * records to open and a button to add one.
 */
export function PersonRecords({
  personId,
  onOpen,
}: {
  personId: string;
  onOpen: (type: LinkedType, id: string | null) => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const vocabularies = useVocabularies();
  const [items, setItems] = useState<readonly RecordHead[] | null>(null);
  const [error, setError] = useState<CasebookError | null>(null);
  useEffect(() => {
    let live = true;
    void api()
      .records.referring({ id: personId, types: [...linkedTypes] })
      .then((result) => {
        if (!live) return;
        if (result.ok) setItems(result.value.items);
        else setError(result.error);
      });
    return () => {
      live = false;
    };
  }, [personId]);

  if (error) return <ErrorMessage error={error} />;
  return (
    <div className="linked-records">
      {linkedTypes.map((type) => {
        const rows = (items ?? []).filter(
          (head) => head.state === 'ok' && head.record.type === type,
        );
        return (
          <section key={type} className="panel linked" aria-labelledby={`${uid}-${type}`}>
            <h2 id={`${uid}-${type}`}>{t(sections[type].heading)}</h2>
            {items === null ? (
              <p className="status" role="status">
                {t('common.loading')}
              </p>
            ) : rows.length === 0 ? (
              <p className="muted">{t('linked.none')}</p>
            ) : (
              <ul className="linked-list">
                {rows.map((head) =>
                  head.state === 'damaged' ? (
                    <li key={head.id} className="muted">
                      {t('people.damagedRow', { id: head.id })}
                    </li>
                  ) : (
                    <li key={head.record.id}>
                      <button
                        type="button"
                        className="button-link"
                        onClick={() => onOpen(type, head.record.id)}
                      >
                        <span dir="auto">
                          {rowText(t, vocabularies, type, head.record.body ?? {}) ||
                            t('linked.untitled')}
                        </span>
                      </button>
                    </li>
                  ),
                )}
              </ul>
            )}
            <button type="button" className="button" onClick={() => onOpen(type, null)}>
              {t(sections[type].add)}
            </button>
          </section>
        );
      })}
      {(items ?? []).map((head) =>
        head.state === 'damaged' ? (
          <p key={head.id} className="muted">
            {t('people.damagedRow', { id: head.id })}
          </p>
        ) : null,
      )}
    </div>
  );
}
