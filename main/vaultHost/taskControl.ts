// The worker's side of a long task (main/ipc/tasks.ts has the main thread's). The worker runs
// one synchronous transaction at a time and reads no message meanwhile, so a cancel arrives
// as a flag in shared memory that the operation reads between batches, and progress leaves
// as messages, which a busy worker can still post.
import type { TaskStage } from '../../shared/ipc/contract';
import { cancelledError } from '../ipc/tasks';
import type { TaskProgressMessage } from './protocol';

export interface TaskControl {
  /** Whether anyone sees this task's progress (extra work for the sake of it may be skipped). */
  readonly watched: boolean;
  /** Aborted once a checkpoint or a progress report has seen the cancel. */
  readonly signal: AbortSignal;
  /** Throws `cancelled` if the task was cancelled: call it between batches. */
  checkpoint(): void;
  /** How far the operation has come; also a checkpoint that aborts `signal`, never throws. */
  progress(done: number, total: number | null, stage: TaskStage): void;
}

/** An operation run without a task: nobody watches, nothing cancels. */
export const untracked: TaskControl = {
  watched: false,
  signal: new AbortController().signal,
  checkpoint: () => {},
  progress: () => {},
};

export function workerTaskControl(
  cancelFlag: SharedArrayBuffer,
  post: (progress: TaskProgressMessage) => void,
): TaskControl {
  const flag = new Int32Array(cancelFlag);
  const controller = new AbortController();
  const cancelled = () => {
    if (Atomics.load(flag, 0) !== 0) controller.abort();
    return controller.signal.aborted;
  };
  return {
    watched: true,
    signal: controller.signal,
    checkpoint: () => {
      if (cancelled()) throw cancelledError();
    },
    progress: (done, total, stage) => {
      if (!cancelled()) post({ done, total, stage });
    },
  };
}

/** The main thread's end of the flag: set once, when the task's signal aborts. */
export function cancelFlagFor(signal: AbortSignal): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const raise = () => {
    Atomics.store(new Int32Array(buffer), 0, 1);
    Atomics.notify(new Int32Array(buffer), 0);
  };
  if (signal.aborted) raise();
  else signal.addEventListener('abort', raise, { once: true });
  return buffer;
}

/**
 * Tests only (VaultWorkerData.writeGate): waits for a permit or for the cancel, whichever
 * comes first. Atomics.wait, so the worker sleeps rather than spins; a short timeout because
 * the permit and the cancel are two different words in memory.
 */
export function takePermit(gate: SharedArrayBuffer, task: TaskControl): void {
  const permits = new Int32Array(gate);
  for (;;) {
    task.checkpoint();
    const now = Atomics.load(permits, 0);
    if (now > 0 && Atomics.compareExchange(permits, 0, now, now - 1) === now) return;
    Atomics.wait(permits, 0, now, 20);
  }
}
