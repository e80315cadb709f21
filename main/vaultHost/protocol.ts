import type { Argon2idCost } from '../../db';
import type { CasebookError } from '../../shared/errors';
import type { VaultOpName } from './vaultSession';

/** What the main thread gives the worker when it starts it. */
export interface VaultWorkerData {
  readonly nativeBinding?: string;
  readonly kdfCost?: Argon2idCost;
}

export interface VaultRequest {
  readonly id: number;
  readonly op: VaultOpName;
  readonly args: unknown;
}

export type VaultReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: CasebookError };
