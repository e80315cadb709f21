export { Vault, type CreateOptions, type WrittenRevision } from './vault/vault';
export { VaultError, isVaultError } from './errors';
export { defaultArgon2idCost, type Argon2idCost } from './crypto/passphraseKey';
export { cleanImageForExport, type BlackOutRegion, type CleanedImage } from './images';
export * from './attachments';
