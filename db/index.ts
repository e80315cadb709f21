export { Vault, type CreateOptions, type WrittenRevision } from './vault/vault';
export { VaultError, isVaultError } from './errors';
export { defaultArgon2idCost, type Argon2idCost } from './crypto/passphraseKey';
