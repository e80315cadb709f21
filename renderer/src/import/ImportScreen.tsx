import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { BundleImport } from './BundleImport';
import { RecordsImport } from './RecordsImport';
import './import.css';

/**
 * The Import section: a records file or a bundle from another device. Each is checked whole
 * before anything is written, shows its progress, and can be cancelled without a trace.
 */
export function ImportScreen({
  onOpenConflicts,
  onImported = () => {},
}: {
  onOpenConflicts: () => void;
  onImported?: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="import">
      <div className="page-heading">
        <h1 ref={heading} tabIndex={-1}>
          {t('importer.title')}
        </h1>
      </div>
      <p>{t('importer.intro')}</p>
      <RecordsImport onImported={onImported} />
      <BundleImport onOpenConflicts={onOpenConflicts} onImported={onImported} />
    </div>
  );
}
