/**
 * The closed set of things that can go wrong with a vault, as they cross process boundaries
 * (CLI exit, IPC result). The UI translates by code; `message` is the English fallback.
 * No message ever carries record content: only ids, file names and what to do next.
 */
export const vaultErrorCodes = [
  'no_vault',
  'vault_exists',
  'wrong_secret',
  'keyslots_damaged',
  'keys_destroyed',
  'database_damaged',
  'database_too_new',
  'record_not_found',
  'record_deleted',
  'record_damaged',
  'type_mismatch',
  'invalid_input',
  'locked',
  // A record body that its schema refuses; `fields` says which fields and why.
  'validation_failed',
  // A call that does not fit the IPC contract: a bug in the caller, or a caller not to trust.
  'invalid_request',
  // The user cancelled a long task (task.cancel, or a lock while it ran); nothing was changed.
  'cancelled',
  // A report still held a value its profile removes: nothing was written (`fields` says where).
  'report_leak',
  // Anything nobody meant to throw. Its message is generic: the exception's is never passed on.
  'internal_error',
] as const;

export type VaultErrorCode = (typeof vaultErrorCodes)[number];

/** One field a record body was refused for: `names[0].value` and what is wrong with it. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** An error as a value: what crosses the IPC boundary and what the CLI prints. */
export interface CasebookError {
  readonly code: VaultErrorCode;
  readonly message: string;
  /** Only with `validation_failed`. */
  readonly fields?: readonly FieldError[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CasebookError };
