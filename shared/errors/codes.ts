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
] as const;

export type VaultErrorCode = (typeof vaultErrorCodes)[number];

/** An error as a value: what crosses the IPC boundary and what the CLI prints. */
export interface CasebookError {
  readonly code: VaultErrorCode;
  readonly message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CasebookError };
