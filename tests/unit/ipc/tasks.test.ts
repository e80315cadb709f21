// The long-task registry (main/ipc/tasks.ts): progress throttled and sent only to the frame
// that started the task; cancel by that frame only; a lock stops every task.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { isVaultError } from '../../../db';
import type { TaskProgress } from '../../../shared/ipc/contract';
import { TaskRegistry, runTask, type TaskSender } from '../../../main/ipc/tasks';

const idA = '6f1c1c62-5d43-4d8e-9a3b-1f2e3d4c5b6a';
const idB = '0b7e8f9a-1c2d-4e3f-8a5b-6c7d8e9f0a1b';

function frame(): { sender: TaskSender; heard: TaskProgress[] } {
  const heard: TaskProgress[] = [];
  return { sender: (progress) => heard.push(progress), heard };
}

describe('the task registry', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first report at once, then at most one per interval: the latest, never lost', () => {
    const tasks = new TaskRegistry({ intervalMs: 100 });
    const { sender, heard } = frame();
    const task = tasks.begin(idA, sender);
    for (let done = 1; done <= 500; done++) task.progress(done, 500, 'check');
    expect(heard).toEqual([{ taskId: idA, done: 1, total: 500, stage: 'check' }]);

    vi.advanceTimersByTime(100);
    expect(heard.map((p) => p.done)).toEqual([1, 500]);

    // A second of reports every millisecond: about ten events, the last one the latest.
    for (let ms = 1; ms <= 1_000; ms++) {
      vi.advanceTimersByTime(1);
      task.progress(500 + ms, 2_000, 'check');
    }
    vi.advanceTimersByTime(100);
    expect(heard.length).toBeGreaterThanOrEqual(10);
    expect(heard.length).toBeLessThanOrEqual(13);
    expect(heard.at(-1)).toEqual({ taskId: idA, done: 1_500, total: 2_000, stage: 'check' });
  });

  it('sends a change of stage at once', () => {
    const tasks = new TaskRegistry({ intervalMs: 100 });
    const { sender, heard } = frame();
    const task = tasks.begin(idA, sender);
    task.progress(0, null, 'deriveKey');
    task.progress(0, null, 'indexSearch');
    expect(heard.map((p) => p.stage)).toEqual(['deriveKey', 'indexSearch']);
  });

  it('sends each task its own progress, to the frame that started it only', () => {
    const tasks = new TaskRegistry();
    const a = frame();
    const b = frame();
    tasks.begin(idA, a.sender).progress(3, 10, 'write');
    tasks.begin(idB, b.sender).progress(7, null, 'readFile');
    expect(a.heard).toEqual([{ taskId: idA, done: 3, total: 10, stage: 'write' }]);
    expect(b.heard).toEqual([{ taskId: idB, done: 7, total: null, stage: 'readFile' }]);
  });

  it('sends nothing once a task has ended, not even a report that was waiting', () => {
    const tasks = new TaskRegistry({ intervalMs: 100 });
    const { sender, heard } = frame();
    const task = tasks.begin(idA, sender);
    task.progress(1, 10, 'write');
    task.progress(2, 10, 'write');
    tasks.end(idA);
    vi.advanceTimersByTime(1_000);
    task.progress(3, 10, 'write');
    expect(heard.map((p) => p.done)).toEqual([1]);
    expect(tasks.size).toBe(0);
  });

  it('lets only the frame that started a task cancel it', () => {
    const tasks = new TaskRegistry();
    const owner = frame();
    const other = frame();
    const task = tasks.begin(idA, owner.sender);
    expect(tasks.cancel(idA, other.sender)).toBe(false);
    expect(task.signal.aborted).toBe(false);
    expect(tasks.cancel(idA, owner.sender)).toBe(true);
    expect(task.signal.aborted).toBe(true);
    // Cancelled: what it reports on its way out is not sent.
    task.progress(5, 10, 'write');
    expect(owner.heard).toEqual([]);
    expect(tasks.cancel(idB, owner.sender)).toBe(false);
  });

  it('cancels every running task on lock', () => {
    const tasks = new TaskRegistry();
    const first = tasks.begin(idA, frame().sender);
    const second = tasks.begin(idB, frame().sender);
    tasks.cancelAll();
    expect(first.signal.aborted && second.signal.aborted).toBe(true);
  });

  it('refuses a second task with the id of one running', () => {
    const tasks = new TaskRegistry();
    tasks.begin(idA, frame().sender);
    expect(() => tasks.begin(idA, frame().sender)).toThrow(/already running/);
  });
});

describe('runTask', () => {
  it('answers cancelled when the task was cancelled while it ran, and ends it', async () => {
    const tasks = new TaskRegistry();
    const { sender } = frame();
    const running = runTask(tasks, idA, { sender }, async (task) => {
      await new Promise<void>((resolve) => task.signal.addEventListener('abort', () => resolve()));
      throw new Error('stopped half-way');
    });
    expect(tasks.cancel(idA, sender)).toBe(true);
    const error = await running.catch((caught: unknown) => caught);
    expect(isVaultError(error) && error.code).toBe('cancelled');
    expect(tasks.size).toBe(0);
  });

  it('passes a failure through, and a result, and ends the task either way', async () => {
    const tasks = new TaskRegistry();
    const { sender } = frame();
    await expect(
      runTask(tasks, idA, { sender }, () => Promise.reject(new Error('no'))),
    ).rejects.toThrow('no');
    expect(await runTask(tasks, idA, { sender }, () => 42)).toBe(42);
    expect(tasks.size).toBe(0);
  });

  it('runs work without a task id unwatched', async () => {
    const tasks = new TaskRegistry();
    expect(
      await runTask(tasks, undefined, { sender: () => {} }, (task) => {
        task.progress(1, 1, 'write');
        return task.signal.aborted;
      }),
    ).toBe(false);
    expect(tasks.size).toBe(0);
  });
});
