import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import type { RecordHead } from '../../../shared/ipc/contract';
import { api } from '../api';
import { RecordList } from '../lists/RecordList';

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
