import { useEffect, useState } from 'react';

import type { CasebookError } from '../../shared/errors';
import type { RecordType } from '../../shared/model';
import type { ChannelInput, SearchHitValue } from '../../shared/ipc/contract';
import { api } from './api';

/** How long typing must pause before the vault is asked: one query per word, not per key. */
const typingPauseMs = 150;

export interface SearchState {
  readonly hits: readonly SearchHitValue[] | null;
  readonly error: CasebookError | null;
}

/** What narrows a search besides the words (search.query's filters). */
export type SearchFilters = Omit<ChannelInput<'search.query'>, 'query' | 'types' | 'limit'>;

/** Search as you type: the hits for the latest query (null while there is none). */
export function useSearch(
  query: string,
  types?: readonly RecordType[],
  filters: SearchFilters = {},
): SearchState {
  const [state, setState] = useState<SearchState>({ hits: null, error: null });
  const typesKey = types?.join(',') ?? '';
  const filtersKey = JSON.stringify(filters);
  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === '') {
      setState({ hits: null, error: null });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const wanted = typesKey === '' ? undefined : (typesKey.split(',') as RecordType[]);
      void api()
        .search.query({
          query: trimmed,
          ...(wanted ? { types: wanted } : {}),
          ...(JSON.parse(filtersKey) as SearchFilters),
          limit: 50,
        })
        .then((result) => {
          if (!live) return;
          setState(
            result.ok
              ? { hits: result.value.hits, error: null }
              : { hits: [], error: result.error },
          );
        });
    }, typingPauseMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, typesKey, filtersKey]);
  return state;
}

/** A random record id: ids are stored in clear, so they must never be made from a name. */
export function newRecordId(type: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return `${type}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
