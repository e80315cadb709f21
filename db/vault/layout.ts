import { existsSync } from 'node:fs';
import path from 'node:path';

/** The files of a vault folder (docs/vault-format.md). */
export interface VaultLayout {
  readonly dir: string;
  readonly database: string;
  readonly keyslots: string;
  /** Encrypted evidence files, one per attachment, named by file id (docs/attachments.md). */
  readonly attachments: string;
  /** SQLite's companions of `database`: they hold pages of it and go wherever it goes. */
  readonly databaseCompanions: readonly string[];
}

export function vaultLayout(dir: string): VaultLayout {
  const database = path.join(dir, 'vault.db');
  return {
    dir,
    database,
    keyslots: path.join(dir, 'keyslots.json'),
    attachments: path.join(dir, 'attachments'),
    databaseCompanions: [`${database}-wal`, `${database}-shm`, `${database}-journal`],
  };
}

export function hasVaultFiles(layout: VaultLayout): boolean {
  return existsSync(layout.database) || existsSync(layout.keyslots);
}
