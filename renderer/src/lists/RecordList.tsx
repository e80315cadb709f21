import { useTranslation } from 'react-i18next';

import type { Result } from '../../../shared/errors';
import type { RecordHead, RecordPage } from '../../../shared/ipc/contract';
import { VirtualList } from './VirtualList';

/**
 * Records listed by their label (a person's name, a case's title): the VirtualList of
 * records.list and cases.list. A record that cannot be opened is a row that says so.
 */
export function RecordList({
  onOpen,
  rowLabel,
  fetchPage,
  ...props
}: {
  onOpen: (id: string) => void;
  version: number;
  onTotal: (total: number) => void;
  fetchPage: (offset: number, limit: number) => Promise<Result<RecordPage>>;
  label: string;
  empty: string;
  /** The row's text (a name, a title); null shows "(no name)". */
  rowLabel: (head: RecordHead) => string | null;
}) {
  const { t } = useTranslation();
  return (
    <VirtualList<RecordHead>
      {...props}
      fetchPage={fetchPage}
      canOpen={(head) => head.state === 'ok'}
      onOpen={(head) => {
        if (head.state === 'ok') onOpen(head.record.id);
      }}
      renderRow={(head) => {
        if (head.state === 'damaged') {
          return <span className="muted">{t('people.damagedRow', { id: head.id })}</span>;
        }
        const name = rowLabel(head);
        return name !== null ? (
          <span className="person-name" dir="auto">
            {name}
          </span>
        ) : (
          <span className="muted">{t('people.unnamed')}</span>
        );
      }}
    />
  );
}
