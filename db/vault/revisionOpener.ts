import { transcode } from 'node:buffer';
import type { Sodium } from '../crypto/sodium';
import { sealedFormatVersion } from '../crypto/sealedBox';
import { revisionAdditionalData } from '../crypto/recordCipher';
import type { StoredRevision } from '../store/revisionStore';

/**
 * The part of libsodium.js's Emscripten module this file calls. The published wrappers copy
 * every argument into a fresh WebAssembly allocation and the result out again, and free
 * those copies without zeroing them; reading a whole vault that way spent more time in the
 * copies than in the cipher.
 */
interface SodiumHeap {
  readonly HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  /** Lengths are 64-bit in C: each is passed as two 32-bit halves, low first. */
  _crypto_aead_xchacha20poly1305_ietf_decrypt(
    message: number,
    messageLengthOut: number,
    secretNonce: number,
    ciphertext: number,
    ciphertextLengthLow: number,
    ciphertextLengthHigh: number,
    additionalData: number,
    additionalDataLengthLow: number,
    additionalDataLengthHigh: number,
    nonce: number,
    key: number,
  ): number;
}

const nonceBytes = 24;
const tagBytes = 16;
const keyBytes = 32;

/**
 * UTF-8 to a string through ICU's converter and a UTF-16 copy: for the Cyrillic and Arabic text
 * of a vault this is about three times faster than V8's UTF-8 decoder (`npm run bench`). Node
 * built without ICU has no `transcode`; it falls back to the plain decoder.
 */
function decodeUtf8(bytes: Uint8Array): string {
  let utf16: Buffer;
  try {
    utf16 = transcode(bytes, 'utf8', 'utf16le');
  } catch {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  }
  const text = utf16.toString('utf16le');
  utf16.fill(0);
  return text;
}

/**
 * The additional data a stored revision was sealed with: its place in this vault. Named field
 * by field because spreading the row into a new object cost more than building the bytes.
 */
export function storedAdditionalData(vaultId: string, stored: StoredRevision): Uint8Array {
  return revisionAdditionalData({
    vaultId,
    recordId: stored.recordId,
    revisionId: stored.revisionId,
    type: stored.type,
    device: stored.device,
    deleted: stored.deleted,
    parents: stored.parents,
  });
}

/**
 * Opens record ciphertext (docs/record-ciphertext.md) into its JSON text, calling libsodium's
 * XChaCha20-Poly1305 directly on its WebAssembly heap: the key is copied there once, each
 * revision is decrypted in place in one reused work area, and that area is zeroed as soon as
 * the text is out, so no plaintext is left behind in freed heap memory.
 * One use at a time: it is not reentrant, and `wipe()` ends it.
 */
export class RevisionOpener {
  private readonly heap: SodiumHeap;
  private key: number;
  private work = 0;
  private workSize = 0;

  constructor(sodium: Sodium, key: Uint8Array) {
    if (key.length !== keyBytes) throw new RangeError('A record key is 32 bytes.');
    this.heap = (sodium as unknown as { libsodium: SodiumHeap }).libsodium;
    this.key = this.heap._malloc(keyBytes);
    this.heap.HEAPU8.set(key, this.key);
  }

  /**
   * The plaintext of `sealed` as text, or null if it was altered, moved (its additional data
   * differs), or has a format version this reader does not know.
   */
  openText(additionalData: Uint8Array, sealed: Uint8Array): string | null {
    if (!this.key) throw new Error('This record opener was wiped.');
    if (sealed.length < 1 + nonceBytes + tagBytes || sealed[0] !== sealedFormatVersion) return null;
    const used = additionalData.length + sealed.length;
    this.reserve(used);
    const adAt = this.work;
    const nonceAt = adAt + additionalData.length + 1;
    const ciphertextAt = nonceAt + nonceBytes;
    const ciphertextLength = sealed.length - 1 - nonceBytes;
    // HEAPU8 is replaced when the heap grows (in reserve above), so it is read after that.
    const heap = this.heap.HEAPU8;
    heap.set(additionalData, adAt);
    heap.set(sealed, adAt + additionalData.length);
    try {
      const failed = this.heap._crypto_aead_xchacha20poly1305_ietf_decrypt(
        ciphertextAt,
        0,
        0,
        ciphertextAt,
        ciphertextLength,
        0,
        adAt,
        additionalData.length,
        0,
        nonceAt,
        this.key,
      );
      if (failed !== 0) return null;
      return decodeUtf8(heap.subarray(ciphertextAt, ciphertextAt + ciphertextLength - tagBytes));
    } finally {
      heap.fill(0, adAt, adAt + used);
    }
  }

  /** Zeroes and frees the key and the work area. */
  wipe(): void {
    if (!this.key) return;
    this.heap.HEAPU8.fill(0, this.key, this.key + keyBytes);
    this.heap._free(this.key);
    this.key = 0;
    if (this.work) this.heap._free(this.work);
    this.work = 0;
    this.workSize = 0;
  }

  private reserve(size: number): void {
    if (size <= this.workSize) return;
    if (this.work) this.heap._free(this.work);
    // Room for a typical record at first, doubling after: one allocation for a whole listing.
    this.workSize = Math.max(size, 2 * this.workSize, 16 * 1024);
    this.work = this.heap._malloc(this.workSize);
  }
}
