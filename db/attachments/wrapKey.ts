import type { Sodium } from '../crypto/sodium';

/**
 * Each evidence file has a random key of its own, kept wrapped under this subkey of the vault
 * key (docs/attachments.md, "Keys"): subkey 4, context "cbattach".
 */
export function deriveAttachmentWrapKey(sodium: Sodium, vaultKey: Uint8Array): Uint8Array {
  return sodium.crypto_kdf_derive_from_key(32, 4, 'cbattach', vaultKey);
}
