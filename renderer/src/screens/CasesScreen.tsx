import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { RecordHead } from '../../../shared/ipc/contract';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { FieldError } from '../components/FieldError';
import { SearchResults } from '../components/SearchResults';
import { TermSelect } from '../components/TermSelect';
import { useSearch, type SearchFilters } from '../search';
import { RecordList } from './PeopleList';

const dayPattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function caseTitle(head: RecordHead): string | null {
  if (head.state !== 'ok') return null;
  const title = head.record.body?.title;
  return typeof title === 'string' ? title : null;
}

/**
 * Cases: every case in a virtual list, narrowed by type and dates (cases.list), or found by
 * words as they are typed (search.query), with the same filters.
 */
export function CasesScreen({
  onOpen,
  onNew,
}: {
  onOpen: (id: string) => void;
  onNew: () => void;
}) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const [total, setTotal] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [caseType, setCaseType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const results = useRef<HTMLUListElement>(null);
  const fromOk = from.trim() === '' || dayPattern.test(from.trim());
  const toOk = to.trim() === '' || dayPattern.test(to.trim());
  const filters: SearchFilters = {
    ...(caseType ? { caseType } : {}),
    ...(fromOk && from.trim() ? { from: from.trim() } : {}),
    ...(toOk && to.trim() ? { to: to.trim() } : {}),
  };
  const filtersKey = JSON.stringify(filters);
  const { hits, error } = useSearch(query, ['case'], filters);
  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      api().cases.list({ offset, limit, ...(JSON.parse(filtersKey) as SearchFilters) }),
    [filtersKey],
  );

  return (
    <div className="people">
      <div className="page-heading">
        <h1 tabIndex={-1}>{t('cases.title')}</h1>
        {total !== null && query.trim() === '' ? (
          <p className="count">
            {t('people.count', { total: new Intl.NumberFormat(i18n.language).format(total) })}
          </p>
        ) : null}
      </div>
      <div className="toolbar">
        <button type="button" className="button" onClick={onNew}>
          {t('cases.newButton')}
        </button>
      </div>
      <div className="field search-field" role="search">
        <label htmlFor={`${uid}-search`}>{t('cases.search')}</label>
        <input
          id={`${uid}-search`}
          type="search"
          dir="auto"
          autoComplete="off"
          aria-describedby={`${uid}-search-hint`}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && results.current) {
              event.preventDefault();
              results.current.focus();
            }
          }}
        />
        <p className="hint" id={`${uid}-search-hint`}>
          {t('cases.searchHint')}
        </p>
      </div>
      <fieldset className="panel form-grid filters">
        <legend>{t('cases.filters')}</legend>
        <div className="field">
          <label htmlFor={`${uid}-type`}>{t('fields.type')}</label>
          <TermSelect
            id={`${uid}-type`}
            vocabulary="case-types"
            chosen={caseType}
            value={caseType}
            onChange={(event) => setCaseType(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-from`}>{t('cases.from')}</label>
          <input
            id={`${uid}-from`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="2020-08"
            aria-invalid={fromOk ? undefined : true}
            aria-describedby={`${uid}-dates-hint${fromOk ? '' : ` ${uid}-from-error`}`}
            value={from}
            onChange={(event) => setFrom(event.target.value)}
          />
          <FieldError id={`${uid}-from-error`} message={fromOk ? undefined : 'cases.dateFormat'} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-to`}>{t('cases.to')}</label>
          <input
            id={`${uid}-to`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="2021"
            aria-invalid={toOk ? undefined : true}
            aria-describedby={`${uid}-dates-hint${toOk ? '' : ` ${uid}-to-error`}`}
            value={to}
            onChange={(event) => setTo(event.target.value)}
          />
          <FieldError id={`${uid}-to-error`} message={toOk ? undefined : 'cases.dateFormat'} />
        </div>
        <p className="hint field-wide" id={`${uid}-dates-hint`}>
          {t('cases.datesHint')}
        </p>
      </fieldset>
      <section className="list-section" aria-label={t('cases.listLabel')}>
        {query.trim() !== '' ? (
          hits === null ? (
            <p className="status" role="status">
              {t('search.searching')}
            </p>
          ) : (
            <>
              <ErrorMessage error={error} />
              <SearchResults
                hits={hits}
                label={t('search.results')}
                onOpen={(hit) => onOpen(hit.id)}
                listRef={results}
              />
            </>
          )
        ) : (
          <RecordList
            key={filtersKey}
            version={0}
            onTotal={setTotal}
            onOpen={onOpen}
            fetchPage={fetchPage}
            label={t('cases.listLabel')}
            empty={filtersKey === '{}' ? t('cases.empty') : t('cases.noneMatch')}
            rowLabel={caseTitle}
          />
        )}
      </section>
    </div>
  );
}
