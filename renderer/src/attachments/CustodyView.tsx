import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { ChannelResult } from '../../../shared/ipc/contract';
import type { EvidenceFile } from '../../../shared/ipc/attachments';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatInstant, shortHash } from './fileFacts';

/** A file's custody log, oldest first, and whether its hash chain holds. */
export function CustodyView({ file }: { file: EvidenceFile }) {
  const { t } = useTranslation();
  const [view, setView] = useState<ChannelResult<'attachments.custody'> | null>(null);
  const [error, setError] = useState<CasebookError | null>(null);

  useEffect(() => {
    let gone = false;
    void api()
      .attachments.custody({ fileId: file.fileId })
      .then((result) => {
        if (gone) return;
        if (result.ok) setView(result.value);
        else setError(result.error);
      });
    return () => {
      gone = true;
    };
  }, [file.fileId]);

  if (error) return <ErrorMessage error={error} />;
  if (!view) return <p role="status">{t('common.loading')}</p>;
  const intact = view.problems.length === 0;
  return (
    <div className="custody">
      <p
        className={intact ? 'message custody-intact' : 'message message-error'}
        role={intact ? 'status' : 'alert'}
      >
        {intact ? t('attachments.custodyIntact') : t('attachments.custodyBroken')}
      </p>
      {intact ? null : (
        <ul className="custody-problems">
          {view.problems.map((problem, index) => (
            // English from the vault: the chain's own wording, for whoever investigates.
            <li key={index} lang="en">
              {problem}
            </li>
          ))}
        </ul>
      )}
      <table className="custody-table">
        <caption className="visually-hidden">
          {t('attachments.custodyHeading', { name: file.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('attachments.custodyIndex')}</th>
            <th scope="col">{t('attachments.custodyAction')}</th>
            <th scope="col">{t('attachments.custodyAt')}</th>
            <th scope="col">{t('attachments.custodyBy')}</th>
            <th scope="col">{t('attachments.custodyPurpose')}</th>
            <th scope="col">{t('attachments.custodyHash')}</th>
          </tr>
        </thead>
        <tbody>
          {view.entries.map((entry) => (
            <tr key={`${entry.index}-${entry.at}`}>
              <td>{entry.index + 1}</td>
              <td>{t(`attachments.actions.${entry.action}`)}</td>
              <td>{formatInstant(entry.at)}</td>
              <td dir="auto">{entry.by ?? ''}</td>
              <td dir="auto">{entry.purpose ?? ''}</td>
              <td>
                <code title={entry.sha256}>{shortHash(entry.sha256)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
