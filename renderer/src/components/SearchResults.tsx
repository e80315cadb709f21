import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

import type { SearchHitValue } from '../../../shared/ipc/contract';

/** Search hits as a listbox: arrows move, Enter or a click opens. */
export function SearchResults({
  hits,
  label,
  onOpen,
  listRef,
}: {
  hits: readonly SearchHitValue[];
  label: string;
  onOpen: (hit: SearchHitValue) => void;
  listRef?: Ref<HTMLUListElement>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [active, setActive] = useState(0);
  if (hits.length === 0) {
    return (
      <p className="empty" role="status">
        {t('search.none')}
      </p>
    );
  }
  const current = Math.min(active, hits.length - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const next = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: hits.length - 1,
    }[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(hits.length - 1, next)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(hits[current]!);
    }
  };
  return (
    <>
      <p className="status" role="status">
        {t('search.count', { total: hits.length })}
      </p>
      <ul
        ref={listRef}
        className="result-list"
        role="listbox"
        tabIndex={0}
        aria-label={label}
        aria-activedescendant={`${id}-${current}`}
        onKeyDown={onKeyDown}
      >
        {hits.map((hit, index) => (
          <li
            key={hit.id}
            id={`${id}-${index}`}
            role="option"
            aria-selected={index === current}
            className="list-row result-row"
            onClick={() => {
              setActive(index);
              onOpen(hit);
            }}
          >
            <span className="person-name" dir="auto">
              {hit.label || t('people.unnamed')}
            </span>
            <span className="muted">
              {t(`recordTypes.${hit.type as 'person'}`, { defaultValue: hit.type })} ·{' '}
              {t(`search.tier.${hit.matched}`)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
