import { forwardRef, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

import { termOptions, useVocabularies } from '../vocabularies';

/** A term of one of the vault's vocabularies, labelled in the UI's language (termLabel). */
export const TermSelect = forwardRef<
  HTMLSelectElement,
  SelectHTMLAttributes<HTMLSelectElement> & { vocabulary: string; chosen: string }
>(function TermSelect({ vocabulary, chosen, ...props }, ref) {
  const { t } = useTranslation();
  const vocabularies = useVocabularies();
  return (
    <select ref={ref} {...props}>
      <option value="">{vocabularies ? t('common.notChosen') : t('common.loading')}</option>
      {termOptions(vocabularies?.[vocabulary], chosen).map((term) => (
        <option key={term.id} value={term.id}>
          {term.label}
        </option>
      ))}
    </select>
  );
});
