import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { attachmentRecordType, custodyRecordType } from '../../shared/model';
import type { FieldValidator } from '../../shared/interchange';
import type { RecordRevision } from '../../shared/records';
import { loadSodium } from '../crypto/sodium';
import { VaultError, isVaultError } from '../errors';
import { readDeviceIdentity } from '../identity/deviceIdentity';
import { readTrust, trustDevice, trustedSigner, type DeviceEntry } from '../identity/trustStore';
import type { RevisionAdoption, Vault } from '../vault/vault';
import { BodyAdoption, appendCustodyToEach } from '../attachments';
import { damaged, decryptStream, fileStream, sealingOf, type OpeningKey } from './ageStream';
import { BundleError, isBundleError } from './bundleError';
import { markReceived, readBundleLog, wasReceived, writeBundleLog } from './bundleLog';
import {
  defaultMaxBundleBytes,
  maxLineBytes,
  parseBlobLine,
  parseEndLine,
  parseManifest,
  parsePartLine,
  parseRevisionLine,
  partBytes,
  partsOf as partCount,
  type BlobLine,
  type EndLine,
  type Manifest,
} from './format';
import { payloadHash, verifyPayload } from './signature';

export interface BundleImportOptions {
  /** Asked for only when the bundle is sealed with a passphrase. */
  readonly passphrase?: () => Promise<string>;
  /** Further age identities (AGE-SECRET-KEY-1...) to try besides this vault's own. */
  readonly identities?: readonly string[];
  /** The signing key (hex) of a device the person trusts for this import and from now on. */
  readonly trustSigner?: string;
  /** Restoring a backup: whoever signed it is trusted (the person chose this very file). */
  readonly trustAnySigner?: boolean;
  /** Checks each revision's fields against its type's schema. */
  readonly validate?: FieldValidator;
  readonly onProgress?: (progress: { done: number; total: number }) => void;
  /** Bytes of evidence files taken in so far, and in all (as the bundle announces them). */
  readonly onAttachmentProgress?: (progress: { done: number; total: number }) => void;
  readonly signal?: AbortSignal;
  /** Refuse files larger than this before decrypting anything. */
  readonly maxBytes?: number;
  /** Decrypt, verify and check everything, then roll back: the report says what would change. */
  readonly dryRun?: boolean;
}

export interface BundleImportReport {
  readonly bundle: string;
  readonly device: string;
  readonly signer: string;
  readonly scope: 'full' | 'incremental';
  readonly revisions: number;
  readonly added: number;
  readonly alreadyPresent: number;
  readonly records: number;
  /** Evidence files in the bundle; of them, restored here and already here. */
  readonly attachments: number;
  readonly attachmentsRestored: number;
  readonly attachmentsAlreadyPresent: number;
  /** The signer, when this import made it a trusted device. */
  readonly newlyTrusted?: DeviceEntry;
}

function fileHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(1024);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** The plaintext split into lines (each with its "\n"), none longer than a revision can be. */
async function* linesOf(plaintext: ReadableStream<Uint8Array>): AsyncGenerator<Buffer> {
  const reader = plaintext.getReader();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const tooLong = () =>
    new BundleError(
      'oversized',
      `This bundle holds a line longer than ${Math.round(maxLineBytes / 1024 / 1024)} MiB, more than any revision can be.`,
    );
  try {
    while (true) {
      let read: Awaited<ReturnType<typeof reader.read>>;
      try {
        read = await reader.read();
      } catch {
        throw damaged();
      }
      if (read.done) break;
      const chunk = Buffer.from(read.value.buffer, read.value.byteOffset, read.value.length);
      let start = 0;
      while (start < chunk.length) {
        const newline = chunk.indexOf(10, start);
        const end = newline < 0 ? chunk.length : newline + 1;
        pendingBytes += end - start;
        if (pendingBytes > maxLineBytes) throw tooLong();
        pending.push(chunk.subarray(start, end));
        start = end;
        if (newline < 0) break;
        const line = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        yield line;
      }
    }
    if (pendingBytes > 0) {
      throw new BundleError('malformed', 'The bundle is malformed: its last line is cut short.');
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function parseJson(line: Buffer, number: number): unknown {
  try {
    return JSON.parse(line.toString('utf8'));
  } catch {
    if (number === 1) {
      throw new BundleError(
        'not_a_bundle',
        'This file opens, but what is inside is not a Casebook bundle (its first line is not JSON).',
      );
    }
    throw new BundleError('malformed', `The bundle is malformed: line ${number} is not JSON.`);
  }
}

async function openingKey(
  vault: Vault,
  file: string,
  options: BundleImportOptions,
): Promise<OpeningKey> {
  if (sealingOf(fileHead(file)) === 'passphrase') {
    if (!options.passphrase) {
      throw new BundleError(
        'wrong_passphrase',
        'This bundle is sealed with a passphrase, and none was given.',
      );
    }
    return { passphrase: (await options.passphrase()).normalize('NFC') };
  }
  const own = readDeviceIdentity(vault)?.ageIdentity;
  const identities = [...(own === undefined ? [] : [own]), ...(options.identities ?? [])];
  if (identities.length === 0) {
    throw new BundleError(
      'not_for_this_vault',
      'This bundle was not made for this vault: the vault has no identity yet, so nobody can have addressed a bundle to it. Run "casebook identity" and send its output to whoever exports to you.',
    );
  }
  return { identities };
}

/**
 * Imports a bundle (docs/bundle.md): decrypts it, checks who signed it against the devices
 * this vault trusts, validates every revision, and merges them all in one transaction that
 * commits only once the signature over everything has verified. Any refusal rolls back:
 * the vault is left exactly as it was.
 */
export async function importBundle(
  vault: Vault,
  file: string,
  options: BundleImportOptions = {},
): Promise<BundleImportReport> {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new VaultError('invalid_input', `There is no file ${file}. Check the path.`);
  }
  const maxBytes = options.maxBytes ?? defaultMaxBundleBytes;
  if (size > maxBytes) {
    throw new BundleError(
      'oversized',
      `This file is ${size} bytes, more than the ${maxBytes} a bundle may have.`,
    );
  }
  const sodium = await loadSodium();
  const key = await openingKey(vault, file, options);
  const own = readDeviceIdentity(vault)?.entry;
  const trust = readTrust(vault);
  let log = readBundleLog(vault);
  const plaintext = await decryptStream(fileStream(file), key);

  const hash = payloadHash();
  let manifest: Manifest | undefined;
  let end: EndLine | undefined;
  let adoption: RevisionAdoption | undefined;
  let bodies: BodyAdoption | undefined;
  let signer: DeviceEntry | undefined;
  let newlyTrusted: DeviceEntry | undefined;
  let number = 0;
  let added = 0;
  let present = 0;
  // Records that would get a revision, for a dry run's report (commit counts them otherwise).
  const addedTo = new Set<string>();
  // The intake SHA-256 of each attachment record in the bundle, and custody entries taken in.
  const intakeHashes = new Map<string, string>();
  const custodyAdded = new Map<string, number>();
  const blobs = new Set<string>();
  const mismatched: string[] = [];
  let restored = 0;
  let blobBytes = 0;
  const lines = linesOf(plaintext)[Symbol.asyncIterator]();
  const checkCancelled = () => {
    if (options.signal?.aborted)
      throw new VaultError('cancelled', 'Cancelled. Nothing was changed.');
  };
  /** The bytes of one file, from its part lines, each hashed into the signed payload. */
  async function* partsOf(blob: BlobLine): AsyncGenerator<Uint8Array> {
    const count = partCount(blob.size);
    for (let i = 0; i < count; i++) {
      checkCancelled();
      const next = await lines.next();
      if (next.done) {
        throw new BundleError(
          'malformed',
          `The bundle is malformed: it ends inside the bytes of file ${blob.file}.`,
        );
      }
      number++;
      hash.update(next.value);
      const expected = i < count - 1 ? partBytes : blob.size - partBytes * (count - 1);
      const bytes = parsePartLine(parseJson(next.value, number), number, blob.file, expected);
      yield bytes;
      blobBytes += bytes.length;
      const total = manifest!.attachmentBytes ?? 0;
      options.onAttachmentProgress?.({ done: blobBytes, total: Math.max(total, blobBytes) });
    }
  }
  try {
    for (;;) {
      const next = await lines.next();
      if (next.done) break;
      const line = next.value;
      number++;
      if (end) {
        throw new BundleError(
          'malformed',
          'The bundle is malformed: there is data after its last line.',
        );
      }
      const value = parseJson(line, number);
      if (number === 1) {
        manifest = parseManifest(value);
        ({ signer, newlyTrusted } = checkSigner(manifest, own, trust.devices, options));
        if (wasReceived(log, manifest.device, manifest.sequence)) throw replayed(manifest);
        hash.update(line);
        bodies = new BodyAdoption(vault);
        adoption = vault.beginAdoption();
        continue;
      }
      const kind = (value as { kind?: unknown } | null)?.kind;
      if (kind === 'end') {
        end = parseEndLine(value, number);
        continue;
      }
      hash.update(line);
      if (kind === 'blob') {
        if (manifest!.version === 1) {
          throw new BundleError(
            'too_new',
            'This bundle says it is of format 1, which has no attachment files, yet it carries some. Update Casebook, or ask the sender for the bundle again.',
          );
        }
        const blob = parseBlobLine(value, number);
        if (blobs.has(blob.file) || blobs.size >= (manifest!.attachments ?? 0)) {
          throw new BundleError(
            'malformed',
            `The bundle is malformed: line ${number} holds file ${blob.file} again, or more files than the ${manifest!.attachments} its manifest announces.`,
          );
        }
        blobs.add(blob.file);
        const intake = intakeHashes.get(blob.file) ?? heldIntakeHash(vault, blob.file);
        if (intake === undefined) {
          throw new BundleError(
            'malformed',
            `The bundle is malformed: file ${blob.file} comes without its attachment record.`,
          );
        }
        let taken: { sha256: string; size: number };
        if (bodies!.holds(blob.file)) {
          const drained = createHash('sha256');
          let size = 0;
          for await (const bytes of partsOf(blob)) {
            drained.update(bytes);
            size += bytes.length;
          }
          taken = { sha256: drained.digest('hex'), size };
        } else {
          taken = await bodies!.write(blob.file, partsOf(blob), {
            total: blob.size,
            signal: options.signal,
          });
          restored++;
        }
        checkCancelled();
        if (taken.sha256 !== intake || blob.sha256 !== intake || taken.size !== blob.size)
          mismatched.push(blob.file);
        continue;
      }
      if (kind !== 'revision') {
        throw new BundleError(
          'malformed',
          `The bundle is malformed: line ${number} is neither a revision, a file nor the last line.`,
        );
      }
      if (blobs.size > 0) {
        throw new BundleError(
          'malformed',
          `The bundle is malformed: line ${number} is a revision after the files, where none belongs.`,
        );
      }
      const revision = parseRevisionLine(value, number);
      if (added + present >= manifest!.revisions) {
        throw new BundleError(
          'malformed',
          `The bundle is malformed: it holds more revisions than the ${manifest!.revisions} its manifest announces.`,
        );
      }
      validate(revision, number, options);
      const outcome = adopt(adoption!, revision, number);
      noteEvidence(revision, outcome, intakeHashes, custodyAdded);
      if (outcome === 'added') {
        added++;
        addedTo.add(revision.id);
      } else present++;
      if ((added + present) % 1000 === 0) {
        checkCancelled();
        options.onProgress?.({ done: added + present, total: manifest!.revisions });
      }
    }
    if (!manifest) {
      throw new BundleError('not_a_bundle', 'This file opens, but it is empty inside.');
    }
    if (!end) {
      throw new BundleError(
        'unsigned',
        'This bundle ends without its signature line, so nobody can tell who made it or whether it was changed.',
      );
    }
    const revisions = added + present;
    if (end.revisions !== revisions || manifest.revisions !== revisions) {
      throw new BundleError(
        'malformed',
        `The bundle is malformed: it holds ${revisions} revisions, but says it holds ${manifest.revisions}.`,
      );
    }
    const sha256 = hash.digest('hex');
    if (
      sha256 !== end.sha256 ||
      !verifyPayload(sodium, manifest.signingKey, sha256, end.signature)
    ) {
      throw new BundleError(
        'forged',
        `This bundle's signature does not match its content: it was altered after device ${manifest.device} signed it, or it was not signed by that device at all.`,
      );
    }
    // Only now: a body dropped or changed by someone other than the signer is "forged", above.
    const announced = manifest.attachments ?? 0;
    const announcedBytes = manifest.attachmentBytes ?? 0;
    if (blobs.size !== announced || blobBytes !== announcedBytes) {
      throw new BundleError(
        'malformed',
        `The bundle is malformed: it holds ${blobs.size} attachment files of ${blobBytes} bytes, but says it holds ${announced} of ${announcedBytes}.`,
      );
    }
    if (mismatched.length > 0) {
      throw new BundleError(
        'malformed',
        `Attachment ${mismatched[0]} in this bundle does not match the SHA-256 taken when it was attached${mismatched.length > 1 ? ` (nor do ${mismatched.length - 1} more)` : ''}: its bytes were changed, or another file was put in its place, before device ${manifest.device} signed the bundle. Ask the sender to run "casebook verify" and export again.`,
      );
    }
    const report = {
      bundle: manifest.bundle,
      device: manifest.device,
      signer: signer!.name,
      scope: manifest.scope,
      revisions,
      added,
      alreadyPresent: present,
      attachments: blobs.size,
      attachmentsRestored: restored,
      attachmentsAlreadyPresent: blobs.size - restored,
      ...(newlyTrusted ? { newlyTrusted } : {}),
    };
    if (options.dryRun) {
      adoption!.rollback();
      bodies!.discard();
      return { ...report, records: addedTo.size };
    }
    log = markReceived(log, manifest.device, manifest.sequence);
    writeBundleLog(vault, log);
    if (newlyTrusted) trustDevice(vault, newlyTrusted);
    bodies!.seal(custodyAdded);
    const { records } = adoption!.commit();
    adoption = undefined;
    // Records first, then bodies: a crash in between leaves a body missing, which verify
    // reports and the next full bundle restores, never a body that no record explains.
    const installed = bodies!.install();
    appendCustodyToEach(vault, installed, {
      action: 'import',
      purpose: `bundle ${manifest.bundle} from device ${manifest.device}`,
    });
    options.onProgress?.({ done: revisions, total: revisions });
    return { ...report, records };
  } catch (error) {
    adoption?.rollback();
    bodies?.discard();
    await lines.return?.(undefined);
    throw error;
  }
}

/** Remembers what an adopted revision tells about evidence files (see BodyAdoption). */
function noteEvidence(
  revision: RecordRevision,
  outcome: 'added' | 'present',
  intakeHashes: Map<string, string>,
  custodyAdded: Map<string, number>,
): void {
  if (revision.body === null) return;
  if (revision.type === attachmentRecordType) {
    const sha256 = (revision.body as { sha256?: unknown }).sha256;
    if (typeof sha256 === 'string') intakeHashes.set(revision.id, sha256);
  } else if (revision.type === custodyRecordType && outcome === 'added') {
    const fileId = (revision.body as { fileId?: unknown }).fileId;
    if (typeof fileId === 'string') custodyAdded.set(fileId, (custodyAdded.get(fileId) ?? 0) + 1);
  }
}

/** The intake SHA-256 of an attachment this vault already had before the bundle. */
function heldIntakeHash(vault: Vault, fileId: string): string | undefined {
  try {
    const record = vault.get(fileId);
    if (record.type !== attachmentRecordType) return undefined;
    return (record.body as { sha256?: string }).sha256;
  } catch (error) {
    if (isVaultError(error)) return undefined;
    throw error;
  }
}

function checkSigner(
  manifest: Manifest,
  own: DeviceEntry | undefined,
  devices: readonly DeviceEntry[],
  options: BundleImportOptions,
): { signer: DeviceEntry; newlyTrusted?: DeviceEntry } {
  if (own && own.signingKey === manifest.signingKey && own.device === manifest.device)
    return { signer: own };
  const trusted = trustedSigner({ recipients: [], devices }, manifest.signingKey);
  if (trusted) {
    if (trusted.device !== manifest.device) {
      throw new BundleError(
        'untrusted',
        `This bundle says it comes from device ${manifest.device}, but its key belongs to the trusted device "${trusted.name}" (${trusted.device}).`,
      );
    }
    return { signer: trusted };
  }
  if (options.trustAnySigner || options.trustSigner === manifest.signingKey) {
    const entry: DeviceEntry = {
      name: `device-${manifest.device.slice(0, 8)}`,
      device: manifest.device,
      signingKey: manifest.signingKey,
      recipient: manifest.recipient,
    };
    return { signer: entry, newlyTrusted: entry };
  }
  throw new BundleError(
    'untrusted',
    `This bundle is signed by device ${manifest.device} with signing key ${manifest.signingKey}, which this vault does not trust. If you know that device, compare the key with what "casebook identity" shows on it, then trust it with "casebook trust add-device" or "trust import", or import again with --trust-signer ${manifest.signingKey}.`,
  );
}

function replayed(manifest: Manifest): BundleError {
  return new BundleError(
    'replayed',
    `This vault has already imported bundle number ${manifest.sequence} of device ${manifest.device}: a bundle is imported once.`,
  );
}

function validate(revision: RecordRevision, line: number, options: BundleImportOptions): void {
  if (revision.body === null || !options.validate) return;
  const problems = options.validate(revision.type, revision.body);
  if (problems.length > 0) {
    const { path, message } = problems[0]!;
    throw new BundleError(
      'malformed',
      `The bundle is malformed: line ${line}, record ${revision.id}, revision ${revision.revision}: ${path || 'the record'}: ${message.replace(/[.?!]$/, '')}.`,
    );
  }
}

function adopt(adoption: RevisionAdoption, revision: RecordRevision, line: number) {
  try {
    return adoption.adopt(revision);
  } catch (error) {
    const fits = isVaultError(error) && ['type_mismatch', 'invalid_input'].includes(error.code);
    if (fits && !isBundleError(error)) {
      throw new BundleError(
        'malformed',
        `The bundle does not fit this vault: line ${line}: ${error.message}`,
      );
    }
    throw error;
  }
}
