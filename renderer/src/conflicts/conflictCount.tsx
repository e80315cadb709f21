import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';

import { api } from '../api';

interface ConflictCount {
  /** Records with conflicts; null until counted in this session. */
  readonly count: number | null;
  set(count: number): void;
  refresh(): Promise<void>;
  clear(): void;
}

/** How many records have conflicts: the navigation's badge, refreshed by the screen. */
export const useConflictCount = create<ConflictCount>()((set) => ({
  count: null,
  set: (count) => set({ count }),
  async refresh() {
    const result = await api().conflicts.list();
    if (result.ok) set({ count: result.value.records.length });
  },
  clear: () => set({ count: null }),
}));

/** The count beside "Conflicts" in the navigation, when there are any. */
export function ConflictBadge() {
  const { t } = useTranslation();
  const count = useConflictCount((state) => state.count);
  useEffect(() => {
    void useConflictCount.getState().refresh();
    // The count belongs to this session: a lock unmounts the navigation and drops it.
    return () => useConflictCount.getState().clear();
  }, []);
  if (!count) return null;
  return (
    <>
      {' '}
      <span className="badge">
        <span className="visually-hidden">{t('conflicts.badge')} </span>
        {count}
      </span>
    </>
  );
}
