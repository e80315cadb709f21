import type { Sodium } from './sodium';

/**
 * Saved states (docs/vault-format.md, "sealed_state"): derived data the app keeps between
 * sessions so it need not rebuild it at every unlock, such as the search index. They hold
 * names and text, so they are sealed like records, under their own subkey, bound to their
 * name and to how far into the revision log they reach.
 */
export function deriveStateKey(sodium: Sodium, vaultKey: Uint8Array): Uint8Array {
  return sodium.crypto_kdf_derive_from_key(32, 2, 'cbstate_', vaultKey);
}

export function stateAdditionalData(vaultId: string, name: string, upToSeq: number): Uint8Array {
  return Buffer.from(['casebook/state/v1', vaultId, name, String(upToSeq)].join('\0'), 'latin1');
}
