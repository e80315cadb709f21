/**
 * Record ids and types are stored in clear (docs/vault-format.md), so they are restricted
 * to a charset that cannot carry a name in Cyrillic or Arabic script, and that can be joined
 * with NUL into authenticated data without ambiguity.
 */
export const recordIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const recordTypePattern = /^[a-z][a-z0-9_-]{0,31}$/;
export const revisionIdPattern = /^[0-9a-f]{32}$/;

export function isRecordId(value: string): boolean {
  return recordIdPattern.test(value);
}

export function isRecordType(value: string): boolean {
  return recordTypePattern.test(value);
}

/** A JSON value as stored in a record body: what JSON.parse can return. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type JsonObject = { [key: string]: JsonValue };

/** One revision of a record as the vault hands it out after decryption. */
export interface RecordRevision {
  readonly id: string;
  readonly type: string;
  readonly revision: string;
  readonly parents: readonly string[];
  readonly device: string;
  /** ISO 8601 time the revision was written, from inside the ciphertext. */
  readonly at: string;
  readonly deleted: boolean;
  /** null for a tombstone. */
  readonly body: JsonObject | null;
}
