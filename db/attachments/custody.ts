import { createHash } from 'node:crypto';
import {
  custodyRecordType,
  formatRecordError,
  parseRecord,
  type CustodyEntry,
  type CustodyEntryAction,
} from '../../shared/model';
import { canonicalJson, type JsonObject } from '../../shared/records';
import { VaultError, isVaultError } from '../errors';
import type { Vault } from '../vault/vault';
import { attachmentNotFound, keyMissing } from './attachmentErrors';
import { Keyring, type CustodyAnchor } from './keyring';

/** A file's custody log is the record `<file id>-custody`; its revisions are the entries. */
export function custodyRecordId(fileId: string): string {
  return `${fileId}-custody`;
}

/** SHA-256 of an entry's canonical JSON: what the next entry names as `previous`. */
export function custodyEntryHash(entry: CustodyEntry): Uint8Array {
  return createHash('sha256')
    .update(canonicalJson(entry as unknown as JsonObject), 'utf8')
    .digest();
}

/** What a caller says about a step in a file's custody; the rest is filled in. */
export interface CustodyStep {
  readonly action: CustodyEntryAction;
  readonly by?: string | undefined;
  readonly purpose?: string | undefined;
  /** SHA-256 of the bytes at this step; the intake hash when left out. */
  readonly sha256?: string | undefined;
  readonly at?: string | undefined;
}

/** An entry as stored: optional fields absent rather than undefined, so its hash is stable. */
export function custodyEntry(
  fileId: string,
  index: number,
  step: CustodyStep & { sha256: string; at: string },
  previous: Uint8Array | null,
): CustodyEntry {
  const entry: Record<string, unknown> = {
    fileId,
    index,
    action: step.action,
    at: step.at,
    sha256: step.sha256,
  };
  if (step.by !== undefined) entry.by = step.by;
  if (step.purpose !== undefined) entry.purpose = step.purpose;
  if (previous) entry.previous = Buffer.from(previous).toString('hex');
  const parsed = parseRecord(custodyRecordType, entry);
  if (!parsed.ok) {
    throw new VaultError(
      'invalid_input',
      `The custody entry was not written: ${parsed.errors.map(formatRecordError).join('; ')}.`,
    );
  }
  return entry as CustodyEntry;
}

/** Every entry of a file's custody log, oldest first, as stored. */
export function custodyLog(vault: Vault, fileId: string): CustodyEntry[] {
  let revisions;
  try {
    revisions = vault.history(custodyRecordId(fileId));
  } catch (error) {
    if (isVaultError(error) && error.code === 'record_not_found') throw attachmentNotFound(fileId);
    throw error;
  }
  return revisions
    .filter((revision) => !revision.deleted && revision.body !== null)
    .map((revision) => revision.body as unknown as CustodyEntry);
}

/**
 * What is wrong with a custody log, one sentence per problem (empty when nothing is). The log
 * starts with the intake; every later entry names, as `previous`, the hash of an entry before
 * it numbered one less (a line of entries, or, after a bundle merged entries two devices added
 * at the same time, a tree of them); and the log must end where the anchor sealed with the
 * file's key says it does: as many entries, and the newest the one written last.
 */
export function custodyProblems(
  fileId: string,
  entries: readonly CustodyEntry[],
  anchor: CustodyAnchor,
): string[] {
  const problems: string[] = [];
  const earlier = new Map<string, number>();
  entries.forEach((entry, position) => {
    const where = `entry ${position + 1}`;
    if (entry.fileId !== fileId) problems.push(`${where} belongs to another file`);
    if (position === 0) {
      if (entry.action !== 'intake' || entry.index !== 0 || entry.previous !== undefined)
        problems.push('the first entry is not the intake');
    } else if (entry.previous === undefined || earlier.get(entry.previous) !== entry.index - 1) {
      problems.push(
        `${where} (number ${entry.index}) does not follow an entry before it: an entry was altered, removed or moved`,
      );
    }
    earlier.set(Buffer.from(custodyEntryHash(entry)).toString('hex'), entry.index);
  });
  if (entries.length !== anchor.count)
    problems.push(
      `the log has ${entries.length} entries where ${anchor.count} were written: entries were removed or added outside Casebook`,
    );
  // Each entry is stored after the one it follows, so the last stored is the one to follow next.
  else if (
    entries.length > 0 &&
    !Buffer.from(custodyEntryHash(entries.at(-1)!)).equals(Buffer.from(anchor.head))
  )
    problems.push('the newest entry is not the one that was written last');
  return problems;
}

/**
 * Appends an entry to a file's custody log (an export, a bundle ...), in one transaction with
 * the anchor kept beside the file's key. For other modules: export and bundles call this.
 */
export function appendCustody(vault: Vault, fileId: string, step: CustodyStep): CustodyEntry {
  const keyring = new Keyring(vault);
  const fileKey = keyring.get(fileId);
  if (!fileKey) {
    throw attachmentExists(vault, fileId) ? keyMissing(fileId) : attachmentNotFound(fileId);
  }
  try {
    const intake = vault.get(fileId).body as { sha256: string };
    // After a merge the log holds more entries than its line has steps: number after the newest.
    const newest = custodyLog(vault, fileId).at(-1);
    const entry = custodyEntry(
      fileId,
      newest ? newest.index + 1 : fileKey.anchor.count,
      { ...step, sha256: step.sha256 ?? intake.sha256, at: step.at ?? new Date().toISOString() },
      fileKey.anchor.head,
    );
    vault.batch(() => {
      vault.put(custodyRecordType, entry as unknown as JsonObject, { id: custodyRecordId(fileId) });
      keyring.put(fileId, {
        key: fileKey.key,
        anchor: { count: fileKey.anchor.count + 1, head: custodyEntryHash(entry) },
      });
    });
    return entry;
  } finally {
    fileKey.key.fill(0);
  }
}

function attachmentExists(vault: Vault, fileId: string): boolean {
  try {
    return vault.get(fileId).type === 'attachment';
  } catch {
    return false;
  }
}
