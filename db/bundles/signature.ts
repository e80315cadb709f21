import { createHash, type Hash } from 'node:crypto';
import type { Sodium } from '../crypto/sodium';

/**
 * A bundle's signature (docs/bundle.md): Ed25519 (libsodium `crypto_sign_detached`) over
 * UTF-8 "casebook/bundle/v1" NUL and the lower-case hex SHA-256 of every plaintext byte
 * before the last line. Text, so that `sha256sum` and `openssl` can check it by hand.
 */
export const signatureContext = 'casebook/bundle/v1\0';

export function signedMessage(sha256Hex: string): Uint8Array {
  return Buffer.from(signatureContext + sha256Hex, 'utf8');
}

export function payloadHash(): Hash {
  return createHash('sha256');
}

export function signPayload(sodium: Sodium, secretKey: Uint8Array, sha256Hex: string): string {
  return Buffer.from(sodium.crypto_sign_detached(signedMessage(sha256Hex), secretKey)).toString(
    'hex',
  );
}

export function verifyPayload(
  sodium: Sodium,
  signingKeyHex: string,
  sha256Hex: string,
  signatureHex: string,
): boolean {
  try {
    return sodium.crypto_sign_verify_detached(
      Buffer.from(signatureHex, 'hex'),
      signedMessage(sha256Hex),
      Buffer.from(signingKeyHex, 'hex'),
    );
  } catch {
    return false;
  }
}
