import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { BrowsableType, BrowseRow, ChannelInput } from '../../../shared/ipc/contract';
import { api } from '../api';
import { ListScreen } from './ListScreen';
import { VirtualList } from './VirtualList';

export type BrowseFilters = Omit<ChannelInput<'records.browse'>, 'type' | 'offset' | 'limit'>;

/** What a row shows: who (or what) it is about, when, and what tells it from its neighbours. */
export interface RowText {
  readonly primary: string | null;
  readonly date: string | null;
  readonly detail: string;
}

/**
 * A list of one type of record (records.browse): words typed narrow it as they are typed (the
 * person's name in any script, or the record's own text), the filters narrow it further, and
 * each row shows the person's name and the date.
 */
export function BrowseScreen({
  type,
  title,
  listLabel,
  searchLabel,
  searchHint,
  empty,
  noneMatch,
  filters,
  filterFields,
  rowText,
  onOpen,
  actions,
}: {
  type: BrowsableType;
  title: string;
  listLabel: string;
  searchLabel: string;
  searchHint: string;
  empty: string;
  noneMatch: string;
  /** Only filters that are set: a key with no value is left out. */
  filters: Omit<BrowseFilters, 'query'>;
  filterFields: ReactNode;
  rowText: (row: BrowseRow) => RowText;
  onOpen: (row: BrowseRow) => void;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const [total, setTotal] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const words = useSettled(query);
  const asked: BrowseFilters = { ...filters, ...(words.trim() ? { query: words.trim() } : {}) };
  const key = JSON.stringify(asked);
  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      api().records.browse({ type, offset, limit, ...(JSON.parse(key) as BrowseFilters) }),
    [type, key],
  );
  return (
    <ListScreen
      title={title}
      total={total}
      listLabel={listLabel}
      search={{ label: searchLabel, hint: searchHint, query, onQuery: setQuery }}
      actions={actions}
      filters={filterFields}
    >
      <VirtualList<BrowseRow>
        key={key}
        version={0}
        onTotal={setTotal}
        fetchPage={fetchPage}
        label={listLabel}
        empty={key === '{}' ? empty : noneMatch}
        canOpen={(row) => row.head.state === 'ok'}
        onOpen={onOpen}
        renderRow={(row) => {
          if (row.head.state === 'damaged') {
            return <span className="muted">{t('people.damagedRow', { id: row.head.id })}</span>;
          }
          const text = rowText(row);
          return (
            <>
              {text.primary ? (
                <span className="person-name" dir="auto">
                  {text.primary}
                </span>
              ) : (
                <span className="muted">{t('people.unnamed')}</span>
              )}
              {text.date ? <span className="row-date">{text.date}</span> : null}
              {text.detail ? (
                <span className="muted" dir="auto">
                  {text.detail}
                </span>
              ) : null}
            </>
          );
        }}
      />
    </ListScreen>
  );
}

/** How long typing must pause before the list is asked again: one query per word. */
const typingPauseMs = 150;

/** The value once it has stayed the same for a moment. */
function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), typingPauseMs);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}
