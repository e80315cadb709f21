import type { Sodium } from './sodium';
import { SealedBox } from './sealedBox';

/**
 * Record ciphertext, format version 1 (docs/record-ciphertext.md). The additional data names
 * the revision's place, so a ciphertext copied onto another row, another record, a tombstone
 * or another vault fails to open instead of showing wrong data.
 */
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
  private readonly box: SealedBox;

  constructor(sodium: Sodium, key: Uint8Array) {
    this.box = new SealedBox(sodium, key);
  }

  seal(place: RevisionPlace, plaintext: Uint8Array, nonce?: Uint8Array): Uint8Array {
    return this.box.seal(revisionAdditionalData(place), plaintext, nonce);
  }

  /** seal() of the UTF-8 of `text`, the fast way (SealedBox.sealText). */
  sealText(place: RevisionPlace, text: string, nonce?: Uint8Array): Uint8Array {
    return this.box.sealText(revisionAdditionalData(place), text, nonce);
  }

  open(place: RevisionPlace, sealed: Uint8Array): Uint8Array | null {
    return this.box.open(revisionAdditionalData(place), sealed);
  }

  wipe(): void {
    this.box.wipe();
  }
}
