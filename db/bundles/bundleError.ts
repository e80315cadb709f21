import { VaultError } from '../errors';

/**
 * Why a bundle was refused (docs/bundle.md, "Refusals"). Each has one message that says what
 * is wrong and what to do; every refusal leaves the vault exactly as it was.
 */
export type BundleProblem =
  | 'not_a_bundle'
  | 'damaged'
  | 'not_for_this_vault'
  | 'wrong_passphrase'
  | 'unsigned'
  | 'forged'
  | 'untrusted'
  | 'replayed'
  | 'oversized'
  | 'malformed'
  | 'too_new';

export class BundleError extends VaultError {
  constructor(
    readonly problem: BundleProblem,
    message: string,
  ) {
    super('invalid_input', `${message} Nothing was changed.`);
    this.name = 'BundleError';
  }
}

export function isBundleError(error: unknown): error is BundleError {
  return error instanceof BundleError;
}
