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
  /** scrypt work factor of a passphrase bundle: age's default 18 unless a test lowers it. */
  readonly scryptWorkFactor?: number;
}

export interface BundleExportReport {
  readonly bundle: string;
  readonly sequence: number;
  readonly scope: 'full' | 'incremental';
  readonly revisions: number;
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
 * The plaintext, line by line, as Buffers: manifest, revisions, then the signed last line.
 * Every byte before the last line goes through the hash it signs.
 */
function* payload(
  vault: Vault,
  identity: DeviceIdentity,
  sodium: Awaited<ReturnType<typeof loadSodium>>,
  manifest: Manifest,
  onProgress?: BundleExportOptions['onProgress'],
): Generator<Buffer> {
  const hash = payloadHash();
  const emit = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    hash.update(bytes);
    return bytes;
  };
  yield emit(manifestLine(manifest));
  let done = 0;
  for (const revision of vault.revisionsBetween(manifest.since, manifest.upTo)) {
    yield emit(revisionLine(revision));
    if (++done % 1000 === 0) onProgress?.({ done, total: manifest.revisions });
  }
  onProgress?.({ done, total: manifest.revisions });
  const sha256 = hash.digest('hex');
  const signature = signPayload(sodium, identity.signingSecretKey, sha256);
  yield Buffer.from(endLine({ kind: 'end', revisions: done, sha256, signature }), 'utf8');
}

function pieces(lines: Iterator<Buffer>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const parts: Buffer[] = [];
        let size = 0;
        while (size < pieceBytes) {
          const next = lines.next();
          if (next.done) break;
          parts.push(next.value);
          size += next.value.length;
        }
        if (parts.length > 0) controller.enqueue(Buffer.concat(parts, size));
        if (size < pieceBytes) controller.close();
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
    const upTo = vault.lastSeq();
    const since = options.sinceLast ? Math.min(sentUpTo(log, recipients), upTo) : 0;
    const manifest: Manifest = {
      kind: 'manifest',
      format: bundleFormat,
      version: bundleVersion,
      bundle: randomHex(16),
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
    };
    // The sequence number is spent before the file exists, so no two bundles ever share one.
    writeBundleLog(vault, { ...log, nextSequence: log.nextSequence + 1 });
    const lines = payload(vault, identity, sodium, manifest, options.onProgress);
    const encrypted = await encryptStream(pieces(lines), key);
    const bytes = await writeFileAtomically(file, encrypted);
    writeBundleLog(vault, markSent(readBundleLog(vault), recipients, upTo));
    return {
      bundle: manifest.bundle,
      sequence: manifest.sequence,
      scope: manifest.scope,
      revisions: manifest.revisions,
      bytes,
    };
  } finally {
    wipeIdentity(sodium, identity);
  }
}
