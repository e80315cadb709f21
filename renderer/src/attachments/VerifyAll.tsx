import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { ChannelResult } from '../../../shared/ipc/contract';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { TaskProgress, useTask } from '../tasks';

/** Every file of the vault decrypted and re-hashed, every custody chain checked, with progress. */
export function VerifyAll() {
  const { t } = useTranslation();
  const task = useTask();
  const [report, setReport] = useState<ChannelResult<'attachments.verify'> | null>(null);
  const [error, setError] = useState<CasebookError | null>(null);

  const verify = async () => {
    setReport(null);
    setError(null);
    const result = await task.run((taskId) => api().attachments.verify({ taskId }));
    if (result.ok) setReport(result.value);
    else setError(result.error);
  };

  return (
    <div className="verify-all">
      {task.running ? null : (
        <button type="button" className="button" onClick={() => void verify()}>
          {t('attachments.verifyAll')}
        </button>
      )}
      <TaskProgress task={task} />
      <ErrorMessage error={error} />
      {report === null ? null : report.problems.length === 0 ? (
        <p className="message" role="status">
          {t('attachments.verifyOk', { count: report.checked })}
        </p>
      ) : (
        <div className="message message-error" role="alert">
          <p>
            {t('attachments.verifyProblems', {
              checked: report.checked,
              count: report.problems.length,
            })}
          </p>
          <ul>
            {report.problems.map((problem, index) => (
              <li key={index}>
                {t(`attachments.problemKinds.${problem.kind}`, { fileId: problem.fileId })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
