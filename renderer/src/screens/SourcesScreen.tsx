import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { BrowseRow } from '../../../shared/ipc/contract';
import { sourceKinds } from '../../../shared/model';
import { termLabel } from '../../../shared/vocabularies';
import { currentLanguage } from '../i18n';
import { BrowseScreen } from '../lists/BrowseScreen';
import { DateRangeFields, useDateRange } from '../lists/DateRangeFilter';
import { chosen, FilterSelect, TermFilter } from '../lists/FilterSelect';
import { dateText } from '../records/formatValue';
import { textOf } from '../records/useDraftForm';
import { useVocabularies } from '../vocabularies';

/** Every source in the vault: its title, when it was obtained, what it is; by kind, reliability. */
export function SourcesScreen({
  onOpen,
  onNew,
}: {
  onOpen: (id: string) => void;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const vocabularies = useVocabularies();
  const [kind, setKind] = useState('');
  const [reliability, setReliability] = useState('');
  const range = useDateRange();
  const rowText = (row: BrowseRow) => {
    const body = row.head.state === 'ok' ? (row.head.record.body ?? {}) : {};
    const trust =
      typeof body.reliability === 'string'
        ? termLabel(vocabularies?.['source-reliability'], body.reliability, currentLanguage())
        : '';
    return {
      primary: textOf(body.title) || null,
      date: dateText(body.obtainedOn),
      detail: [
        typeof body.kind === 'string' ? t(`sources.kinds.${body.kind as 'other'}`) : '',
        trust,
      ]
        .filter(Boolean)
        .join(' · '),
    };
  };
  return (
    <BrowseScreen
      type="source"
      title={t('sources.title')}
      listLabel={t('sources.listLabel')}
      searchLabel={t('sources.search')}
      searchHint={t('sources.searchHint')}
      empty={t('sources.empty')}
      noneMatch={t('lists.noneMatch')}
      filters={{ ...chosen({ kind, reliability }), ...range.filter }}
      actions={
        <div className="toolbar">
          <button type="button" className="button" onClick={onNew}>
            {t('sources.newButton')}
          </button>
        </div>
      }
      filterFields={
        <>
          <FilterSelect
            id={`${uid}-kind`}
            label={t('fields.kind')}
            value={kind}
            onChange={setKind}
            options={sourceKinds.map((value) => ({ value, label: t(`sources.kinds.${value}`) }))}
          />
          <TermFilter
            id={`${uid}-reliability`}
            label={t('sources.reliability')}
            vocabulary="source-reliability"
            value={reliability}
            onChange={setReliability}
          />
          <DateRangeFields uid={uid} range={range} hint={t('lists.datesHint')} />
        </>
      }
      rowText={rowText}
      onOpen={(row) => {
        if (row.head.state === 'ok') onOpen(row.head.record.id);
      }}
    />
  );
}
