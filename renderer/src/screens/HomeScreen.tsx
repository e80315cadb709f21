import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AddPerson } from './AddPerson';
import { PeopleList } from './PeopleList';

/** The unlocked vault. For now one section, People; the entity lists and editors join it. */
export function HomeScreen({ folder }: { folder: string }) {
  const { t, i18n } = useTranslation();
  const [version, setVersion] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const added = useCallback(() => setVersion((current) => current + 1), []);
  return (
    <div className="screen screen-home">
      <div className="page-heading">
        <h1>{t('people.title')}</h1>
        {total !== null ? (
          <p className="count">
            {t('people.count', { total: new Intl.NumberFormat(i18n.language).format(total) })}
          </p>
        ) : null}
      </div>
      <p className="vault-folder">
        <span dir="auto">{t('home.vaultFolder', { folder })}</span>
      </p>
      <AddPerson onAdded={added} />
      <section className="list-section" aria-label={t('people.listLabel')}>
        <PeopleList version={version} onTotal={setTotal} />
      </section>
    </div>
  );
}
