import { writeFileAtomically } from '../files/atomicFile';
import { loadSodium } from '../crypto/sodium';
import { randomHex } from '../crypto/random';
import { VaultError } from '../errors';
import { ageRecipientPattern } from '../identity/age';
import {
  ensureDeviceIdentity,
  wipeIdentity,
  type DeviceIdentity,
} from '../identity/deviceIdentity';
import type { Vault } from '../vault/vault';
import { appendCustodyToEach, type AttachmentInfo } from '../attachments';
import { bodyLines, filesToCarry } from './outgoingBodies';
import { encryptStream, type BundleKey } from './ageStream';
import { markSent, readBundleLog, sentUpTo, writeBundleLog } from './bundleLog';
import {
  bundleFormat,
  bundleVersion,
  endLine,
  manifestLine,
  revisionLine,
  type Manifest,
} from './format';
import { payloadHash, signPayload } from './signature';

export interface BundleExportOptions {
  /** age X25519 recipients (age1...). Either these or a passphrase. */
  readonly recipients?: readonly string[];
  readonly passphrase?: string;
  /** Only the revisions the recipients have not been sent yet. */
  readonly sinceLast?: boolean;
  readonly onProgress?: (progress: { done: number; total: number }) => void;
  /** Bytes of evidence files written so far, and in all. */
  readonly onAttachmentProgress?: (progress: { done: number; total: number }) => void;
  /** Records only: no evidence file goes in the bundle (their records still do). */
  readonly withoutAttachments?: boolean;
  readonly signal?: AbortSignal;
  /** scrypt work factor of a passphrase bundle: age's default 18 unless a test lowers it. */
  readonly scryptWorkFactor?: number;
}

export interface BundleExportReport {
  readonly bundle: string;
  readonly sequence: number;
  readonly scope: 'full' | 'incremental';
  readonly revisions: number;
  /** Evidence files carried, and their bytes. */
  readonly attachments: number;
  readonly attachmentBytes: number;
  readonly bytes: number;
}

const minBundlePassphrase = 12;
/** Plaintext is handed to age in pieces of about this size: memory stays flat. */
const pieceBytes = 256 * 1024;

function bundleKey(options: BundleExportOptions): BundleKey {
  const recipients = options.recipients ?? [];
  if (recipients.length > 0 === (options.passphrase !== undefined)) {
    throw new VaultError(
      'invalid_input',
      'A bundle is encrypted either to recipients (--to, once per recipient) or to a passphrase (--passphrase), not both and not neither. Nothing was written.',
    );
  }
  if (options.passphrase !== undefined) {
    if (options.sinceLast) {
      throw new VaultError(
        'invalid_input',
        '--since-last needs recipients to remember what each was sent; a passphrase bundle is always complete. Nothing was written.',
      );
    }
    if ([...options.passphrase.normalize('NFC')].length < minBundlePassphrase) {
      throw new VaultError(
        'invalid_input',
        `A bundle passphrase needs at least ${minBundlePassphrase} characters: a bundle on a USB stick can be attacked at leisure. Several words are easiest. Nothing was written.`,
      );
    }
    return {
      passphrase: options.passphrase.normalize('NFC'),
      ...(options.scryptWorkFactor === undefined
        ? {}
        : { scryptWorkFactor: options.scryptWorkFactor }),
    };
  }
  const wrong = recipients.find((r) => !ageRecipientPattern.test(r));
  if (wrong !== undefined) {
    throw new VaultError(
      'invalid_input',
      `"${wrong.slice(0, 100)}" is not an age X25519 recipient (age1 followed by 58 letters and digits). Nothing was written.`,
    );
  }
  return { recipients: [...new Set(recipients)] };
}

/**
 * The plaintext, line by line, as Buffers: manifest, revisions, evidence files, then the
 * signed last line. Every byte before the last line goes through the hash it signs.
 */
