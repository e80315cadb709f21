/**
 * Long tasks in the page: progress and cancel (main/ipc/tasks.ts has the main process's side).
 *
 *     const task = useTask();
 *     const result = await task.run((taskId) => api().import.records({ file, taskId }));
 *     if (!result.ok && result.error.code === 'cancelled') ...   // nothing was changed
 *     ...
 *     <TaskProgress task={task} />    // shown while it runs: stage, "done of total", Cancel
 *
 * `run` picks the task's id, listens to its `task.progress` events and resolves with the
 * channel's own answer. `task.cancel()` (the Cancel button, or Escape while it runs) asks the
 * main process to stop it; the channel then answers with the error code `cancelled`.
 */
export { useTask, type Task } from './useTask';
export { TaskProgress } from './TaskProgress';
