import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { BrowseRow } from '../../../shared/ipc/contract';
import { termLabel } from '../../../shared/vocabularies';
import { currentLanguage } from '../i18n';
import { BrowseScreen } from '../lists/BrowseScreen';
import { DateRangeFields, useDateRange } from '../lists/DateRangeFilter';
import { chosen, TermFilter } from '../lists/FilterSelect';
import { dateText } from '../records/formatValue';
import { useVocabularies } from '../vocabularies';

/** Every detention in the vault: who, from when to when, where; by facility and dates. */
export function DetentionsScreen({ onOpen }: { onOpen: (id: string, personId: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const vocabularies = useVocabularies();
  const [facility, setFacility] = useState('');
  const range = useDateRange();
  const rowText = (row: BrowseRow) => {
    const body = row.head.state === 'ok' ? (row.head.record.body ?? {}) : {};
    const from = dateText(body.from);
    const to = dateText(body.to);
    return {
      primary: row.person,
      date: from ? `${from} – ${to ?? t('lists.detentions.stillHeld')}` : null,
      detail:
        typeof body.facility === 'string'
          ? termLabel(vocabularies?.facilities, body.facility, currentLanguage())
          : '',
    };
  };
  return (
    <BrowseScreen
      type="detention"
      title={t('lists.detentions.title')}
      listLabel={t('lists.detentions.listLabel')}
      searchLabel={t('lists.detentions.search')}
      searchHint={t('lists.searchHint')}
      empty={t('lists.detentions.empty')}
      noneMatch={t('lists.noneMatch')}
      filters={{ ...chosen({ facility }), ...range.filter }}
      filterFields={
        <>
          <TermFilter
            id={`${uid}-facility`}
            label={t('fields.facility')}
            vocabulary="facilities"
            value={facility}
            onChange={setFacility}
          />
          <DateRangeFields uid={uid} range={range} hint={t('lists.detentions.datesHint')} />
        </>
      }
      rowText={rowText}
      onOpen={(row) => openLinked(row, 'personId', onOpen)}
    />
  );
}

/** Opens a detention, trial or testimony in its editor, as from the page of its person. */
export function openLinked(
  row: BrowseRow,
  personField: 'personId' | 'intervieweeId',
  onOpen: (id: string, personId: string) => void,
): void {
  if (row.head.state !== 'ok') return;
  const personId = row.head.record.body?.[personField];
  onOpen(row.head.record.id, typeof personId === 'string' ? personId : '');
}
