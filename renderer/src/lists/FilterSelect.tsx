import { useTranslation } from 'react-i18next';

import { termLabel } from '../../../shared/vocabularies';
import { currentLanguage } from '../i18n';
import { useVocabularies } from '../vocabularies';

/** A filter over a closed set of values: "any", then each value by its translated label. */
export function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly { readonly value: string; readonly label: string }[];
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('lists.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The filters that are set, as a channel takes them: an empty choice is left out. */
export function chosen<K extends string>(
  values: Readonly<Record<K, string>>,
): Partial<Record<K, string>> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '')) as Partial<
    Record<K, string>
  >;
}

/**
 * A filter over a vocabulary's terms, retired ones too: old records still carry them and must
 * still be found.
 */
export function TermFilter({
  id,
  label,
  vocabulary,
  value,
  onChange,
}: {
  id: string;
  label: string;
  vocabulary: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const vocabularies = useVocabularies();
  const language = currentLanguage();
  const terms = vocabularies?.[vocabulary];
  const options = (terms?.terms ?? [])
    .map((term) => ({ value: term.id, label: termLabel(terms, term.id, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  return <FilterSelect id={id} label={label} value={value} options={options} onChange={onChange} />;
}
