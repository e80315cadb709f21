import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError, Result } from '../../../shared/errors';
import type { RecordHead, RecordPage } from '../../../shared/ipc/contract';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';

const pageSize = 100;
const rowHeight = 44;

/** The first spelling of a person's name, if the body has one. */
function firstName(head: RecordHead): string | null {
  if (head.state !== 'ok') return null;
  const names = head.record.body?.names;
  if (!Array.isArray(names)) return null;
  const first: unknown = names[0];
  if (typeof first !== 'object' || first === null || !('value' in first)) return null;
  return typeof first.value === 'string' ? first.value : null;
}

/** Every person in the vault, as a RecordList. */
export function PeopleList({
  version,
  onTotal,
  onOpen,
}: {
  onOpen: (id: string) => void;
  version: number;
  onTotal: (total: number) => void;
}) {
  const { t } = useTranslation();
  const fetchPage = useCallback(
    (offset: number, limit: number) => api().records.list({ type: 'person', offset, limit }),
    [],
  );
  return (
    <RecordList
      version={version}
      onTotal={onTotal}
      onOpen={onOpen}
      fetchPage={fetchPage}
      label={t('people.listLabel')}
      empty={t('people.empty')}
      rowLabel={firstName}
    />
  );
}

/**
 * Records in one scrolling list that renders only the rows in view and fetches them a page at
 * a time: 100 000 records cost what 40 do. A listbox, so the keyboard moves through it
 * (arrows, Page Up/Down, Home, End) while focus stays on the list. To list other records
 * (other filters), give it another key.
 */
export function RecordList({
  version,
  onTotal,
  onOpen,
  fetchPage,
  label,
  empty,
  rowLabel,
}: {
  /** Opens a record: Enter on the active row, or a click. */
  onOpen: (id: string) => void;
  /** Changes when the list must be fetched again (a record was added). */
  version: number;
  onTotal: (total: number) => void;
  fetchPage: (offset: number, limit: number) => Promise<Result<RecordPage>>;
  label: string;
  empty: string;
  /** The row's text (a name, a title); null shows "(no name)". */
  rowLabel: (head: RecordHead) => string | null;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const viewport = useRef<HTMLDivElement>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<ReadonlyMap<number, readonly RecordHead[]>>(new Map());
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
        const kept = new Map<number, readonly RecordHead[]>();
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
      const head = pages.get(Math.floor(active / pageSize))?.[active % pageSize];
      if (head?.state === 'ok') {
        event.preventDefault();
        onOpen(head.record.id);
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
            const head = pages.get(Math.floor(row.index / pageSize))?.[row.index % pageSize];
            const name = head ? rowLabel(head) : null;
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
                  if (head?.state === 'ok') onOpen(head.record.id);
                }}
              >
                {!head ? (
                  <span className="muted">{t('people.loadingRow')}</span>
                ) : head.state === 'damaged' ? (
                  <span className="muted">{t('people.damagedRow', { id: head.id })}</span>
                ) : name !== null ? (
                  <span className="person-name" dir="auto">
                    {name}
                  </span>
                ) : (
                  <span className="muted">{t('people.unnamed')}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
