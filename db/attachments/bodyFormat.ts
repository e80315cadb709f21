import type { Sodium } from '../crypto/sodium';

/**
 * The encrypted body of an evidence file, format version 1 (docs/attachments.md, "Body"):
 *
 *   byte 0        0x01
 *   bytes 1..24   crypto_secretstream_xchacha20poly1305 header
 *   then chunks   each 64 KiB of plaintext + 17 bytes, the last one shorter (0..64 KiB of
 *                 plaintext) and the only one tagged FINAL
 *
 * Every chunk carries the same additional data, naming the vault and the file, so a body
 * copied under another file id (or into another vault) does not open even with its key.
 */
export const bodyFormatVersion = 1;
export const chunkPlaintextBytes = 64 * 1024;
export const streamHeaderBytes = 24;
export const chunkOverheadBytes = 17;
export const bodyHeaderBytes = 1 + streamHeaderBytes;
export const chunkCiphertextBytes = chunkPlaintextBytes + chunkOverheadBytes;

export function bodyAdditionalData(vaultId: string, fileId: string): Uint8Array {
  return Buffer.from(['casebook/attachment/v1', vaultId, fileId].join('\0'), 'latin1');
}

/** The size on disk of the body of a file of `size` bytes: public, like every file size. */
export function bodySize(size: number): number {
  const chunks = Math.max(1, Math.ceil(size / chunkPlaintextBytes));
  return bodyHeaderBytes + size + chunks * chunkOverheadBytes;
}

export function tagMessage(sodium: Sodium): number {
  return sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
}

export function tagFinal(sodium: Sodium): number {
  return sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
}
