import type { Sodium } from './sodium';

/** Argon2id cost as stored in a keyslot, so a vault made today opens after defaults change. */
export interface Argon2idCost {
  readonly opslimit: number;
  readonly memlimit: number;
}

/**
 * Measured on the reference 2-core machine: ~0.7 s for one derivation (opslimit 3 was ~0.5 s,
 * at the bottom edge of the 0.5-1 s aimed for). 192 MiB stays below
 * the ~256 MiB ceiling of libsodium's WASM heap, and memory is what makes GPU guessing dear.
 */
export const defaultArgon2idCost: Argon2idCost = { opslimit: 4, memlimit: 192 * 1024 * 1024 };

export const argon2idSaltBytes = 16;

/**
 * The same passphrase typed on two keyboards can arrive as different code points
 * ("ł" precomposed or not); NFC makes them one key.
 */
export function normalisePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

export function deriveKeyEncryptionKey(
  sodium: Sodium,
  secret: string,
  salt: Uint8Array,
  cost: Argon2idCost,
): Uint8Array {
  return sodium.crypto_pwhash(
    sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
    new TextEncoder().encode(secret),
    salt,
    cost.opslimit,
    cost.memlimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}
