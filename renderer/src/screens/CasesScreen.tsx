import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { RecordHead } from '../../../shared/ipc/contract';
import { api } from '../api';
import { DateRangeFields, useDateRange } from '../lists/DateRangeFilter';
import { TermFilter } from '../lists/FilterSelect';
import { ListScreen, SearchHits } from '../lists/ListScreen';
import { RecordList } from '../lists/RecordList';
import { useSearch, type SearchFilters } from '../search';

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
  const { t } = useTranslation();
  const uid = useId();
  const [total, setTotal] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [caseType, setCaseType] = useState('');
  const range = useDateRange();
  const filters: SearchFilters = { ...(caseType ? { caseType } : {}), ...range.filter };
  const filtersKey = JSON.stringify(filters);
  const { hits, error } = useSearch(query, ['case'], filters);
  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      api().cases.list({ offset, limit, ...(JSON.parse(filtersKey) as SearchFilters) }),
    [filtersKey],
  );

  return (
    <ListScreen
      title={t('cases.title')}
      total={query.trim() === '' ? total : null}
      listLabel={t('cases.listLabel')}
      search={{ label: t('cases.search'), hint: t('cases.searchHint'), query, onQuery: setQuery }}
      actions={
        <div className="toolbar">
          <button type="button" className="button" onClick={onNew}>
            {t('cases.newButton')}
          </button>
        </div>
      }
      filters={
        <>
          <TermFilter
            id={`${uid}-type`}
            label={t('fields.type')}
            vocabulary="case-types"
            value={caseType}
            onChange={setCaseType}
          />
          <DateRangeFields uid={uid} range={range} hint={t('cases.datesHint')} />
        </>
      }
    >
      {query.trim() !== '' ? (
        <SearchHits hits={hits} error={error} onOpen={onOpen} />
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
    </ListScreen>
  );
}
