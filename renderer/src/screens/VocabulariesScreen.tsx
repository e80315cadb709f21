import { useTranslation } from 'react-i18next';

import { closedVocabularyNames, vocabularyNames } from '../../../shared/model';
import { useVocabularies } from '../vocabularies';

const closed = new Set<string>(closedVocabularyNames);

/**
 * The vault's vocabularies: the lists pickers offer (regions, case types, articles ...), each
 * with how many terms it has; one opens in the vocabulary editor.
 */
export function VocabulariesScreen({ onOpen }: { onOpen: (name: string) => void }) {
  const { t } = useTranslation();
  const vocabularies = useVocabularies();
  return (
    <div className="vocabularies">
      <div className="page-heading">
        <h1 tabIndex={-1}>{t('vocabularies.title')}</h1>
      </div>
      <p className="hint">{t('vocabularies.intro')}</p>
      {vocabularies === null ? (
        <p className="status" role="status">
          {t('common.loading')}
        </p>
      ) : (
        <ul className="vocabulary-list" aria-label={t('vocabularies.listLabel')}>
          {vocabularyNames
            .filter((name) => vocabularies[name] !== undefined)
            .map((name) => {
              const terms = vocabularies[name]!.terms;
              const retired = terms.filter((term) => term.retired).length;
              return (
                <li key={name}>
                  <button type="button" className="button-link" onClick={() => onOpen(name)}>
                    {t(`vocabularies.names.${name}`)}
                  </button>{' '}
                  <span className="muted">
                    {t('vocabularies.termCount', { total: terms.length - retired })}
                    {retired > 0 ? ` · ${t('vocabularies.retiredCount', { total: retired })}` : ''}
                    {closed.has(name) ? ` · ${t('vocabularies.fixed')}` : ''}
                  </span>
                </li>
              );
            })}
        </ul>
      )}
    </div>
  );
}
