import { z } from 'zod';
import type { Sodium } from './sodium';
import { randomBytes } from './random';
import { argon2idSaltBytes, deriveKeyEncryptionKey, type Argon2idCost } from './passphraseKey';

/**
 * Keyslots hold the vault key wrapped under keys derived from secrets a person knows: the
 * passphrase and the recovery code. Changing the passphrase rewrites one slot and nothing
 * else; destroying the slots makes every ciphertext in the vault unreadable at once.
 * Format: docs/vault-format.md, "keyslots.json".
 */
export type KeyslotKind = 'passphrase' | 'recovery';

const hex = z.string().regex(/^([0-9a-f]{2})+$/);

const keyslotSchema = z.object({
  kind: z.enum(['passphrase', 'recovery']),
  kdf: z.object({
    algorithm: z.literal('argon2id13'),
    opslimit: z.number().int().min(1).max(1_000),
    memlimit: z
      .number()
      .int()
      .min(8 * 1024)
      .max(256 * 1024 * 1024),
    salt: hex.length(argon2idSaltBytes * 2),
  }),
  nonce: hex.length(48),
  wrappedKey: hex.length(96),
});

export const keyslotFileSchema = z.object({
  format: z.literal('casebook-keyslots'),
  version: z.literal(1),
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  slots: z.array(keyslotSchema).min(1),
});

export type Keyslot = z.infer<typeof keyslotSchema>;
export type KeyslotFile = z.infer<typeof keyslotFileSchema>;

const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

function slotAdditionalData(vaultId: string, kind: KeyslotKind): Uint8Array {
  return new TextEncoder().encode(`casebook/keyslot/v1\0${vaultId}\0${kind}`);
}

export function wrapVaultKey(
  sodium: Sodium,
  vaultId: string,
  kind: KeyslotKind,
  secret: string,
  vaultKey: Uint8Array,
  cost: Argon2idCost,
): Keyslot {
  const salt = randomBytes(argon2idSaltBytes);
  const nonce = randomBytes(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const kek = deriveKeyEncryptionKey(sodium, secret, salt, cost);
  try {
    const wrapped = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      vaultKey,
      slotAdditionalData(vaultId, kind),
      null,
      nonce,
      kek,
    );
    return {
      kind,
      kdf: { algorithm: 'argon2id13', ...cost, salt: toHex(salt) },
      nonce: toHex(nonce),
      wrappedKey: toHex(wrapped),
    };
  } finally {
    sodium.memzero(kek);
  }
}

/** The vault key, or null when the secret is not the one this slot was made with. */
export function unwrapVaultKey(
  sodium: Sodium,
  vaultId: string,
  slot: Keyslot,
  secret: string,
): Uint8Array | null {
  const kek = deriveKeyEncryptionKey(sodium, secret, fromHex(slot.kdf.salt), slot.kdf);
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      fromHex(slot.wrappedKey),
      slotAdditionalData(vaultId, slot.kind),
      fromHex(slot.nonce),
      kek,
    );
  } catch {
    return null;
  } finally {
    sodium.memzero(kek);
  }
}
