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
const keyBytes = 32;

/**
 * libsodium's own WASM exports, which libsodium.js wraps: sealText calls its AEAD function
 * with the text written straight into WASM memory (see there why).
 */
interface SodiumWasm {
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  // The lengths are unsigned long long: a low and a high 32-bit half each.
  _crypto_aead_xchacha20poly1305_ietf_encrypt(
    ciphertext: number,
    ciphertextLength: number,
    message: number,
    messageLengthLow: number,
    messageLengthHigh: number,
    additionalData: number,
    additionalDataLengthLow: number,
    additionalDataLengthHigh: number,
    secretNonce: number,
    nonce: number,
    key: number,
  ): number;
}

/**
 * Texts up to this many UTF-16 units go through sealText's WASM scratch, which is kept between
 * calls (it holds at most three bytes a unit for the text, and as much again for the result);
 * longer ones, rare, are sealed the ordinary way.
 */
const scratchTextUnits = 64 * 1024;
const utf8 = new TextEncoder();

export class SealedBox {
  /** In WASM memory: the key (copied once), then scratch for sealText. 0 until first used. */
  private keyPointer = 0;
  private scratchPointer = 0;
  private scratchBytes = 0;

  constructor(
    private readonly sodium: Sodium,
    private readonly key: Uint8Array,
  ) {}

  /**
   * The same bytes as seal(additionalData, UTF-8 of text), made without the copies the
   * wrapped call needs: the text is encoded straight into WASM memory and the result is laid
   * out there as stored. Writing a record is mostly this; measured on 100k records of 2 KiB,
   * encoding to a new Buffer and the wrapper's copies were a third of the vault's time over
   * plain SQLite. The text's bytes are zeroed in WASM memory as soon as they are sealed.
   */
  sealText(additionalData: Uint8Array, text: string, nonce?: Uint8Array): Uint8Array {
    if (nonce !== undefined && nonce.length !== nonceBytes)
      throw new RangeError(`a nonce is ${nonceBytes} bytes`);
    if (text.length > scratchTextUnits)
      return this.seal(additionalData, Buffer.from(text, 'utf8'), nonce);
    const wasm = this.wasm();
    const textRoom = text.length * 3;
    this.reserve(wasm, textRoom + additionalData.length + 1 + nonceBytes + textRoom + tagBytes);
    // Read after reserve(): growing WASM memory replaces the view.
    const heap = wasm.HEAPU8;
    const textAt = this.scratchPointer;
    const { written } = utf8.encodeInto(text, heap.subarray(textAt, textAt + textRoom));
    const adAt = textAt + textRoom;
    heap.set(additionalData, adAt);
    const outAt = adAt + additionalData.length;
    heap[outAt] = sealedFormatVersion;
    // Drawn outside WASM memory: filling a view of it directly measured 40 times slower.
    heap.set(nonce ?? randomBytes(nonceBytes), outAt + 1);
    const failed = wasm._crypto_aead_xchacha20poly1305_ietf_encrypt(
      outAt + 1 + nonceBytes,
      0,
      textAt,
      written,
      0,
      adAt,
      additionalData.length,
      0,
      0,
      outAt + 1,
      this.keyPointer,
    );
    heap.fill(0, textAt, textAt + written);
    if (failed !== 0) throw new Error('libsodium could not seal the value');
    return heap.slice(outAt, outAt + 1 + nonceBytes + written + tagBytes);
  }

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
    if (this.keyPointer !== 0) {
      const wasm = this.wasm();
      wasm.HEAPU8.fill(0, this.keyPointer, this.keyPointer + keyBytes);
      wasm.HEAPU8.fill(0, this.scratchPointer, this.scratchPointer + this.scratchBytes);
      wasm._free(this.keyPointer);
      wasm._free(this.scratchPointer);
      this.keyPointer = this.scratchPointer = this.scratchBytes = 0;
    }
  }

  private wasm(): SodiumWasm {
    return (this.sodium as unknown as { libsodium: SodiumWasm }).libsodium;
  }

  /** The key in WASM memory, and at least `bytes` of scratch after it. */
  private reserve(wasm: SodiumWasm, bytes: number): void {
    if (this.keyPointer === 0) {
      this.keyPointer = wasm._malloc(keyBytes);
      wasm.HEAPU8.set(this.key, this.keyPointer);
    }
    if (this.scratchBytes >= bytes) return;
    if (this.scratchPointer !== 0) {
      wasm.HEAPU8.fill(0, this.scratchPointer, this.scratchPointer + this.scratchBytes);
      wasm._free(this.scratchPointer);
    }
    // Room for the largest text sealText takes, so it is allocated once or twice at most.
    this.scratchBytes = Math.max(bytes, 16 * 1024);
    this.scratchPointer = wasm._malloc(this.scratchBytes);
    if (this.scratchPointer === 0 || this.keyPointer === 0)
      throw new Error('libsodium could not allocate memory');
  }
}
