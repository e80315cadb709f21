import { VaultError, isVaultError } from '../../db';
import type { CasebookError, FieldError } from '../../shared/errors';

/** A record body its schema (or the vault's vocabularies) refuses, with every field at fault. */
export class RecordRefused extends VaultError {
  constructor(
    readonly fields: readonly FieldError[],
    message = 'The record was not saved: some fields need correcting.',
  ) {
    super('validation_failed', message);
  }

  override toValue(): CasebookError {
    return { code: this.code, message: this.message, fields: this.fields };
  }
}

export function internalError(): CasebookError {
  return {
    code: 'internal_error',
    message:
      'Casebook ran into a problem it did not expect. Try again; if it happens again, restart Casebook.',
  };
}

/**
 * An exception as the value that may cross a process boundary. A VaultError's message is
 * written to be shown; any other exception's message may quote record content or paths, so
 * only a generic value leaves, without message or stack.
 */
export function errorValue(error: unknown): CasebookError {
  return isVaultError(error) ? error.toValue() : internalError();
}

/** The inverse of errorValue, for the side that receives a value and rethrows it. */
export function errorFromValue(value: CasebookError): VaultError {
  return value.fields
    ? new RecordRefused(value.fields, value.message)
    : new VaultError(value.code, value.message);
}
