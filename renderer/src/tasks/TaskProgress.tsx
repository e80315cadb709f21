import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { TaskProgress as Progress } from '../../../shared/ipc/contract';
import type { Task } from './useTask';
import './tasks.css';

/** "Checking: 1200 of 5000", "Updating the search index: 3000", "Writing…". */
export function useProgressText(progress: Progress | null): string {
  const { t } = useTranslation();
  if (!progress) return t('tasks.starting');
  const stage = t(`tasks.stages.${progress.stage}`);
  if (progress.total !== null) {
    return t('tasks.doneOfTotal', { stage, done: progress.done, total: progress.total });
  }
  return progress.done > 0 ? t('tasks.doneOnly', { stage, done: progress.done }) : `${stage}…`;
}

/**
 * A running task: a labelled progress bar (indeterminate until the total is known), its text
 * read out politely, and Cancel (also Escape). Nothing while no task runs.
 */
export function TaskProgress({ task, cancellable = true }: { task: Task; cancellable?: boolean }) {
  const { t } = useTranslation();
  const labelId = useId();
  const text = useProgressText(task.progress);
  const { running, cancel } = task;

  useEffect(() => {
    if (!running || !cancellable) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        cancel();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [running, cancellable, cancel]);

  if (!running) return null;
  const { progress } = task;
  return (
    <div className="task-progress">
      <p id={labelId} className="task-progress-text" aria-live="polite">
        {task.cancelling ? t('tasks.cancelling') : text}
      </p>
      {progress?.total ? (
        <progress aria-labelledby={labelId} value={progress.done} max={progress.total} />
      ) : (
        <progress aria-labelledby={labelId} />
      )}
      {cancellable ? (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={cancel}
            disabled={task.cancelling}
            aria-keyshortcuts="Escape"
          >
            {t('tasks.cancel')}
          </button>
          <span className="hint">{t('tasks.cancelHint')}</span>
        </div>
      ) : null}
    </div>
  );
}
