import { useTranslation } from 'react-i18next';

import type { DuplicateCandidateValue } from '../../../shared/ipc/contract';

/** People already in the vault who may be this one under another spelling. */
export function DuplicateWarning({
  candidates,
  onOpen,
}: {
  candidates: readonly DuplicateCandidateValue[];
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  if (candidates.length === 0) return null;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  return (
    // Announced politely, without the status role: the form's own status line says "saved".
    <div className="message message-warning duplicate-warning" aria-live="polite">
      <p>{t('duplicates.intro')}</p>
      <ul>
        {candidates.slice(0, 5).map((candidate) => (
          <li key={candidate.id}>
            <button type="button" className="button-link" onClick={() => onOpen(candidate.id)}>
              <span dir="auto">{candidate.label || t('people.unnamed')}</span>
            </button>{' '}
            <span className="muted">
              {t('duplicates.similarity', {
                score: percent.format(Math.min(1, candidate.score)),
              })}
            </span>
          </li>
        ))}
      </ul>
      <p>{t('duplicates.advice')}</p>
    </div>
  );
}
