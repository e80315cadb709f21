import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { isLanguage, languageNames, languages } from '../../../shared/i18n';
import { changeLanguage, currentLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('common.language')}</label>
      <select
        id={id}
        value={currentLanguage()}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void changeLanguage(event.target.value);
        }}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageNames[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
