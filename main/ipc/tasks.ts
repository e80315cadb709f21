/**
 * Long tasks: progress and cancel across IPC (unlock of a large vault, import, report ...).
 *
 * How to use, for a channel that runs long:
 *
 * 1. In shared/ipc/contract.ts, give the channel's arguments `taskId: taskIdSchema` (the page
 *    chooses it, a UUID); add any stage name it reports to `taskStages` and translate it under
 *    `tasks.stages` in the four catalogs.
 * 2. In its service (which receives `(args, caller)` from the router), wrap the work:
 *
 *        'report.write': (args, caller) =>
 *          runTask(tasks, args.taskId, caller, async (task) => {
 *            task.progress(0, pages, 'render');   // throttled here, sent only to the caller
 *            ...
 *            if (task.signal.aborted) throw cancelledError();  // between batches
 *          }),
 *
 *    Vault work goes to the worker with the task: `host.call(op, args, task)`. There the op
 *    receives a TaskControl (main/vaultHost/taskControl.ts) whose `progress` crosses back as
 *    messages and whose `checkpoint()` throws `cancelled` once the main thread cancelled.
 *    Let a cancelled task's transaction roll back: `cancelled` promises nothing was changed.
 * 3. In the page, `useTask()` and `<TaskProgress>` from renderer/src/tasks.
 *
 * `task.cancel` from the page, and any lock of the vault, abort the task's signal.
 */
import { VaultError } from '../../db';
import type { TaskProgress, TaskStage } from '../../shared/ipc/contract';

/** Delivers a progress event to the one frame that started the task. */
export type TaskSender = (progress: TaskProgress) => void;

/**
 * Who made an IPC call, as the services see it: the app's ipcMain handler and the e2e
 * harness's page binding each make one sender per frame, the same object for every call.
 */
export interface Caller {
  readonly sender: TaskSender;
}

/** A caller that hears nothing: unit tests, and calls without a frame. */
export const silentCaller: Caller = { sender: () => {} };

export interface RunningTask {
  readonly taskId: string;
  /** false for work run without a task id: nobody sees its progress or can cancel it. */
  readonly watched: boolean;
  /** Aborted by task.cancel from the same frame, or by a lock of the vault. */
  readonly signal: AbortSignal;
  /** How far the task has come: cheap to call often, sent at most ~10 times a second. */
  progress(done: number, total: number | null, stage: TaskStage): void;
}

export interface TaskRegistryOptions {
  /** The shortest time between two progress events of one task, unless its stage changes. */
  readonly intervalMs?: number;
}

export function cancelledError(): VaultError {
  return new VaultError('cancelled', 'Cancelled. Nothing was changed.');
}

interface Entry {
  readonly controller: AbortController;
  readonly sender: TaskSender;
  end(): void;
}

/**
 * The tasks running now, by the id the page chose. A task's progress goes to the sender that
 * began it, throttled: the first report and every change of stage at once (there are few),
 * then at most one per interval, the latest of them (a trailing report is never lost).
 */
export class TaskRegistry {
  private readonly running = new Map<string, Entry>();
  private readonly intervalMs: number;

  constructor(options: TaskRegistryOptions = {}) {
    this.intervalMs = options.intervalMs ?? 100;
  }

  get size(): number {
    return this.running.size;
  }

  begin(taskId: string, sender: TaskSender): RunningTask {
    if (this.running.has(taskId)) {
      throw new VaultError(
        'invalid_request',
        'A task with this id is already running. Wait for it to finish, or cancel it.',
      );
    }
    const controller = new AbortController();
    let latest: TaskProgress | null = null;
    let lastSentAt = -Infinity;
    let lastStage: TaskStage | null = null;
    let timer: NodeJS.Timeout | undefined;
    let ended = false;

    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (latest === null || ended) return;
      const progress = latest;
      latest = null;
      lastSentAt = Date.now();
      lastStage = progress.stage;
      try {
        sender(progress);
      } catch {
        // The frame is gone; the task itself goes on until it ends or is cancelled.
      }
    };

    const entry: Entry = {
      controller,
      sender,
      end: () => {
        ended = true;
        clearTimeout(timer);
      },
    };
    this.running.set(taskId, entry);

    return {
      taskId,
      watched: true,
      signal: controller.signal,
      progress: (done, total, stage) => {
        if (ended || controller.signal.aborted) return;
        latest = { taskId, done, total, stage };
        const wait = lastSentAt + this.intervalMs - Date.now();
        if (stage !== lastStage || wait <= 0) flush();
        else timer ??= setTimeout(flush, wait);
      },
    };
  }

  /** The task is over (done, failed or cancelled): no progress is sent for it any more. */
  end(taskId: string): void {
    this.running.get(taskId)?.end();
    this.running.delete(taskId);
  }

  /**
   * Aborts the task if it is running and was begun by this sender (a frame may not cancel
   * another's work). Whether there was such a task.
   */
  cancel(taskId: string, sender?: TaskSender): boolean {
    const entry = this.running.get(taskId);
    if (!entry || (sender !== undefined && entry.sender !== sender)) return false;
    entry.controller.abort();
    return true;
  }

  /** On lock: every running task stops. */
  cancelAll(): void {
    for (const entry of this.running.values()) entry.controller.abort();
  }
}

/** A task nobody watches or cancels: a long channel called without a taskId. */
function unwatchedTask(): RunningTask {
  return { taskId: '', watched: false, signal: new AbortController().signal, progress: () => {} };
}

/**
 * Runs `work` as the task `taskId` of this caller, and ends it however the work ends. A task
 * cancelled while it ran answers `cancelled`, whatever the work threw on its way out.
 */
export async function runTask<T>(
  tasks: TaskRegistry,
  taskId: string | undefined,
  caller: Caller,
  work: (task: RunningTask) => Promise<T> | T,
): Promise<T> {
  if (taskId === undefined) return work(unwatchedTask());
  const task = tasks.begin(taskId, caller.sender);
  try {
    return await work(task);
  } catch (error) {
    if (task.signal.aborted) throw cancelledError();
    throw error;
  } finally {
    tasks.end(taskId);
  }
}
