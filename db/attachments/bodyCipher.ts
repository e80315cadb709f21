import type { Sodium } from '../crypto/sodium';
import {
  bodyFormatVersion,
  bodyHeaderBytes,
  chunkPlaintextBytes,
  tagFinal,
  tagMessage,
} from './bodyFormat';

/**
 * Encrypts a file's bytes as they arrive, in any pieces, into the chunks of docs/attachments.md.
 * The last chunk must be tagged FINAL, and which chunk is last is known only when the input
 * ends, so one chunk's worth of plaintext is held back until more arrives or `final()` is called.
 */
export class BodyEncoder {
  /** The first bytes of the body: the format version and the secretstream header. */
  readonly header: Uint8Array;
  private readonly state: number;
  private readonly pending = new Uint8Array(chunkPlaintextBytes);
  private pendingLength = 0;
  private readonly message: number;

  constructor(
    private readonly sodium: Sodium,
    key: Uint8Array,
    private readonly additionalData: Uint8Array,
  ) {
    const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
    this.state = state as unknown as number;
    this.header = new Uint8Array(bodyHeaderBytes);
    this.header[0] = bodyFormatVersion;
    this.header.set(header, 1);
    this.message = tagMessage(sodium);
  }

  /** Feeds plaintext; hands `out` the ciphertext of every chunk known not to be the last. */
  push(data: Uint8Array, out: (ciphertext: Uint8Array) => void): void {
    let at = 0;
    while (at < data.length) {
      if (this.pendingLength === chunkPlaintextBytes) {
        out(this.encrypt(this.pending, this.message));
        this.pendingLength = 0;
      }
      // Whole chunks that cannot be the last are encrypted in place, without a copy.
      if (this.pendingLength === 0 && data.length - at > chunkPlaintextBytes) {
        out(this.encrypt(data.subarray(at, at + chunkPlaintextBytes), this.message));
        at += chunkPlaintextBytes;
        continue;
      }
      const take = Math.min(chunkPlaintextBytes - this.pendingLength, data.length - at);
      this.pending.set(data.subarray(at, at + take), this.pendingLength);
      this.pendingLength += take;
      at += take;
    }
  }

  /** The last chunk: whatever is held back (0 to 64 KiB), tagged FINAL. */
  final(): Uint8Array {
    const last = this.encrypt(this.pending.subarray(0, this.pendingLength), tagFinal(this.sodium));
    this.pending.fill(0);
    this.pendingLength = 0;
    return last;
  }

  /** Zeroes held-back plaintext when the input is abandoned (a cancelled or failed attach). */
  discard(): void {
    this.pending.fill(0);
    this.pendingLength = 0;
  }

  private encrypt(plaintext: Uint8Array, tag: number): Uint8Array {
    return this.sodium.crypto_secretstream_xchacha20poly1305_push(
      this.state as never,
      plaintext,
      this.additionalData,
      tag,
    );
  }
}

/** Opens the chunks of one body in order; null for a chunk that does not authenticate. */
export class BodyDecoder {
  private readonly state: number;
  private readonly final: number;

  /** Throws nothing: returns null from `open` when the header itself is not a version-1 header. */
  static open(
    sodium: Sodium,
    key: Uint8Array,
    additionalData: Uint8Array,
    header: Uint8Array,
  ): BodyDecoder | null {
    if (header.length !== bodyHeaderBytes || header[0] !== bodyFormatVersion) return null;
    try {
      const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header.subarray(1), key);
      return new BodyDecoder(sodium, state as unknown as number, additionalData);
    } catch {
      return null;
    }
  }

  private constructor(
    private readonly sodium: Sodium,
    state: number,
    private readonly additionalData: Uint8Array,
  ) {
    this.state = state;
    this.final = tagFinal(sodium);
  }

  pull(ciphertext: Uint8Array): { message: Uint8Array; final: boolean } | null {
    let result: { message: Uint8Array; tag: number } | false;
    try {
      result = this.sodium.crypto_secretstream_xchacha20poly1305_pull(
        this.state as never,
        ciphertext,
        this.additionalData,
      ) as { message: Uint8Array; tag: number } | false;
    } catch {
      return null;
    }
    if (!result) return null;
    return { message: result.message, final: result.tag === this.final };
  }
}
