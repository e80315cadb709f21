import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError, Result } from '../../../shared/errors';
import { ErrorMessage } from '../components/ErrorMessage';

const pageSize = 100;
const rowHeight = 44;

/** One page of a list as a channel answers it: rows, and how many there are in all. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface VirtualListProps<T> {
  /** Opens a row: Enter on the active row, or a click. */
  readonly onOpen: (item: T) => void;
  /** Changes when the list must be fetched again (a record was added). */
  readonly version: number;
  readonly onTotal: (total: number) => void;
  readonly fetchPage: (offset: number, limit: number) => Promise<Result<ListPage<T>>>;
  readonly label: string;
  readonly empty: string;
  /** Whether a row can be opened (a damaged record cannot). */
  readonly canOpen: (item: T) => boolean;
  /** The row's content, as text elements: record content is never markup. */
  readonly renderRow: (item: T) => ReactNode;
}

/**
 * Rows in one scrolling list that renders only the rows in view and fetches them a page at a
 * time: 100 000 records cost what 40 do. A listbox, so the keyboard moves through it (arrows,
 * Page Up/Down, Home, End) while focus stays on the list. To list other records (other
 * filters), give it another key.
 */
export function VirtualList<T>({
  version,
  onTotal,
  onOpen,
  fetchPage,
  label,
  empty,
  canOpen,
  renderRow,
}: VirtualListProps<T>) {
  const { t } = useTranslation();
  const listId = useId();
  const viewport = useRef<HTMLDivElement>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<ReadonlyMap<number, readonly T[]>>(new Map());
  const [error, setError] = useState<CasebookError | null>(null);
  const [active, setActive] = useState(0);
  // Pages asked for in this version of the list; a reply from an older version is dropped.
  const requested = useRef({ version, pages: new Set<number>() });

  const loadPage = useCallback(
    async (page: number, forVersion: number) => {
      const asked = requested.current;
      if (asked.version !== forVersion || asked.pages.has(page)) return;
      asked.pages.add(page);
      const result = await fetchPage(page * pageSize, pageSize);
      if (requested.current !== asked) return;
      if (!result.ok) {
        asked.pages.delete(page);
        setError(result.error);
        return;
      }
      setError(null);
      setTotal(result.value.total);
      setPages((previous) => new Map(previous).set(page, result.value.items));
    },
    [fetchPage],
  );

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => viewport.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const firstPage = Math.floor((rows[0]?.index ?? 0) / pageSize);
  const lastPage = Math.floor((rows[rows.length - 1]?.index ?? 0) / pageSize);

  useEffect(() => {
    if (requested.current.version !== version) {
      // Fetched again from the vault; rows on screen stay until their page is replaced.
      requested.current = { version, pages: new Set() };
      setPages((previous) => {
        const kept = new Map<number, readonly T[]>();
        for (let page = firstPage; page <= lastPage; page++) {
          const rows = previous.get(page);
          if (rows) kept.set(page, rows);
        }
        return kept;
      });
    }
    for (let page = firstPage; page <= lastPage; page++) void loadPage(page, version);
  }, [version, firstPage, lastPage, loadPage]);

  useEffect(() => {
    if (total !== null) onTotal(total);
  }, [total, onTotal]);

  if (total === null) {
    return error ? (
      <ErrorMessage error={error} />
    ) : (
      <p className="status" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (total === 0) return <p className="empty">{empty}</p>;

  const itemAt = (index: number) => pages.get(Math.floor(index / pageSize))?.[index % pageSize];
  const move = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const perScreen = Math.max(
      1,
      Math.floor((viewport.current?.clientHeight ?? 0) / rowHeight) - 1,
    );
    const target = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + perScreen,
      PageUp: active - perScreen,
      Home: 0,
      End: total - 1,
    }[event.key];
    if (event.key === 'Enter') {
      const item = itemAt(active);
      if (item !== undefined && canOpen(item)) {
        event.preventDefault();
        onOpen(item);
      }
      return;
    }
    if (target === undefined) return;
    event.preventDefault();
    move(target);
  };
  const activeRendered = rows.some((row) => row.index === active);

  return (
    <>
      <ErrorMessage error={error} />
      <div
        ref={viewport}
        className="list-viewport"
        role="listbox"
        tabIndex={0}
        aria-label={label}
        aria-activedescendant={activeRendered ? `${listId}-${active}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div className="list-canvas" style={{ blockSize: `${virtualizer.getTotalSize()}px` }}>
          {rows.map((row) => {
            const item = itemAt(row.index);
            return (
              <div
                key={row.key}
                id={`${listId}-${row.index}`}
                role="option"
                aria-selected={row.index === active}
                aria-posinset={row.index + 1}
                aria-setsize={total}
                className="list-row"
                style={{ transform: `translateY(${row.start}px)`, blockSize: `${row.size}px` }}
                onClick={() => {
                  setActive(row.index);
                  if (item !== undefined && canOpen(item)) onOpen(item);
                }}
              >
                {item === undefined ? (
                  <span className="muted">{t('people.loadingRow')}</span>
                ) : (
                  renderRow(item)
                )}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
