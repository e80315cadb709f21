import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { EvidenceFile } from '../../../shared/ipc/attachments';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { TaskProgress, useTask } from '../tasks';

/** "Save a copy": the original bytes, checked against the intake hash, through the save dialog. */
export function SaveCopy({
  file,
  onSaved,
}: {
  file: EvidenceFile;
  onSaved: (fileName: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const task = useTask();
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<CasebookError | null>(null);
  const [notSaved, setNotSaved] = useState(false);

  const save = async () => {
    setError(null);
    setNotSaved(false);
    const result = await task.run((taskId) =>
      api().attachments.saveCopy({
        fileId: file.fileId,
        ...(purpose.trim() ? { purpose: purpose.trim() } : {}),
        taskId,
      }),
    );
    if (!result.ok) setError(result.error);
    else if (result.value.saved) onSaved(result.value.fileName ?? '');
    else setNotSaved(true);
  };

  return (
    <div className="save-copy">
      <div className="field">
        <label htmlFor={`${id}-purpose`}>{t('attachments.purpose')}</label>
        <input
          id={`${id}-purpose`}
          type="text"
          dir="auto"
          maxLength={1_000}
          value={purpose}
          onChange={(event) => setPurpose(event.target.value)}
        />
      </div>
      <ErrorMessage error={error} />
      {notSaved ? <p role="status">{t('attachments.notSaved')}</p> : null}
      <TaskProgress task={task} />
      {task.running ? null : (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => void save()}>
            {t('attachments.saveNow')}
          </button>
        </div>
      )}
    </div>
  );
}
