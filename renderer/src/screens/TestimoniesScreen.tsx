import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { consentStates, type BrowseRow } from '../../../shared/ipc/contract';
import { BrowseScreen } from '../lists/BrowseScreen';
import { DateRangeFields, useDateRange } from '../lists/DateRangeFilter';
import { FilterSelect } from '../lists/FilterSelect';
import { dateText } from '../records/formatValue';
import { objectOf, textOf } from '../records/useDraftForm';
import { openLinked } from './DetentionsScreen';

type ConsentState = (typeof consentStates)[number];

/** Every testimony in the vault: who was interviewed, when, by whom; by consent and dates. */
export function TestimoniesScreen({ onOpen }: { onOpen: (id: string, personId: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [consent, setConsent] = useState('');
  const range = useDateRange();
  const rowText = (row: BrowseRow) => {
    const body = row.head.state === 'ok' ? (row.head.record.body ?? {}) : {};
    const given = objectOf(body.consent);
    const state: ConsentState =
      body.consent === undefined ? 'none' : given.withdrawnOn ? 'withdrawn' : 'given';
    return {
      primary: row.person,
      date: dateText(body.date),
      detail: [textOf(body.interviewer), t(`lists.testimonies.consentStates.${state}`)]
        .filter(Boolean)
        .join(' · '),
    };
  };
  return (
    <BrowseScreen
      type="testimony"
      title={t('lists.testimonies.title')}
      listLabel={t('lists.testimonies.listLabel')}
      searchLabel={t('lists.testimonies.search')}
      searchHint={t('lists.searchHint')}
      empty={t('lists.testimonies.empty')}
      noneMatch={t('lists.noneMatch')}
      filters={{ ...(consent ? { consent: consent as ConsentState } : {}), ...range.filter }}
      filterFields={
        <>
          <FilterSelect
            id={`${uid}-consent`}
            label={t('fields.consent')}
            value={consent}
            onChange={setConsent}
            options={consentStates.map((value) => ({
              value,
              label: t(`lists.testimonies.consentStates.${value}`),
            }))}
          />
          <DateRangeFields uid={uid} range={range} hint={t('lists.datesHint')} />
        </>
      }
      rowText={rowText}
      onOpen={(row) => openLinked(row, 'intervieweeId', onOpen)}
    />
  );
}
