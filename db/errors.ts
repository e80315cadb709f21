import type { CasebookError, VaultErrorCode } from '../shared/errors';

/**
 * The one error type the vault throws on purpose. Its message is a full sentence a
 * documenter can act on and never contains record content; anything else that escapes
 * the vault is a bug and is reported by the caller as such, without its stack.
 */
export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }

  toValue(): CasebookError {
    return { code: this.code, message: this.message };
  }
}

export function isVaultError(error: unknown): error is VaultError {
  return error instanceof VaultError;
}

/** SQLite result codes that mean the file itself is damaged, not that we misused it. */
const damagedDatabaseCodes = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_IOERR_SHORT_READ',
]);

export function isDamagedDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && [...damagedDatabaseCodes].some((c) => code.startsWith(c));
}

export function damagedDatabase(file: string): VaultError {
  return new VaultError(
    'database_damaged',
    `The vault database ${file} is damaged (truncated or overwritten). Nothing was changed. Restore the vault from your latest backup bundle.`,
  );
}
