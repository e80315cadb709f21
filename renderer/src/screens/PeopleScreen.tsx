import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AddPerson } from './AddPerson';
import { PeopleList } from './PeopleList';
import { ErrorMessage } from '../components/ErrorMessage';
import { SearchResults } from '../components/SearchResults';
import { useSearch } from '../search';

/** People: a search box that filters as you type (in any script), the list, and a quick add. */
export function PeopleScreen({
  folder,
  onOpen,
  onNew,
}: {
  folder: string;
  onOpen: (id: string) => void;
  onNew: () => void;
}) {
  const { t, i18n } = useTranslation();
  const searchId = useId();
  const [version, setVersion] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const results = useRef<HTMLUListElement>(null);
  const added = useCallback(() => setVersion((current) => current + 1), []);
  const { hits, error } = useSearch(query, ['person']);
  return (
    <div className="people">
      <div className="page-heading">
        <h1 tabIndex={-1}>{t('people.title')}</h1>
        {total !== null ? (
          <p className="count">
            {t('people.count', { total: new Intl.NumberFormat(i18n.language).format(total) })}
          </p>
        ) : null}
      </div>
      <p className="vault-folder">
        <span dir="auto">{t('home.vaultFolder', { folder })}</span>
      </p>
      <AddPerson onAdded={added} onOpen={onOpen} />
      <div className="toolbar">
        <button type="button" className="button" onClick={onNew}>
          {t('person.newButton')}
        </button>
      </div>
      <div className="field search-field" role="search">
        <label htmlFor={searchId}>{t('search.people')}</label>
        <input
          id={searchId}
          type="search"
          dir="auto"
          autoComplete="off"
          aria-describedby={`${searchId}-hint`}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && results.current) {
              event.preventDefault();
              results.current.focus();
            }
          }}
        />
        <p className="hint" id={`${searchId}-hint`}>
          {t('search.hint')}
        </p>
      </div>
      <section className="list-section" aria-label={t('people.listLabel')}>
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
          <PeopleList version={version} onTotal={setTotal} onOpen={onOpen} />
        )}
      </section>
    </div>
  );
}
