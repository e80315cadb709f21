import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AddPerson } from './AddPerson';
import { PeopleList } from './PeopleList';
import { ListScreen, SearchHits } from '../lists/ListScreen';
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
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const added = useCallback(() => setVersion((current) => current + 1), []);
  const { hits, error } = useSearch(query, ['person']);
  return (
    <ListScreen
      title={t('people.title')}
      total={total}
      listLabel={t('people.listLabel')}
      search={{ label: t('search.people'), hint: t('search.hint'), query, onQuery: setQuery }}
      actions={
        <>
          <p className="vault-folder">
            <span dir="auto">{t('home.vaultFolder', { folder })}</span>
          </p>
          <AddPerson onAdded={added} onOpen={onOpen} />
          <div className="toolbar">
            <button type="button" className="button" onClick={onNew}>
              {t('person.newButton')}
            </button>
          </div>
        </>
      }
    >
      {query.trim() !== '' ? (
        <SearchHits hits={hits} error={error} onOpen={onOpen} />
      ) : (
        <PeopleList version={version} onTotal={setTotal} onOpen={onOpen} />
      )}
    </ListScreen>
  );
}
