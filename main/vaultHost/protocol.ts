import type { Argon2idCost } from '../../db';
import type { CasebookError } from '../../shared/errors';
import type { TaskStage } from '../../shared/ipc/contract';
import type { VaultOpName } from './vaultSession';

/** What the main thread gives the worker when it starts it. */
export interface VaultWorkerData {
  readonly nativeBinding?: string;
  readonly kdfCost?: Argon2idCost;
  /**
   * Tests only: an Int32 of permits. A long task takes one before each step a test may want to
   * catch it at (an import: each batch it writes after the first; an unlock watched from the
   * unlock screen: the search index catch-up), waiting, or noticing a cancel, until the test
   * grants it. So a test sees a task half-way without any timing.
   */
  readonly writeGate?: SharedArrayBuffer;
}

export interface VaultRequest {
  readonly id: number;
  readonly op: VaultOpName;
  readonly args: unknown;
  /**
   * For an operation run as a long task: one Int32 the main thread sets to 1 to cancel it.
   * Shared memory, because a busy worker (a synchronous transaction) reads no messages.
   */
  readonly cancelFlag?: SharedArrayBuffer;
}

export interface TaskProgressMessage {
  readonly done: number;
  readonly total: number | null;
  readonly stage: TaskStage;
}

export type VaultReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: CasebookError }
  /** Not an answer: how far the operation `id` has come. */
  | { readonly id: number; readonly progress: TaskProgressMessage };
