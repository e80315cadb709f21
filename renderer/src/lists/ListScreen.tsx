import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { SearchHitValue } from '../../../shared/ipc/contract';
import { ErrorMessage } from '../components/ErrorMessage';
import { SearchResults } from '../components/SearchResults';

/**
 * The frame every list of the vault shares: a heading with the count, what comes before the
 * search (actions), a search box that filters as you type, the filters, and the list. Down
 * arrow in the search box moves to the list (or the results) below it.
 */
export function ListScreen({
  title,
  total,
  actions,
  search,
  filters,
  listLabel,
  children,
}: {
  title: string;
  /** Shown as "Records: N" when known. */
  total: number | null;
  actions?: ReactNode;
  search: {
    readonly label: string;
    readonly hint: string;
    readonly query: string;
    readonly onQuery: (query: string) => void;
  };
  /** The filter fields, in a fieldset named "Narrow the list". */
  filters?: ReactNode;
  listLabel: string;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const section = useRef<HTMLElement>(null);
  return (
    <div className="people">
      <div className="page-heading">
        <h1 tabIndex={-1}>{title}</h1>
        {total !== null ? (
          <p className="count">
            {t('people.count', { total: new Intl.NumberFormat(i18n.language).format(total) })}
          </p>
        ) : null}
      </div>
      {actions}
      <div className="field search-field" role="search">
        <label htmlFor={`${uid}-search`}>{search.label}</label>
        <input
          id={`${uid}-search`}
          type="search"
          dir="auto"
          autoComplete="off"
          aria-describedby={`${uid}-search-hint`}
          value={search.query}
          onChange={(event) => search.onQuery(event.target.value)}
          onKeyDown={(event) => {
            const list = section.current?.querySelector<HTMLElement>('[role="listbox"]');
            if (event.key === 'ArrowDown' && list) {
              event.preventDefault();
              list.focus();
            }
          }}
        />
        <p className="hint" id={`${uid}-search-hint`}>
          {search.hint}
        </p>
      </div>
      {filters ? (
        <fieldset className="panel form-grid filters">
          <legend>{t('cases.filters')}</legend>
          {filters}
        </fieldset>
      ) : null}
      <section ref={section} className="list-section" aria-label={listLabel}>
        {children}
      </section>
    </div>
  );
}

/** Search hits in place of the list while words are typed: searching, then the hits. */
export function SearchHits({
  hits,
  error,
  onOpen,
}: {
  hits: readonly SearchHitValue[] | null;
  error: CasebookError | null;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (hits === null) {
    return (
      <p className="status" role="status">
        {t('search.searching')}
      </p>
    );
  }
  return (
    <>
      <ErrorMessage error={error} />
      <SearchResults hits={hits} label={t('search.results')} onOpen={(hit) => onOpen(hit.id)} />
    </>
  );
}
