import type { Sodium } from './sodium';
import { randomBytes } from './random';

/**
 * The one ciphertext layout every encrypted value in the vault uses (docs/record-ciphertext.md):
 *   sealed = version byte || nonce (24 bytes) || XChaCha20-Poly1305(plaintext, additional data)
 * What the additional data binds is each caller's business: a record revision binds its place,
 * a saved state binds its name.
 */
export const sealedFormatVersion = 1;
const nonceBytes = 24;
const tagBytes = 16;

export class SealedBox {
  constructor(
    private readonly sodium: Sodium,
    private readonly key: Uint8Array,
  ) {}

  seal(
    additionalData: Uint8Array,
    plaintext: Uint8Array,
    nonce = randomBytes(nonceBytes),
  ): Uint8Array {
    const ciphertext = this.sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      plaintext,
      additionalData,
      null,
      nonce,
      this.key,
    );
    const sealed = new Uint8Array(1 + nonceBytes + ciphertext.length);
    sealed[0] = sealedFormatVersion;
    sealed.set(nonce, 1);
    sealed.set(ciphertext, 1 + nonceBytes);
    return sealed;
  }

  /** The plaintext, or null if the bytes were altered, moved, or are of an unknown version. */
  open(additionalData: Uint8Array, sealed: Uint8Array): Uint8Array | null {
    if (sealed.length < 1 + nonceBytes + tagBytes || sealed[0] !== sealedFormatVersion) return null;
    try {
      return this.sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        sealed.subarray(1 + nonceBytes),
        additionalData,
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
