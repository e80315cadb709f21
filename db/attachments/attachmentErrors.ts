import { VaultError } from '../errors';

/*
 * Every message names the attachment by its file id, never by its name: the name is as
 * sensitive as the file, and messages end up in terminals, logs and bug reports.
 */

export function attachmentNotFound(fileId: string): VaultError {
  return new VaultError(
    'record_not_found',
    `There is no attachment ${fileId} in this vault. List a record's attachments with "attachments RECORD_ID".`,
  );
}

export function bodyDamaged(fileId: string, what: string): VaultError {
  return new VaultError(
    'record_damaged',
    `Attachment ${fileId} cannot be read: its encrypted file ${what}. Nothing was written. Restore the attachment from a backup bundle.`,
  );
}

export function bodyMissing(fileId: string): VaultError {
  return new VaultError(
    'record_damaged',
    `Attachment ${fileId} cannot be read: its encrypted file is missing from the vault's attachments folder. Nothing was written. Restore the attachment from a backup bundle.`,
  );
}

export function keyMissing(fileId: string): VaultError {
  return new VaultError(
    'record_damaged',
    `Attachment ${fileId} cannot be read: its key is not in this vault (the file was destroyed, or the database was altered). Nothing was written. Restore the attachment from a backup bundle.`,
  );
}

export function keyDamaged(fileId: string): VaultError {
  return new VaultError(
    'record_damaged',
    `Attachment ${fileId} cannot be read: its stored key was altered or damaged. Nothing was written. Restore the attachment from a backup bundle.`,
  );
}

export function cancelled(what: string): VaultError {
  return new VaultError('cancelled', `Cancelled. ${what}`);
}
