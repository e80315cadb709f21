import type { Sodium } from './sodium';
import { randomBytes } from './random';

/**
 * Record ciphertext, format version 1 (docs/record-ciphertext.md):
 *   sealed = 0x01 || nonce (24 bytes) || XChaCha20-Poly1305(plaintext, additional data)
 * The additional data names the revision's place, so a ciphertext copied onto another row,
 * another record, a tombstone or another vault fails to open instead of showing wrong data.
 */
export const recordFormatVersion = 1;
const nonceBytes = 24;
const tagBytes = 16;

export interface RevisionPlace {
  readonly vaultId: string;
  readonly recordId: string;
  readonly revisionId: string;
  readonly type: string;
  readonly device: string;
  readonly deleted: boolean;
  readonly parents: readonly string[];
}

export function revisionAdditionalData(place: RevisionPlace): Uint8Array {
  // Every part is ASCII (ids, type and device are validated or generated hex), so latin1 is
  // the UTF-8 encoding, and it is the fast path: this runs for every record read or written.
  return Buffer.from(
    [
      'casebook/record/v1',
      place.vaultId,
      place.recordId,
      place.revisionId,
      place.type,
      place.device,
      place.deleted ? '1' : '0',
      place.parents.join(','),
    ].join('\0'),
    'latin1',
  );
}

/** Derives the record key from the vault key: one subkey per purpose (crypto_kdf). */
export function deriveRecordKey(sodium: Sodium, vaultKey: Uint8Array): Uint8Array {
  return sodium.crypto_kdf_derive_from_key(32, 1, 'cbrecord', vaultKey);
}

export class RecordCipher {
  constructor(
    private readonly sodium: Sodium,
    private readonly key: Uint8Array,
  ) {}

  seal(place: RevisionPlace, plaintext: Uint8Array, nonce = randomBytes(nonceBytes)): Uint8Array {
    const ciphertext = this.sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      plaintext,
      revisionAdditionalData(place),
      null,
      nonce,
      this.key,
    );
    const sealed = new Uint8Array(1 + nonceBytes + ciphertext.length);
    sealed[0] = recordFormatVersion;
    sealed.set(nonce, 1);
    sealed.set(ciphertext, 1 + nonceBytes);
    return sealed;
  }

  /** The plaintext, or null if the bytes were altered, moved, or are of an unknown version. */
  open(place: RevisionPlace, sealed: Uint8Array): Uint8Array | null {
    if (sealed.length < 1 + nonceBytes + tagBytes || sealed[0] !== recordFormatVersion) return null;
    try {
      return this.sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        sealed.subarray(1 + nonceBytes),
        revisionAdditionalData(place),
        sealed.subarray(1, 1 + nonceBytes),
        this.key,
      );
    } catch {
      return null;
    }
  }

  wipe(): void {
    this.sodium.memzero(this.key);
  }
}
