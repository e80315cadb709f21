import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { FieldValidator } from '../../shared/interchange';
import type { RecordRevision } from '../../shared/records';
import { loadSodium } from '../crypto/sodium';
import { VaultError, isVaultError } from '../errors';
import { readDeviceIdentity } from '../identity/deviceIdentity';
import { readTrust, trustDevice, trustedSigner, type DeviceEntry } from '../identity/trustStore';
import type { RevisionAdoption, Vault } from '../vault/vault';
import { damaged, decryptStream, fileStream, sealingOf, type OpeningKey } from './ageStream';
import { BundleError, isBundleError } from './bundleError';
import { markReceived, readBundleLog, wasReceived, writeBundleLog } from './bundleLog';
import {
  defaultMaxBundleBytes,
  maxLineBytes,
  parseEndLine,
  parseManifest,
  parseRevisionLine,
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
  /** Refuse files larger than this before decrypting anything. */
  readonly maxBytes?: number;
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
  let signer: DeviceEntry | undefined;
  let newlyTrusted: DeviceEntry | undefined;
  let number = 0;
  let added = 0;
  let present = 0;
  try {
    for await (const line of linesOf(plaintext)) {
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
        throw new BundleError(
          'too_new',
          'This bundle carries attachment files, which this version of Casebook cannot take in yet. Update Casebook to import it.',
        );
      }
      if (kind !== 'revision') {
        throw new BundleError(
          'malformed',
          `The bundle is malformed: line ${number} is neither a revision nor the last line.`,
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
      if (adopt(adoption!, revision, number) === 'added') added++;
      else present++;
      if ((added + present) % 1000 === 0)
        options.onProgress?.({ done: added + present, total: manifest!.revisions });
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
    log = markReceived(log, manifest.device, manifest.sequence);
    writeBundleLog(vault, log);
    if (newlyTrusted) trustDevice(vault, newlyTrusted);
    const { records } = adoption!.commit();
    options.onProgress?.({ done: revisions, total: revisions });
    return {
      bundle: manifest.bundle,
      device: manifest.device,
      signer: signer!.name,
      scope: manifest.scope,
      revisions,
      added,
      alreadyPresent: present,
      records,
      ...(newlyTrusted ? { newlyTrusted } : {}),
    };
  } catch (error) {
    adoption?.rollback();
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
