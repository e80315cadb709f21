import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError, Result } from '../../../shared/errors';
import { ErrorMessage } from '../components/ErrorMessage';
import { TaskProgress, useTask } from '../tasks';

/** What a save through the system's dialog answers: nothing was written when the user closed it. */
interface Saved {
  readonly saved: boolean;
  readonly fileName?: string | undefined;
}

/**
 * The end of every way a file leaves the vault ("Save a copy", "Export for a report"): why it
 * leaves (kept in the custody log), the save itself as a long task with progress and Cancel,
 * and what came of it.
 */
export function SaveThroughDialog({
  save,
  label,
  disabled = false,
  onSaved,
}: {
  /** Makes the call; `purpose` is left out when the user gave none. */
  save: (options: { purpose?: string; taskId: string }) => Promise<Result<Saved>>;
  label: string;
  disabled?: boolean;
  onSaved: (fileName: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const task = useTask();
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<CasebookError | null>(null);
  const [notSaved, setNotSaved] = useState(false);

  const saveNow = async () => {
    setError(null);
    setNotSaved(false);
    const result = await task.run((taskId) =>
      save({ ...(purpose.trim() ? { purpose: purpose.trim() } : {}), taskId }),
    );
    if (!result.ok) setError(result.error);
    else if (result.value.saved) onSaved(result.value.fileName ?? '');
    else setNotSaved(true);
  };

  return (
    <>
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
          <button
            type="button"
            className="button button-primary"
            disabled={disabled}
            onClick={() => void saveNow()}
          >
            {label}
          </button>
        </div>
      )}
    </>
  );
}