async function* payload(
  vault: Vault,
  identity: DeviceIdentity,
  sodium: Awaited<ReturnType<typeof loadSodium>>,
  manifest: Manifest,
  files: readonly AttachmentInfo[],
  options: BundleExportOptions,
): AsyncGenerator<Buffer> {
  const hash = payloadHash();
  const emit = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    hash.update(bytes);
    return bytes;
  };
  const checkCancelled = () => {
    if (options.signal?.aborted)
      throw new VaultError('cancelled', 'Cancelled. No bundle was written.');
  };
  yield emit(manifestLine(manifest));
  let done = 0;
  for (const revision of vault.revisionsBetween(manifest.since, manifest.upTo)) {
    yield emit(revisionLine(revision));
    if (++done % 1000 === 0) {
      checkCancelled();
      options.onProgress?.({ done, total: manifest.revisions });
    }
  }
  options.onProgress?.({ done, total: manifest.revisions });
  const total = files.reduce((sum, info) => sum + info.size, 0);
  let sent = 0;
  for (const info of files) {
    checkCancelled();
    for await (const line of bodyLines(vault, info, {
      signal: options.signal,
      onBytes: (bytes) => options.onAttachmentProgress?.({ done: (sent += bytes), total }),
    }))
      yield emit(line);
  }
  checkCancelled();
  const sha256 = hash.digest('hex');
  const signature = signPayload(sodium, identity.signingSecretKey, sha256);
  yield Buffer.from(endLine({ kind: 'end', revisions: done, sha256, signature }), 'utf8');
}

function pieces(lines: AsyncIterator<Buffer>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const parts: Buffer[] = [];
        let size = 0;
        while (size < pieceBytes) {
          const next = await lines.next();
          if (next.done) break;
          parts.push(next.value);
          size += next.value.length;
        }
        if (parts.length > 0) controller.enqueue(Buffer.concat(parts, size));
        if (size < pieceBytes) controller.close();
      },
      async cancel() {
        await lines.return?.(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Writes a signed, encrypted bundle of this vault's revisions to `file` (docs/bundle.md),
 * streamed: memory stays flat however large the vault. The file appears whole or not at all.
 */
export async function exportBundle(
  vault: Vault,
  file: string,
  options: BundleExportOptions,
): Promise<BundleExportReport> {
  const key = bundleKey(options);
  const recipients = 'recipients' in key ? key.recipients : [];
  const [sodium, identity] = await Promise.all([loadSodium(), ensureDeviceIdentity(vault)]);
  try {
    const log = readBundleLog(vault);
    const since = options.sinceLast ? Math.min(sentUpTo(log, recipients), vault.lastSeq()) : 0;
    const bundle = randomHex(16);
    const files = options.withoutAttachments ? [] : filesToCarry(vault, since, vault.lastSeq());
    // Entered before the revisions are read, so the entries travel in this very bundle and the
    // receiving vault's log goes on from them (docs/attachments.md, "Custody after a merge").
    appendCustodyToEach(
      vault,
      files.map((info) => info.fileId),
      { action: 'bundle', purpose: `bundle ${bundle}, number ${log.nextSequence}` },
    );
    const upTo = vault.lastSeq();
    const manifest: Manifest = {
      kind: 'manifest',
      format: bundleFormat,
      version: bundleVersion,
      bundle,
      vault: vault.vaultId,
      device: vault.deviceId,
      signingKey: identity.entry.signingKey,
      recipient: identity.entry.recipient,
      sequence: log.nextSequence,
      createdAt: new Date().toISOString(),
      scope: since === 0 ? 'full' : 'incremental',
      since,
      upTo,
      revisions: vault.countRevisions(since, upTo),
      attachments: files.length,
      attachmentBytes: files.reduce((sum, info) => sum + info.size, 0),
    };
    // The sequence number is spent before the file exists, so no two bundles ever share one.
    writeBundleLog(vault, { ...log, nextSequence: log.nextSequence + 1 });
    const lines = payload(vault, identity, sodium, manifest, files, options);
    const encrypted = await encryptStream(pieces(lines), key);
    const bytes = await writeFileAtomically(file, encrypted);
    writeBundleLog(vault, markSent(readBundleLog(vault), recipients, upTo));
    return {
      bundle: manifest.bundle,
      sequence: manifest.sequence,
      scope: manifest.scope,
      revisions: manifest.revisions,
      attachments: files.length,
      attachmentBytes: manifest.attachmentBytes ?? 0,
      bytes,
    };
  } finally {
    wipeIdentity(sodium, identity);
  }
}
