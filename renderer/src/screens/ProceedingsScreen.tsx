import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { proceedingStages, type BrowseRow } from '../../../shared/ipc/contract';
import { proceedingKinds } from '../../../shared/model';
import { termLabel } from '../../../shared/vocabularies';
import { currentLanguage } from '../i18n';
import { BrowseScreen } from '../lists/BrowseScreen';
import { DateRangeFields, useDateRange } from '../lists/DateRangeFilter';
import { chosen, FilterSelect, TermFilter } from '../lists/FilterSelect';
import { dateText } from '../records/formatValue';
import { objectOf, textOf } from '../records/useDraftForm';
import { useVocabularies } from '../vocabularies';
import { openLinked } from './DetentionsScreen';

/** The date a trial is known by: its verdict, else its last hearing. */
function trialDate(body: Record<string, unknown>): string | null {
  const verdict = dateText(objectOf(body.verdict).date);
  if (verdict) return verdict;
  const hearings = Array.isArray(body.hearings) ? body.hearings : [];
  return dateText(objectOf(hearings[hearings.length - 1]).date);
}

/** Every trial in the vault: who, when, which articles, which court; by article, kind, stage. */
export function ProceedingsScreen({ onOpen }: { onOpen: (id: string, personId: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const vocabularies = useVocabularies();
  const [article, setArticle] = useState('');
  const [kind, setKind] = useState('');
  const [stage, setStage] = useState('');
  const range = useDateRange();
  const rowText = (row: BrowseRow) => {
    const body = row.head.state === 'ok' ? (row.head.record.body ?? {}) : {};
    const charges = Array.isArray(body.charges) ? body.charges : [];
    const articles = charges
      .map((charge) =>
        typeof charge === 'string'
          ? termLabel(vocabularies?.articles, charge, currentLanguage())
          : '',
      )
      .filter(Boolean);
    return {
      primary: row.person,
      date: trialDate(body),
      detail: [textOf(body.court), ...articles].filter(Boolean).join(' · '),
    };
  };
  return (
    <BrowseScreen
      type="proceeding"
      title={t('lists.proceedings.title')}
      listLabel={t('lists.proceedings.listLabel')}
      searchLabel={t('lists.proceedings.search')}
      searchHint={t('lists.searchHint')}
      empty={t('lists.proceedings.empty')}
      noneMatch={t('lists.noneMatch')}
      filters={{
        ...chosen({ article, kind }),
        ...(stage ? { stage: stage as (typeof proceedingStages)[number] } : {}),
        ...range.filter,
      }}
      filterFields={
        <>
          <TermFilter
            id={`${uid}-article`}
            label={t('lists.proceedings.article')}
            vocabulary="articles"
            value={article}
            onChange={setArticle}
          />
          <FilterSelect
            id={`${uid}-kind`}
            label={t('fields.kind')}
            value={kind}
            onChange={setKind}
            options={proceedingKinds.map((value) => ({ value, label: t(`values.${value}`) }))}
          />
          <FilterSelect
            id={`${uid}-stage`}
            label={t('lists.proceedings.stage')}
            value={stage}
            onChange={setStage}
            options={proceedingStages.map((value) => ({
              value,
              label: t(`lists.proceedings.stages.${value}`),
            }))}
          />
          <DateRangeFields uid={uid} range={range} hint={t('lists.proceedings.datesHint')} />
        </>
      }
      rowText={rowText}
      onOpen={(row) => openLinked(row, 'personId', onOpen)}
    />
  );
}
