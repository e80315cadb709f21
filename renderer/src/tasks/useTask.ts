import { useCallback, useEffect, useRef, useState } from 'react';

import type { Result } from '../../../shared/errors';
import type { TaskProgress } from '../../../shared/ipc/contract';
import { api } from '../api';

export interface Task {
  /** Whether a task is running now. */
  readonly running: boolean;
  /** The latest progress of the running task; null before its first report. */
  readonly progress: TaskProgress | null;
  /** Cancel was asked for and the task has not answered yet. */
  readonly cancelling: boolean;
  /** Runs one task: `start` gets its id and makes the call that takes it. */
  run<T>(start: (taskId: string) => Promise<Result<T>>): Promise<Result<T>>;
  cancel(): void;
}

/** One long task at a time, with its progress and its cancel (see ./index.ts). */
export function useTask(): Task {
  const current = useRef<string | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(
    () =>
      api().on('task.progress', (payload) => {
        // Progress of a task this component did not start (or an earlier one) is not ours.
        if (payload.taskId === current.current) setProgress(payload);
      }),
    [],
  );

  // A task left running by a screen that went away is cancelled: nobody would see its end.
  useEffect(
    () => () => {
      const taskId = current.current;
      current.current = null;
      if (taskId) void api().task.cancel({ taskId });
    },
    [],
  );

  const run = useCallback(async <T>(start: (taskId: string) => Promise<Result<T>>) => {
    const taskId = crypto.randomUUID();
    current.current = taskId;
    setProgress(null);
    setCancelling(false);
    setRunning(true);
    try {
      return await start(taskId);
    } finally {
      if (current.current === taskId) {
        current.current = null;
        setRunning(false);
        setCancelling(false);
        setProgress(null);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    const taskId = current.current;
    if (!taskId) return;
    setCancelling(true);
    void api().task.cancel({ taskId });
  }, []);

  return { running, progress, cancelling, run, cancel };
}
